/**
 * sqs-dlq-alarm: a dead-letter queue with no alarm on ApproximateNumberOfMessagesVisible.
 */
import type { Check } from '../../model.js';
import { alarmIndex } from '../support/alarm-index.js';
import { isDeadLetterQueue, queueRef } from '../support/resources.js';

export const sqsDlqAlarm: Check = {
  id: 'sqs-dlq-alarm',
  area: 'monitoring',
  severity: 'high',
  title: 'No alarm on a dead-letter queue’s visible messages',
  why: 'A message lands in a DLQ only after processing failed maxReceiveCount times; without an alarm nobody learns of it, and the message expires from the DLQ unseen.',
  needs: ['sqs', 'alarms'],
  run(inv, ctx) {
    const idx = alarmIndex(inv);
    return inv.queues
      .filter(isDeadLetterQueue)
      .filter((q) => !idx.has('AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', q.name))
      .map((q) => ({
        resource: queueRef(q),
        message: `dead-letter queue (for ${q.sourceArns.length} queue${q.sourceArns.length === 1 ? '' : 's'}) has no alarm on ApproximateNumberOfMessagesVisible`,
        fix: ctx.fix.alarm({
          name: `${q.name}-not-empty`,
          namespace: 'AWS/SQS',
          metric: 'ApproximateNumberOfMessagesVisible',
          dimensions: { QueueName: q.name },
          statistic: 'Maximum',
          threshold: 0,
        }),
      }));
  },
};
