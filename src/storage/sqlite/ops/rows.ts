/**
 * The queue row as SQLite returns it (JSON columns as text) and its mapping, plus re-exports of
 * the engine-neutral row mapping and rules the operation modules use.
 */
import type { QueueRecord } from '../../../core/ports/storage.js';
import { parseStringMap, retentionMsOf } from '../../common/queue-rules.js';

export {
  DEFAULT_RETENTION_SECONDS,
  FIFO_WINDOW_MS,
  newNonce,
  parseStringMap,
  sequenceNumberFor,
} from '../../common/queue-rules.js';
export {
  toMoveTaskRecord,
  toOutboxItem,
  toStoredMessage,
  toTimerRecord,
  type MessageRow,
  type MoveTaskRow,
  type OutboxRow,
  type TimerRow,
} from '../../common/row-mapping.js';

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
  return retentionMsOf(parseStringMap(attributesJson));
}

/** better-sqlite3 binds Buffers as BLOBs; wrap a plain Uint8Array without copying. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
