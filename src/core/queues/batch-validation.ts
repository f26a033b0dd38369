/**
 * Whole-request rules of the batch operations (SendMessageBatch, DeleteMessageBatch,
 * ChangeMessageVisibilityBatch): these fail the whole call, before any entry is tried.
 * Messages as real SQS returns them: EmptyBatchRequest, TooManyEntriesInBatchRequest,
 * BatchEntryIdsNotDistinct and BatchRequestTooLong from the Ballerina SQS connector's tests
 * against AWS; InvalidBatchEntryId and the FIFO batch checks from LocalStack's recorded
 * snapshots. The 1 MiB batch limit is the SendMessageBatch doc in botocore 1.43.
 */
import { DomainError } from '../errors/domain-error.js';
import { MAX_BATCH_ENTRIES, MAX_BATCH_PAYLOAD_SIZE } from './limits.js';
import { messageSize } from './message-validation.js';
import type { MessageAttributes } from './types.js';

/** The request entry shape name AWS puts in the EmptyBatchRequest message. */
export type BatchEntryKind =
  | 'SendMessageBatchRequestEntry'
  | 'DeleteMessageBatchRequestEntry'
  | 'ChangeMessageVisibilityBatchRequestEntry';

const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export function isValidBatchEntryId(id: string): boolean {
  return ENTRY_ID.test(id);
}

/** 1–10 entries, each id `[A-Za-z0-9_-]{1,80}`, ids distinct (case-sensitive). */
export function validateBatchEntries(
  entries: readonly { id: string }[],
  kind: BatchEntryKind,
): void {
  if (entries.length === 0) {
    throw new DomainError(
      'EmptyBatchRequest',
      `There should be at least one ${kind} in the request.`,
    );
  }
  if (entries.length > MAX_BATCH_ENTRIES) {
    throw new DomainError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are ${MAX_BATCH_ENTRIES}. You have sent ${entries.length}.`,
    );
  }
  const seen = new Set<string>();
  for (const { id } of entries) {
    if (!isValidBatchEntryId(id)) throw new DomainError('InvalidBatchEntryId');
    if (seen.has(id)) throw new DomainError('BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
    seen.add(id);
  }
}

export interface BatchMessage {
  body: string;
  attributes?: MessageAttributes;
}

/** Sum of every entry's body and message attributes (name, type and value), in bytes. */
export function batchPayloadSize(entries: readonly BatchMessage[]): number {
  return entries.reduce((sum, e) => sum + messageSize(e.body ?? '', e.attributes), 0);
}

export function validateBatchPayloadSize(entries: readonly BatchMessage[]): void {
  const size = batchPayloadSize(entries);
  if (size > MAX_BATCH_PAYLOAD_SIZE) {
    throw new DomainError(
      'BatchRequestTooLong',
      `Batch requests cannot be longer than ${MAX_BATCH_PAYLOAD_SIZE} bytes. You have sent ${size} bytes.`,
    );
  }
}

/** Alias of validateBatchPayloadSize. */
export const validateBatchSize = validateBatchPayloadSize;

/**
 * FIFO SendMessageBatch: AWS rejects the whole batch when an entry lacks MessageGroupId, or lacks
 * MessageDeduplicationId on a queue without content-based deduplication (InvalidParameterValue).
 */
export function validateFifoBatchEntries(
  entries: readonly { groupId?: string; dedupId?: string }[],
  queue: { contentBasedDeduplication: boolean },
): void {
  for (const e of entries) {
    if (!queue.contentBasedDeduplication && !e.dedupId) {
      throw new DomainError(
        'InvalidParameterValue',
        'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
      );
    }
    if (!e.groupId) {
      throw new DomainError(
        'InvalidParameterValue',
        'The request must contain the parameter MessageGroupId.',
      );
    }
  }
}
