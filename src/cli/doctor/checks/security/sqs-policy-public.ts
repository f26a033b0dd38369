/**
 * sqs-policy-public: a queue policy that lets anyone (or a foreign account) act on the queue
 * with no condition narrowing the caller.
 */
import type { Check } from '../../model.js';
import { describeOpen, openStatements } from '../support/policy-analysis.js';
import { queueRef } from '../support/resources.js';

export const sqsPolicyPublic: Check = {
  id: 'sqs-policy-public',
  area: 'security',
  severity: 'critical',
  title: 'Queue policy open to anyone or a foreign account without a narrowing condition',
  why: 'An Allow for Principal "*" (or another account) with no aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID or aws:SourceIp condition lets that principal read, send or delete messages.',
  needs: ['sqs'],
  run(inv, ctx) {
    return inv.queues.flatMap((q) => {
      const open = openStatements(q.attributes?.Policy, ctx.accountId ?? inv.accountId);
      if (open.length === 0) return [];
      return [
        {
          resource: queueRef(q),
          message: `${describeOpen(open)} with no narrowing condition`,
          fix: `Add a Condition (aws:SourceArn or aws:SourceAccount) to the statement, then: ${ctx.fix.aws(
            'sqs',
            'set-queue-attributes',
            [
              ['--queue-url', q.url],
              ['--attributes', 'file://queue-policy-attributes.json'],
            ],
          )}`,
        },
      ];
    });
  },
};
