/** GetQueueUrl: by name, optionally in another account (which needs a queue policy). */
import { DomainError } from '../../../../core/errors/domain-error.js';
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueUrl } from '../sqs-wire.js';

export const getQueueUrl: SqsOperation = async ({ queues, publicUrl }, input, ctx) => {
  const caller = callerOf(ctx);
  const owner = input.QueueOwnerAWSAccountId as string | undefined;
  if (owner !== undefined && owner !== caller.accountId) {
    throw new DomainError('QueueDoesNotExist', 'The specified queue does not exist.');
  }
  const queue = await queues.get(caller, input.QueueName as string);
  return { QueueUrl: queueUrl(publicUrl, queue) };
};
