/** UntagQueue: removes tags by key. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf, stringList } from '../sqs-wire.js';

export const untagQueue: SqsOperation = async ({ queues }, input, ctx) => {
  await queues.untag(callerOf(ctx), queueNameOf(input, ctx), stringList(input.TagKeys));
  return undefined;
};
