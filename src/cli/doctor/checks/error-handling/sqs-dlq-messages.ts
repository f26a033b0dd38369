/**
 * sqs-dlq-messages: a dead-letter queue holding messages — failures nobody has reviewed. The
 * age of the oldest one comes from CloudWatch (ApproximateAgeOfOldestMessage, last day) when
 * metrics can be read; the doctor never receives messages itself (that would change them).
 */
import type { Check } from '../../model.js';
import { sqsMetric } from '../support/metric-request.js';
import { humanDuration, isDeadLetterQueue, numberAttr, queueRef } from '../support/resources.js';

const age = (name: string) => sqsMetric(name, 'ApproximateAgeOfOldestMessage', 'Maximum', 1, 3600);

export const sqsDlqMessages: Check = {
  id: 'sqs-dlq-messages',
  area: 'error-handling',
  severity: 'high',
  title: 'Dead-letter queue holds messages',
  why: 'Every message in a DLQ is a unit of work that failed and has not been dealt with; left alone it expires and is lost. Review the cause, fix it, then redrive the messages to their source.',
  needs: ['sqs'],
  metrics: (inv) => inv.queues.filter(isDeadLetterQueue).map((q) => age(q.name)),
  run(inv, ctx) {
    return inv.queues.filter(isDeadLetterQueue).flatMap((q) => {
      const count =
        numberAttr(q.attributes, 'ApproximateNumberOfMessages') +
        numberAttr(q.attributes, 'ApproximateNumberOfMessagesNotVisible') +
        numberAttr(q.attributes, 'ApproximateNumberOfMessagesDelayed');
      if (count === 0) return [];
      const ages = ctx.metrics.get(age(q.name).key);
      const oldest =
        ages === undefined
          ? 'oldest message age unknown (CloudWatch metrics unavailable)'
          : ages.length === 0
            ? 'oldest message age not reported by CloudWatch'
            : `oldest message ${humanDuration(Math.max(...ages))} old`;
      return [
        {
          resource: queueRef(q),
          message: `holds ${count} message${count === 1 ? '' : 's'}; ${oldest}`,
          fix: `Review the messages (${ctx.fix.aws('sqs', 'receive-message', [
            ['--queue-url', q.url],
            ['--max-number-of-messages', '10'],
            ['--visibility-timeout', '0'],
          ])}), fix the cause, then redrive: ${ctx.fix.aws('sqs', 'start-message-move-task', [
            ['--source-arn', q.arn],
          ])}`,
        },
      ];
    });
  },
};
