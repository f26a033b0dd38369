/**
 * The queue row as PostgreSQL returns it (jsonb columns already parsed) and its mapping, plus
 * the message columns every receive returns.
 */
import type { QueueRecord } from '../../../core/ports/storage.js';
import { stringEntries } from '../../common/queue-rules.js';

export interface PgQueueRow {
  id: number;
  account: string;
  region: string;
  name: string;
  fifo: boolean;
  attributes: unknown;
  tags: unknown;
  key_salt: string;
  created_at: number;
  last_modified_at: number;
  last_purge_at: number | null;
}

export function toQueueRecord(row: PgQueueRow): QueueRecord {
  return {
    id: row.id,
    account: row.account,
    region: row.region,
    name: row.name,
    fifo: row.fifo,
    attributes: stringEntries(row.attributes),
    tags: stringEntries(row.tags),
    keySalt: row.key_salt,
    createdAt: row.created_at,
    lastModifiedAt: row.last_modified_at,
    lastPurgeAt: row.last_purge_at,
  };
}

/** Columns of a message row as the contract needs them (RETURNING / SELECT lists). */
export const MESSAGE_COLUMNS = `id, queue_id, message_id, payload, sent_at, enqueued_at, visible_at, receive_count,
  first_received_at, receipt_nonce, group_id, dedup_id, sequence_number, sender_id, dlq_source_arn`;
