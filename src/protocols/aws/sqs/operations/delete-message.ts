/** DeleteMessage: a stale handle or an already deleted message succeeds, as on AWS. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf } from '../sqs-wire.js';

export const deleteMessage: SqsOperation = async ({ queues }, input, ctx) => {
  const [result] = await queues.messages.delete(callerOf(ctx), queueNameOf(input, ctx), [
    input.ReceiptHandle as string,
  ]);
  if (!result!.ok) throw result!.error;
  return undefined;
};
