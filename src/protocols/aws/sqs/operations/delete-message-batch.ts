/** DeleteMessageBatch: up to 10 receipt handles in one transaction. */
import { validateBatchEntries } from '../../../../core/queues/batch-validation.js';
import type { SqsOperation } from '../sqs-operation.js';
import { batchError, callerOf, queueNameOf } from '../sqs-wire.js';

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
  const Successful: Record<string, unknown>[] = [];
  const Failed: Record<string, unknown>[] = [];
  results.forEach((r, i) => {
    const id = entries[i]!.Id;
    if (r.ok) Successful.push({ Id: id });
    else Failed.push(batchError(id, r.error));
  });
  return { Successful, Failed };
};
