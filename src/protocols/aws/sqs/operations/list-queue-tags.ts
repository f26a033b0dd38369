/** ListQueueTags: the queue's tags. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf } from '../sqs-wire.js';

export const listQueueTags: SqsOperation = async ({ queues }, input, ctx) => {
  const tags = await queues.listTags(callerOf(ctx), queueNameOf(input, ctx));
  return Object.keys(tags).length > 0 ? { Tags: tags } : {};
};
