/** DeleteMessageBatch: up to 10 receipt handles in one transaction. */
import { validateBatchEntries } from '../../../../core/queues/batch-validation.js';
import type { SqsOperation } from '../sqs-operation.js';
import { batchResults, callerOf, queueNameOf } from '../sqs-wire.js';

export const deleteMessageBatch: SqsOperation = async ({ queues }, input, ctx) => {
  const entries = (input.Entries ?? []) as { Id: string; ReceiptHandle: string }[];
  const name = queueNameOf(input, ctx);
  validateBatchEntries(
    entries.map((e) => ({ id: e.Id })),
    'DeleteMessageBatchRequestEntry',
  );
  const results = await queues.messages.delete(
    callerOf(ctx),
    name,
    entries.map((e) => e.ReceiptHandle),
  );
  return batchResults(entries, results);
};
