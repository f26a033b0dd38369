/**
 * sqs-short-polling: consumers short-poll (ReceiveMessageWaitTimeSeconds 0) a queue that is
 * mostly empty: over 7 days, empty receives are at least 100 and ten times the messages
 * received.
 */
import type { Check } from '../../model.js';
import { sum } from '../../inventory/metrics.js';
import { sqsMetric } from '../support/metric-request.js';
import { numberAttr, queueRef } from '../support/resources.js';

const DAYS = 7;
const empty = (name: string) => sqsMetric(name, 'NumberOfEmptyReceives', 'Sum', DAYS);
const received = (name: string) => sqsMetric(name, 'NumberOfMessagesReceived', 'Sum', DAYS);
const shortPolled = (attrs: Record<string, string> | undefined) =>
  attrs !== undefined && numberAttr(attrs, 'ReceiveMessageWaitTimeSeconds') === 0;

export const sqsShortPolling: Check = {
  id: 'sqs-short-polling',
  area: 'scaling',
  severity: 'low',
  title: 'Short polling on a mostly idle queue',
  why: 'Each empty ReceiveMessage is a billed request that returns nothing; long polling (up to 20 s) waits for messages instead, cutting empty receives and latency.',
  needs: ['sqs', 'metrics'],
  metrics: (inv) =>
    inv.queues
      .filter((q) => shortPolled(q.attributes))
      .flatMap((q) => [empty(q.name), received(q.name)]),
  run(inv, ctx) {
    return inv.queues
      .filter((q) => shortPolled(q.attributes))
      .flatMap((q) => {
        const e = sum(ctx.metrics.get(empty(q.name).key));
        const r = sum(ctx.metrics.get(received(q.name).key));
        if (e < 100 || e < 10 * r) return [];
        return [
          {
            resource: queueRef(q),
            message: `short polling: ${e} empty receives vs ${r} messages received in ${DAYS} days`,
            fix: ctx.fix.aws('sqs', 'set-queue-attributes', [
              ['--queue-url', q.url],
              ['--attributes', 'ReceiveMessageWaitTimeSeconds=20'],
            ]),
          },
        ];
      });
  },
};
