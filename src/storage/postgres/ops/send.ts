/**
 * messagesSend on PostgreSQL: a standard batch is one INSERT over arrays, a FIFO batch a few
 * set-based statements (fifo-send.ts) — no per-message round trip either way. A queue deleted
 * meanwhile fails the insert's foreign key, which the engine reports as QueueDoesNotExist.
 * insertMessage (one row) serves the dead-letter and move paths.
 */
import type { NewMessage, SendResult } from '../../../core/ports/storage.js';
import type { PgOp, PgTx } from '../pg-tx.js';
import { sendFifoBatch } from './fifo-send.js';

export interface InsertMessage {
  id?: number;
  queueId: number;
  messageId: string;
  payload: Uint8Array;
  sentAt: number;
  enqueuedAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt: number | null;
  groupId: string | null;
  dedupId: string | null;
  sequenceNumber: string | null;
  senderId: string;
  deadLetterSourceArn: string | null;
}

/** Inserts one message row (with an explicit id when given); returns its id. */
export async function insertMessage(tx: PgTx, m: InsertMessage): Promise<number> {
  const row = await tx.row<{ id: number }>(
    `INSERT INTO messages (id, queue_id, message_id, payload, sent_at, enqueued_at, visible_at, receive_count,
       first_received_at, group_id, dedup_id, sequence_number, sender_id, dlq_source_arn)
     VALUES (coalesce($1, nextval(pg_get_serial_sequence('messages', 'id'))), $2, $3, $4, $5, $6, $7, $8,
       $9, $10, $11, $12, $13, $14)
     RETURNING id`,
    m.id ?? null,
    m.queueId,
    m.messageId,
    m.payload,
    m.sentAt,
    m.enqueuedAt,
    m.visibleAt,
    m.receiveCount,
    m.firstReceivedAt,
    m.groupId,
    m.dedupId,
    m.sequenceNumber,
    m.senderId,
    m.deadLetterSourceArn,
  );
  if (!row) throw new Error('message insert returned no row');
  return row.id;
}

async function sendStandard(tx: PgTx, queueId: number, messages: NewMessage[]): Promise<void> {
  await tx.run(
    `INSERT INTO messages (queue_id, message_id, payload, sent_at, enqueued_at, visible_at, sender_id,
       group_id, dedup_id, dlq_source_arn)
     SELECT $1, m.message_id, m.payload, $2, $2, $2 + m.delay_ms, m.sender_id, m.group_id, m.dedup_id, m.dlq
     FROM unnest($3::text[], $4::bytea[], $5::int8[], $6::text[], $7::text[], $8::text[], $9::text[])
       AS m (message_id, payload, delay_ms, sender_id, group_id, dedup_id, dlq)`,
    queueId,
    tx.now,
    messages.map((m) => m.messageId),
    messages.map((m) => Buffer.from(m.payload.buffer, m.payload.byteOffset, m.payload.byteLength)),
    messages.map((m) => m.delaySeconds * 1000),
    messages.map((m) => m.senderId),
    messages.map((m) => m.groupId ?? null),
    messages.map((m) => m.dedupId ?? null),
    messages.map((m) => m.deadLetterSourceArn ?? null),
  );
}

export const messagesSend: PgOp<'messagesSend'> = async (tx, p) => {
  // No existence check: a missing queue fails the foreign key (QueueDoesNotExist).
  let results: SendResult[];
  if (p.fifo) {
    results = await sendFifoBatch(tx, p.queueId, p.dedupScope, p.messages);
  } else {
    await sendStandard(tx, p.queueId, p.messages);
    results = p.messages.map((m) => ({ messageId: m.messageId, duplicate: false }));
  }
  // Delayed messages wake waiters too: they re-read nextDueAt.
  if (results.some((r) => !r.duplicate)) tx.wakeQueue(p.queueId);
  return results;
};
