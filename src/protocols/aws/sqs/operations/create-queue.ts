/** CreateQueue: idempotent for identical attributes; QueueNameExists otherwise. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueUrl, stringMap } from '../sqs-wire.js';

export const createQueue: SqsOperation = async ({ queues, publicUrl }, input, ctx) => {
  const queue = await queues.create(callerOf(ctx), {
    name: input.QueueName as string,
    attributes: stringMap(input.Attributes),
    tags: stringMap(input.tags),
  });
  return { QueueUrl: queueUrl(publicUrl, queue) };
};
