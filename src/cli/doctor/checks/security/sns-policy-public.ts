/**
 * sns-policy-public: a topic policy that lets anyone (or a foreign account) publish or
 * subscribe with no condition narrowing the caller. The default policy (Principal "*" with
 * AWS:SourceOwner = the account) is narrowed and passes.
 */
import type { Check } from '../../model.js';
import { describeOpen, openStatements } from '../support/policy-analysis.js';
import { topicRef } from '../support/resources.js';

export const snsPolicyPublic: Check = {
  id: 'sns-policy-public',
  area: 'security',
  severity: 'critical',
  title: 'Topic policy open to anyone or a foreign account without a narrowing condition',
  why: 'Anyone allowed to publish can inject messages into every subscriber; anyone allowed to subscribe receives every message. Restrict the principal or add aws:SourceArn/aws:SourceAccount/aws:PrincipalOrgID.',
  needs: ['sns'],
  run(inv, ctx) {
    return inv.topics.flatMap((t) => {
      const open = openStatements(t.attributes?.Policy, ctx.accountId ?? inv.accountId);
      if (open.length === 0) return [];
      return [
        {
          resource: topicRef(t),
          message: `${describeOpen(open)} with no narrowing condition`,
          fix: `Narrow the statement (Condition aws:SourceAccount or aws:PrincipalOrgID) in policy.json, then: ${ctx.fix.aws(
            'sns',
            'set-topic-attributes',
            [
              ['--topic-arn', t.arn],
              ['--attribute-name', 'Policy'],
              ['--attribute-value', 'file://policy.json'],
            ],
          )}`,
        },
      ];
    });
  },
};
