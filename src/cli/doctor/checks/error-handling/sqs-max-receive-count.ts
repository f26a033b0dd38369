/**
 * sqs-max-receive-count: a RedrivePolicy whose maxReceiveCount exceeds the threshold
 * (`--max-receive-count`, default 10).
 */
import type { Check } from '../../model.js';
import { queueRef } from '../support/resources.js';

export const sqsMaxReceiveCount: Check = {
  id: 'sqs-max-receive-count',
  area: 'error-handling',
  severity: 'low',
  title: 'maxReceiveCount above the threshold',
  why: 'Each extra receive of a failing message costs a full visibility timeout of consumer time and delays the messages behind it; a message that failed this many times is not going to succeed.',
  needs: ['sqs'],
  run(inv, ctx) {
    const limit = ctx.thresholds.maxReceiveCount;
    return inv.queues.flatMap((q) => {
      if (!q.redrive || q.redrive.maxReceiveCount <= limit) return [];
      const policy = JSON.stringify({
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: q.redrive.deadLetterTargetArn,
          maxReceiveCount: String(Math.min(5, limit)),
        }),
      });
      return [
        {
          resource: queueRef(q),
          message: `maxReceiveCount is ${q.redrive.maxReceiveCount} (threshold ${limit})`,
          fix: ctx.fix.aws('sqs', 'set-queue-attributes', [
            ['--queue-url', q.url],
            ['--attributes', policy],
          ]),
        },
      ];
    });
  },
};
