/** DeleteQueue: removes the queue and its messages; the name is reusable after 60 s. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf } from '../sqs-wire.js';

export const deleteQueue: SqsOperation = async ({ queues }, input, ctx) => {
  await queues.delete(callerOf(ctx), queueNameOf(input, ctx));
  return undefined;
};
