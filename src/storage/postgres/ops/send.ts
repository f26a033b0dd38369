/**
 * messagesSend on PostgreSQL. A standard batch is one INSERT over arrays (no per-message round
 * trip). A FIFO message takes its group's send lock and row id, claims its deduplication entry
 * (the entry is inserted before the message, so a concurrent sender of the same id on another
 * node waits for it and then sees a duplicate), inserts the row with its sequence number and
 * appends to its group. A queue deleted meanwhile fails the insert's foreign key, which the
 * engine reports as QueueDoesNotExist.
 */
import { DomainError } from '../../../core/errors/domain-error.js';
import type { NewMessage, SendResult } from '../../../core/ports/storage.js';
import { FIFO_WINDOW_MS, sequenceNumberFor } from '../../common/queue-rules.js';
import type { PgOp, PgTx } from '../pg-tx.js';
import { fifoGroupAppend, lockGroupAndTakeId } from './fifo-groups.js';

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

/** Message group ids cannot contain U+0001, so the key is unambiguous. */
function dedupScopeKey(scope: 'messageGroup' | 'queue' | undefined, group: string, id: string) {
  return scope === 'messageGroup' ? `${group}\u0001${id}` : id;
}

async function sendFifo(
  tx: PgTx,
  queueId: number,
  scope: 'messageGroup' | 'queue' | undefined,
  m: NewMessage,
): Promise<SendResult> {
  if (m.groupId === undefined)
    throw new DomainError(
      'MissingParameter',
      'The request must contain the parameter MessageGroupId.',
    );
  const id = await lockGroupAndTakeId(tx, queueId, m.groupId);
  const sequenceNumber = sequenceNumberFor(id);
  if (m.dedupId !== undefined) {
    const scopeKey = dedupScopeKey(scope, m.groupId, m.dedupId);
    const claimed = await tx.row(
      `INSERT INTO fifo_dedup (queue_id, scope_key, message_id, sequence_number, expires_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (queue_id, scope_key) DO UPDATE SET message_id = excluded.message_id,
         sequence_number = excluded.sequence_number, expires_at = excluded.expires_at
       WHERE fifo_dedup.expires_at <= $6
       RETURNING 1 AS one`,
      queueId,
      scopeKey,
      m.messageId,
      sequenceNumber,
      tx.now + FIFO_WINDOW_MS,
      tx.now,
    );
    if (!claimed) {
      const prior = await tx.row<{ message_id: string; sequence_number: string }>(
        'SELECT message_id, sequence_number FROM fifo_dedup WHERE queue_id = $1 AND scope_key = $2',
        queueId,
        scopeKey,
      );
      if (prior)
        return {
          messageId: prior.message_id,
          sequenceNumber: prior.sequence_number,
          duplicate: true,
        };
    }
  }
  const visibleAt = tx.now + m.delaySeconds * 1000;
  await insertMessage(tx, {
    id,
    queueId,
    messageId: m.messageId,
    payload: m.payload,
    sentAt: tx.now,
    enqueuedAt: tx.now,
    visibleAt,
    receiveCount: 0,
    firstReceivedAt: null,
    groupId: m.groupId,
    dedupId: m.dedupId ?? null,
    sequenceNumber,
    senderId: m.senderId,
    deadLetterSourceArn: m.deadLetterSourceArn ?? null,
  });
  await fifoGroupAppend(tx, queueId, m.groupId, id, visibleAt);
  return { messageId: m.messageId, sequenceNumber, duplicate: false };
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
    results = [];
    for (const m of p.messages) results.push(await sendFifo(tx, p.queueId, p.dedupScope, m));
  } else {
    await sendStandard(tx, p.queueId, p.messages);
    results = p.messages.map((m) => ({ messageId: m.messageId, duplicate: false }));
  }
  // Delayed messages wake waiters too: they re-read nextDueAt.
  if (results.some((r) => !r.duplicate)) tx.wakeQueue(p.queueId);
  return results;
};
