/**
 * sqs-idle: a queue (not a DLQ) older than `--idle-days` (default 30) that sent and received
 * no message in that window.
 */
import type { Check } from '../../model.js';
import type { QueueInfo } from '../../inventory/inventory.js';
import { sum } from '../../inventory/metrics.js';
import { sqsMetric } from '../support/metric-request.js';
import { isDeadLetterQueue, numberAttr, queueRef } from '../support/resources.js';

const sent = (q: QueueInfo, days: number) => sqsMetric(q.name, 'NumberOfMessagesSent', 'Sum', days);
const received = (q: QueueInfo, days: number) =>
  sqsMetric(q.name, 'NumberOfMessagesReceived', 'Sum', days);

function oldEnough(q: QueueInfo, now: Date, days: number): boolean {
  const created = numberAttr(q.attributes, 'CreatedTimestamp');
  return created > 0 && now.getTime() - created * 1000 >= days * 86_400_000;
}

export const sqsIdle: Check = {
  id: 'sqs-idle',
  area: 'maintenance',
  severity: 'low',
  title: 'Queue with no traffic for N days',
  why: 'A queue nobody sends to or receives from is either abandoned (clutter, and a place where stray messages go unnoticed) or a broken producer nobody has noticed.',
  needs: ['sqs', 'metrics'],
  metrics: (inv, ctx) => {
    const days = ctx.thresholds.idleDays;
    return inv.queues
      .filter((q) => !isDeadLetterQueue(q) && oldEnough(q, ctx.now, days))
      .flatMap((q) => [sent(q, days), received(q, days)]);
  },
  run(inv, ctx) {
    const days = ctx.thresholds.idleDays;
    return inv.queues
      .filter((q) => !isDeadLetterQueue(q) && oldEnough(q, ctx.now, days))
      .filter(
        (q) =>
          sum(ctx.metrics.get(sent(q, days).key)) + sum(ctx.metrics.get(received(q, days).key)) ===
          0,
      )
      .map((q) => ({
        resource: queueRef(q),
        message: `no message sent or received in ${days} days`,
        fix: `If it is no longer used: ${ctx.fix.aws('sqs', 'delete-queue', [['--queue-url', q.url]])}`,
      }));
  },
};
