/** ChangeMessageVisibility: extends or ends an in-flight message's visibility timeout. */
import type { SqsOperation } from '../sqs-operation.js';
import { callerOf, queueNameOf } from '../sqs-wire.js';

export const changeMessageVisibility: SqsOperation = async ({ queues }, input, ctx) => {
  const [result] = await queues.messages.changeVisibility(
    callerOf(ctx),
    queueNameOf(input, ctx),
    [
      {
        receiptHandle: input.ReceiptHandle as string,
        visibilityTimeout: input.VisibilityTimeout as number,
      },
    ],
    { batch: false },
  );
  if (!result!.ok) throw result!.error;
  return undefined;
};
