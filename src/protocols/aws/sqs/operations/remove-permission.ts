/** RemovePermission: removes the statement with the given label from the queue policy. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf } from '../sqs-wire.js';

export const removePermission: SqsOperation = async ({ queues }, input, ctx) => {
  await queues.removePermission(callerOf(ctx), queueNameOf(input, ctx), input.Label as string);
  return undefined;
};
