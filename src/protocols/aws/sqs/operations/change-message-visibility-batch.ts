/** ChangeMessageVisibilityBatch: up to 10 changes in one transaction. */
import { validateBatchEntries } from '../../../../core/queues/batch-validation.js';
import type { SqsOperation } from '../sqs-operation.js';
import { batchError, callerOf, queueNameOf } from '../sqs-wire.js';

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
  const Successful: Record<string, unknown>[] = [];
  const Failed: Record<string, unknown>[] = [];
  results.forEach((r, i) => {
    const id = entries[i]!.Id;
    if (r.ok) Successful.push({ Id: id });
    else Failed.push(batchError(id, r.error));
  });
  return { Successful, Failed };
};
