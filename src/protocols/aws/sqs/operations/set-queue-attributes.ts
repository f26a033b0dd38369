/** SetQueueAttributes: validated like CreateQueue; FifoQueue cannot change. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf, stringMap } from '../sqs-wire.js';

export const setQueueAttributes: SqsOperation = async ({ queues }, input, ctx) => {
  await queues.setAttributes(callerOf(ctx), queueNameOf(input, ctx), stringMap(input.Attributes));
  return undefined;
};
