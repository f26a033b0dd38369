/** SendMessageBatch: up to 10 messages in one transaction; per-entry failures reported. */
import {
  validateBatchEntries,
  validateBatchSize,
} from '../../../../core/queues/batch-validation.js';
import type { SqsOperation } from '../sqs-operation.js';
import {
  attributesFromWire,
  batchError,
  callerOf,
  optionalNumber,
  optionalString,
  queueNameOf,
} from '../sqs-wire.js';

interface WireEntry {
  Id: string;
  MessageBody?: string;
  DelaySeconds?: number;
  MessageAttributes?: unknown;
  MessageSystemAttributes?: unknown;
  MessageDeduplicationId?: string;
  MessageGroupId?: string;
}

export const sendMessageBatch: SqsOperation = async ({ queues }, input, ctx) => {
  const entries = (input.Entries ?? []) as WireEntry[];
  const name = queueNameOf(input, ctx);
  validateBatchEntries(
    entries.map((e) => ({ id: e.Id })),
    'SendMessageBatchRequestEntry',
  );
  const domain = entries.map((e) => {
    const delaySeconds = optionalNumber(e.DelaySeconds);
    const groupId = optionalString(e.MessageGroupId);
    const dedupId = optionalString(e.MessageDeduplicationId);
    return {
      body: e.MessageBody ?? '',
      attributes: attributesFromWire(e.MessageAttributes),
      systemAttributes: attributesFromWire(e.MessageSystemAttributes),
      ...(delaySeconds !== undefined ? { delaySeconds } : {}),
      ...(groupId !== undefined ? { groupId } : {}),
      ...(dedupId !== undefined ? { dedupId } : {}),
    };
  });
  validateBatchSize(domain);
  const outcomes = await queues.messages.send(callerOf(ctx), name, domain, { batch: true });
  const Successful: Record<string, unknown>[] = [];
  const Failed: Record<string, unknown>[] = [];
  outcomes.forEach((o, i) => {
    const id = entries[i]!.Id;
    if (!o.ok) {
      Failed.push(batchError(id, o.error));
      return;
    }
    Successful.push({
      Id: id,
      MessageId: o.messageId,
      MD5OfMessageBody: o.md5OfBody,
      ...(o.md5OfMessageAttributes ? { MD5OfMessageAttributes: o.md5OfMessageAttributes } : {}),
      ...(o.md5OfMessageSystemAttributes
        ? { MD5OfMessageSystemAttributes: o.md5OfMessageSystemAttributes }
        : {}),
      ...(o.sequenceNumber !== undefined ? { SequenceNumber: o.sequenceNumber } : {}),
    });
  });
  return { Successful, Failed };
};
