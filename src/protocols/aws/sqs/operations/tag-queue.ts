/** TagQueue: adds or overwrites tags (at most 50 per queue). */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf, stringMap } from '../sqs-wire.js';

export const tagQueue: SqsOperation = async ({ queues }, input, ctx) => {
  await queues.tag(callerOf(ctx), queueNameOf(input, ctx), stringMap(input.Tags));
  return undefined;
};
