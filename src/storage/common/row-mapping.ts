/**
 * Row shapes both SQL engines return for messages, move tasks, outbox items and timers (same
 * column names and value types), and their mapping to the contract's records.
 */
import type {
  MoveTaskRecord,
  MoveTaskStatus,
  OutboxItem,
  StoredMessage,
  TimerRecord,
} from '../../core/ports/storage.js';

export interface MessageRow {
  id: number;
  queue_id: number;
  message_id: string;
  payload: Buffer;
  sent_at: number;
  enqueued_at: number;
  visible_at: number;
  receive_count: number;
  first_received_at: number | null;
  receipt_nonce: string | null;
  group_id: string | null;
  dedup_id: string | null;
  sequence_number: string | null;
  sender_id: string;
  dlq_source_arn: string | null;
}

export interface MoveTaskRow {
  task_handle: string;
  source_queue_id: number;
  source_arn: string;
  destination_arn: string | null;
  max_per_second: number | null;
  status: string;
  moved: number;
  to_move: number;
  failure_reason: string | null;
  started_at: number;
}

export interface OutboxRow {
  id: number;
  kind: string;
  payload: string;
  attempts: number;
  due_at: number;
  created_at: number;
  last_error: string | null;
}

export interface TimerRow {
  id: number;
  kind: string;
  key: string;
  payload: string;
  due_at: number;
}

export function toStoredMessage(row: MessageRow): StoredMessage {
  return {
    rowId: row.id,
    messageId: row.message_id,
    payload: row.payload,
    sentAt: row.sent_at,
    receiveCount: row.receive_count,
    firstReceivedAt: row.first_received_at,
    groupId: row.group_id,
    dedupId: row.dedup_id,
    sequenceNumber: row.sequence_number,
    senderId: row.sender_id,
    deadLetterSourceArn: row.dlq_source_arn,
    receiptNonce: row.receipt_nonce ?? '',
  };
}

export function toMoveTaskRecord(row: MoveTaskRow): MoveTaskRecord {
  return {
    taskHandle: row.task_handle,
    sourceQueueId: row.source_queue_id,
    sourceArn: row.source_arn,
    destinationArn: row.destination_arn,
    maxPerSecond: row.max_per_second,
    status: row.status as MoveTaskStatus,
    moved: row.moved,
    toMove: row.to_move,
    failureReason: row.failure_reason,
    startedAt: row.started_at,
  };
}

export function toOutboxItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    attempts: row.attempts,
    dueAt: row.due_at,
    createdAt: row.created_at,
    lastError: row.last_error,
  };
}

export function toTimerRecord(row: TimerRow): TimerRecord {
  return { id: row.id, kind: row.kind, key: row.key, payload: row.payload, dueAt: row.due_at };
}
