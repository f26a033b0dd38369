/**
 * Row shapes as SQLite returns them and their mapping to the contract's records, plus the
 * small value helpers shared by the operation modules (JSON columns, retention, nonces).
 */
import { randomBytes } from 'node:crypto';
import type {
  MoveTaskRecord,
  MoveTaskStatus,
  OutboxItem,
  QueueRecord,
  StoredMessage,
  TimerRecord,
} from '../../../core/ports/storage.js';

export interface QueueRow {
  id: number;
  account: string;
  region: string;
  name: string;
  fifo: number;
  attributes: string;
  tags: string;
  key_salt: string;
  created_at: number;
  last_modified_at: number;
  last_purge_at: number | null;
  message_count: number;
}

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

/** Default MessageRetentionPeriod (4 days), seconds. */
export const DEFAULT_RETENTION_SECONDS = 345_600;
/** FIFO deduplication interval and ReceiveRequestAttemptId window. */
export const FIFO_WINDOW_MS = 300_000;

export function parseStringMap(json: string): Record<string, string> {
  const value: unknown = JSON.parse(json);
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function toQueueRecord(row: QueueRow): QueueRecord {
  return {
    id: row.id,
    account: row.account,
    region: row.region,
    name: row.name,
    fifo: row.fifo === 1,
    attributes: parseStringMap(row.attributes),
    tags: parseStringMap(row.tags),
    keySalt: row.key_salt,
    createdAt: row.created_at,
    lastModifiedAt: row.last_modified_at,
    lastPurgeAt: row.last_purge_at,
  };
}

/** The queue's MessageRetentionPeriod in ms, from its attributes JSON. */
export function retentionMs(attributesJson: string): number {
  const raw = parseStringMap(attributesJson)['MessageRetentionPeriod'];
  const seconds = raw === undefined ? NaN : Number(raw);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_RETENTION_SECONDS) * 1000;
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

/** A fresh receipt nonce: 96 random bits. */
export function newNonce(): string {
  return randomBytes(12).toString('base64url');
}

/** 20-digit, increasing FIFO sequence number derived from the (never reused) row id. */
export function sequenceNumberFor(rowId: number): string {
  return (10n ** 19n + BigInt(rowId)).toString();
}

/** better-sqlite3 binds Buffers as BLOBs; wrap a plain Uint8Array without copying. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
