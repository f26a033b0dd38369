/**
 * sqs-dlq-retention: a DLQ whose MessageRetentionPeriod is not longer than that of a queue
 * feeding it.
 */
import type { Check } from '../../model.js';
import { humanDuration, numberAttr, queueRef } from '../support/resources.js';

const MAX_RETENTION = 1_209_600;

export const sqsDlqRetention: Check = {
  id: 'sqs-dlq-retention',
  area: 'error-handling',
  severity: 'medium',
  title: 'Dead-letter queue retention not longer than its sources’',
  why: 'A standard queue keeps a message’s original enqueue time when it is moved to the DLQ, so a DLQ retaining no longer than its source deletes dead-lettered messages almost immediately — before anyone can look at them.',
  needs: ['sqs'],
  run(inv, ctx) {
    const byArn = new Map(inv.queues.map((q) => [q.arn, q]));
    return inv.queues.flatMap((dlq) => {
      if (!dlq.attributes || dlq.sourceArns.length === 0) return [];
      const own = numberAttr(dlq.attributes, 'MessageRetentionPeriod');
      const sources = dlq.sourceArns
        .map((arn) => byArn.get(arn))
        .filter((s) => s?.attributes && numberAttr(s.attributes, 'MessageRetentionPeriod') >= own);
      if (sources.length === 0) return [];
      const longest = Math.max(
        ...sources.map((s) => numberAttr(s?.attributes, 'MessageRetentionPeriod')),
      );
      // The DLQ goes to the 14-day maximum; a source already at the maximum must come down.
      const fix =
        longest < MAX_RETENTION
          ? ctx.fix.aws('sqs', 'set-queue-attributes', [
              ['--queue-url', dlq.url],
              ['--attributes', `MessageRetentionPeriod=${MAX_RETENTION}`],
            ])
          : sources
              .map((s) =>
                ctx.fix.aws('sqs', 'set-queue-attributes', [
                  ['--queue-url', s?.url ?? ''],
                  ['--attributes', `MessageRetentionPeriod=${Math.max(60, own - 86_400)}`],
                ]),
              )
              .join(' && ');
      return [
        {
          resource: queueRef(dlq),
          message: `retains messages ${humanDuration(own)}, not longer than source ${sources.map((s) => s?.name).join(', ')} (${humanDuration(longest)})`,
          fix,
        },
      ];
    });
  },
};
