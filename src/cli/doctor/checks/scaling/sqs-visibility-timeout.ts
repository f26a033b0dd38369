/**
 * sqs-visibility-timeout: messages are received far more often than they are deleted (over
 * 7 days, at least 100 receives and 1.5× the deletes) — the sign of a visibility timeout
 * shorter than processing, where messages reappear and are processed twice.
 */
import type { Check } from '../../model.js';
import { sum } from '../../inventory/metrics.js';
import { sqsMetric } from '../support/metric-request.js';
import { numberAttr, queueRef } from '../support/resources.js';

const DAYS = 7;
const received = (name: string) => sqsMetric(name, 'NumberOfMessagesReceived', 'Sum', DAYS);
const deleted = (name: string) => sqsMetric(name, 'NumberOfMessagesDeleted', 'Sum', DAYS);

export const sqsVisibilityTimeout: Check = {
  id: 'sqs-visibility-timeout',
  area: 'scaling',
  severity: 'medium',
  title: 'Visibility timeout shorter than processing (messages redelivered)',
  why: 'When processing outlasts the visibility timeout the message becomes visible again and a second consumer processes it too: duplicate work, duplicate side effects, and needless trips towards the DLQ.',
  needs: ['sqs', 'metrics'],
  metrics: (inv) =>
    inv.queues.filter((q) => q.attributes).flatMap((q) => [received(q.name), deleted(q.name)]),
  run(inv, ctx) {
    return inv.queues
      .filter((q) => q.attributes)
      .flatMap((q) => {
        const r = sum(ctx.metrics.get(received(q.name).key));
        const d = sum(ctx.metrics.get(deleted(q.name).key));
        if (r < 100 || r < 1.5 * d) return [];
        const current = numberAttr(q.attributes, 'VisibilityTimeout');
        return [
          {
            resource: queueRef(q),
            message: `${r} receives but ${d} deletes in ${DAYS} days (${(r / Math.max(d, 1)).toFixed(1)}×): messages reappear before processing ends; VisibilityTimeout is ${current} s`,
            fix: ctx.fix.aws('sqs', 'set-queue-attributes', [
              ['--queue-url', q.url],
              ['--attributes', `VisibilityTimeout=${Math.min(43_200, Math.max(60, current * 4))}`],
            ]),
          },
        ];
      });
  },
};
