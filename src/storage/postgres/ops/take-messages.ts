/**
 * Receiving messages on PostgreSQL: the rows chosen by a receive are counted, hidden for the
 * visibility timeout and given fresh receipt nonces in one UPDATE over arrays — or, when every
 * visible candidate is to be delivered (no redrive), chosen, taken and followed by the queue's
 * next due time in a single statement.
 */
import type { StoredMessage } from '../../../core/ports/storage.js';
import { newNonce } from '../../common/queue-rules.js';
import { toStoredMessage, type MessageRow } from '../../common/row-mapping.js';
import type { PgTx } from '../pg-tx.js';
import { MESSAGE_COLUMNS } from './pg-rows.js';

/** Marks the rows received, in the order given (the receive's delivery order). */
export async function takeMessages(
  tx: PgTx,
  rowIds: number[],
  visibleAt: number,
): Promise<StoredMessage[]> {
  if (rowIds.length === 0) return [];
  const rows = await tx.rows<MessageRow>(
    `UPDATE messages m SET receive_count = m.receive_count + 1,
       first_received_at = coalesce(m.first_received_at, $3), visible_at = $4,
       receipt_nonce = r.nonce, received_at = $3
     FROM unnest($1::int8[], $2::text[]) AS r (id, nonce)
     WHERE m.id = r.id
     RETURNING ${MESSAGE_COLUMNS.replace(/(\w+)/g, 'm.$1')}`,
    rowIds,
    rowIds.map(() => newNonce()),
    tx.now,
    visibleAt,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return rowIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toStoredMessage(row)] : [];
  });
}

interface TakenRow extends MessageRow {
  ord: number | null;
  next_due: number | null;
}

/**
 * One round trip for a standard receive without a redrive policy: locks up to `max` visible,
 * unexpired messages in index order (FOR UPDATE SKIP LOCKED), takes them as takeMessages does,
 * and reads the earliest future visible_at of the queue. The data-modifying CTE and the
 * `min(visible_at)` read share the statement's snapshot, which still shows the taken rows as
 * visible (≤ now, so outside the min); their new visible_at is folded in here, giving the
 * value a separate SELECT after the UPDATE would give.
 */
export async function takeVisible(
  tx: PgTx,
  p: { queueId: number; max: number; cutoff: number; visibleAt: number },
): Promise<{ messages: StoredMessage[]; nextDueAt: number | null }> {
  const rows = await tx.rows<TakenRow>(
    `WITH candidates AS (
       SELECT id, visible_at, enqueued_at, receive_count FROM messages
       WHERE queue_id = $1 AND visible_at <= $2 AND enqueued_at >= $3
       ORDER BY visible_at, enqueued_at, receive_count, id LIMIT $4
       FOR UPDATE SKIP LOCKED
     ), numbered AS (
       SELECT id, row_number() OVER (ORDER BY visible_at, enqueued_at, receive_count, id) AS ord
       FROM candidates
     ), taken AS (
       UPDATE messages m SET receive_count = m.receive_count + 1,
         first_received_at = coalesce(m.first_received_at, $2), visible_at = $5,
         receipt_nonce = ($6::text[])[n.ord], received_at = $2
       FROM numbered n
       WHERE m.id = n.id
       RETURNING n.ord, ${MESSAGE_COLUMNS.replace(/(\w+)/g, 'm.$1')}
     )
     SELECT taken.*, due.next_due
     FROM (SELECT min(visible_at) AS next_due FROM messages WHERE queue_id = $1 AND visible_at > $2) due
       LEFT JOIN taken ON true
     ORDER BY taken.ord`,
    p.queueId,
    tx.now,
    p.cutoff,
    p.max,
    p.visibleAt,
    Array.from({ length: p.max }, () => newNonce()),
  );
  const messages = rows.filter((row) => row.ord !== null).map((row) => toStoredMessage(row));
  let nextDueAt = rows[0]?.next_due ?? null;
  if (messages.length > 0 && p.visibleAt > tx.now)
    nextDueAt = nextDueAt === null ? p.visibleAt : Math.min(nextDueAt, p.visibleAt);
  return { messages, nextDueAt };
}
