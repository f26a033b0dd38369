/**
 * sqs-no-dlq: a queue (not itself a DLQ) without a RedrivePolicy.
 */
import type { Check } from '../../model.js';
import { isDeadLetterQueue, queueRef } from '../support/resources.js';

export const sqsNoDlq: Check = {
  id: 'sqs-no-dlq',
  area: 'error-handling',
  severity: 'medium',
  title: 'Queue without a dead-letter queue',
  why: 'Without a RedrivePolicy a message that always fails (a “poison pill”) is received again and again until it expires, wasting consumer time and hiding the failure; a DLQ sets it aside for review.',
  needs: ['sqs'],
  run(inv, ctx) {
    return inv.queues
      .filter((q) => q.attributes && !q.redrive && !isDeadLetterQueue(q))
      .map((q) => {
        const dlqName = q.fifo ? `${q.name.replace(/\.fifo$/, '')}-dlq.fifo` : `${q.name}-dlq`;
        const dlqArn = q.arn.replace(/[^:]+$/, dlqName);
        const attrs = q.fifo
          ? `FifoQueue=true,MessageRetentionPeriod=1209600`
          : `MessageRetentionPeriod=1209600`;
        const redrive = JSON.stringify({
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: '5' }),
        });
        return {
          resource: queueRef(q),
          message: 'no RedrivePolicy: failing messages are retried until they expire',
          fix: `${ctx.fix.aws('sqs', 'create-queue', [
            ['--queue-name', dlqName],
            ['--attributes', attrs],
          ])} && ${ctx.fix.aws('sqs', 'set-queue-attributes', [
            ['--queue-url', q.url],
            ['--attributes', redrive],
          ])}`,
        };
      });
  },
};
