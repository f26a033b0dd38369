/**
 * sqs-alarm-backlog: a (non-DLQ) queue with no alarm on ApproximateAgeOfOldestMessage or
 * ApproximateNumberOfMessagesVisible — a stalled consumer goes unnoticed.
 */
import type { Check } from '../../model.js';
import { alarmIndex } from '../support/alarm-index.js';
import { isDeadLetterQueue, queueRef } from '../support/resources.js';

const METRICS = ['ApproximateAgeOfOldestMessage', 'ApproximateNumberOfMessagesVisible'];

export const sqsAlarmBacklog: Check = {
  id: 'sqs-alarm-backlog',
  area: 'monitoring',
  severity: 'medium',
  title: 'No alarm on a queue’s message age or backlog',
  why: 'When consumers stop or fall behind, messages age and pile up silently until they expire (MessageRetentionPeriod) and are lost; an alarm on the oldest message’s age or the visible backlog is the one signal that catches it.',
  needs: ['sqs', 'alarms'],
  run(inv, ctx) {
    const idx = alarmIndex(inv);
    return inv.queues
      .filter((q) => !isDeadLetterQueue(q))
      .filter((q) => idx.missing('AWS/SQS', METRICS, 'QueueName', q.name).length === METRICS.length)
      .map((q) => ({
        resource: queueRef(q),
        message: 'no alarm on ApproximateAgeOfOldestMessage or ApproximateNumberOfMessagesVisible',
        fix: ctx.fix.alarm({
          name: `${q.name}-oldest-message-age`,
          namespace: 'AWS/SQS',
          metric: 'ApproximateAgeOfOldestMessage',
          dimensions: { QueueName: q.name },
          statistic: 'Maximum',
          threshold: 900,
        }),
      }));
  },
};
