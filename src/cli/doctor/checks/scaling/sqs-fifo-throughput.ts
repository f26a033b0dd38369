/**
 * sqs-fifo-throughput: a FIFO queue not in high-throughput mode (DeduplicationScope
 * messageGroup + FifoThroughputLimit perMessageGroupId) whose busiest 5 minutes of the last
 * 3 days averaged 200 messages/s or more — close to the 300 transactions/s a queue gets
 * without it.
 */
import type { Check } from '../../model.js';
import type { QueueInfo } from '../../inventory/inventory.js';
import { sqsMetric } from '../support/metric-request.js';
import { queueRef } from '../support/resources.js';

const PERIOD = 300;
const RATE = 200;
const sent = (name: string) => sqsMetric(name, 'NumberOfMessagesSent', 'Sum', 3, PERIOD);
const standardThroughput = (q: QueueInfo) =>
  q.fifo &&
  q.attributes !== undefined &&
  !(
    q.attributes.DeduplicationScope === 'messageGroup' &&
    q.attributes.FifoThroughputLimit === 'perMessageGroupId'
  );

export const sqsFifoThroughput: Check = {
  id: 'sqs-fifo-throughput',
  area: 'scaling',
  severity: 'medium',
  title: 'FIFO queue near its throughput limit without high-throughput mode',
  why: 'A FIFO queue without high-throughput mode is limited to 300 transactions per second (3,000 messages with batching); beyond that sends are throttled. High-throughput mode scales the limit per message group.',
  needs: ['sqs', 'metrics'],
  metrics: (inv) => inv.queues.filter(standardThroughput).map((q) => sent(q.name)),
  run(inv, ctx) {
    return inv.queues.filter(standardThroughput).flatMap((q) => {
      const peak = Math.max(0, ...(ctx.metrics.get(sent(q.name).key) ?? [])) / PERIOD;
      if (peak < RATE) return [];
      return [
        {
          resource: queueRef(q),
          message: `peak ${Math.round(peak)} messages/s over 5 minutes without high-throughput mode (DeduplicationScope=${q.attributes?.DeduplicationScope ?? 'queue'}, FifoThroughputLimit=${q.attributes?.FifoThroughputLimit ?? 'perQueue'})`,
          fix: ctx.fix.aws('sqs', 'set-queue-attributes', [
            ['--queue-url', q.url],
            [
              '--attributes',
              'DeduplicationScope=messageGroup,FifoThroughputLimit=perMessageGroupId',
            ],
          ]),
        },
      ];
    });
  },
};
