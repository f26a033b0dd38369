/** ChangeMessageVisibilityBatch: up to 10 changes in one transaction. */
import { validateBatchEntries } from '../../../../core/queues/batch-validation.js';
import type { SqsOperation } from '../sqs-operation.js';
import { batchResults, callerOf, queueNameOf } from '../sqs-wire.js';

export const changeMessageVisibilityBatch: SqsOperation = async ({ queues }, input, ctx) => {
  const entries = (input.Entries ?? []) as {
    Id: string;
    ReceiptHandle: string;
    VisibilityTimeout?: number;
  }[];
  const name = queueNameOf(input, ctx);
  validateBatchEntries(
    entries.map((e) => ({ id: e.Id })),
    'ChangeMessageVisibilityBatchRequestEntry',
  );
  const results = await queues.messages.changeVisibility(
    callerOf(ctx),
    name,
    entries.map((e) => ({
      receiptHandle: e.ReceiptHandle,
      visibilityTimeout: e.VisibilityTimeout ?? 0,
    })),
    { batch: true },
  );
  return batchResults(entries, results);
};
