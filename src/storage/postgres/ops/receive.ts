/**
 * messagesReceive for standard queues on PostgreSQL (FIFO queues go to fifo-receive.ts): reads
 * up to `max` visible, unexpired candidates in (visible_at, enqueued_at, receive_count, id)
 * order — the index order — locking them with FOR UPDATE SKIP LOCKED, so receivers on other
 * nodes take other messages instead of waiting, then takes them in one UPDATE.
 *
 * Without an active redrive policy every candidate is delivered, so choosing, taking and
 * reading the next due time are one statement (one round trip; see takeVisible). With one,
 * messages due for the dead-letter queue are moved on the way and more candidates are read to
 * fill the batch, statement by statement.
 */
import type { ReceiveParams, ReceiveResult } from '../../../core/ports/storage.js';
import type { PgOp, PgTx } from '../pg-tx.js';
import { activeRedrive, deadLetterDecision, moveToDeadLetter } from './dead-letter.js';
import { fifoReceive } from './fifo-receive.js';
import { takeMessages, takeVisible } from './take-messages.js';

interface CandidateRow {
  id: number;
  visible_at: number;
  enqueued_at: number;
  receive_count: number;
}

export async function standardNextDueAt(tx: PgTx, queueId: number): Promise<number | null> {
  const row = await tx.row<{ at: number | null }>(
    'SELECT min(visible_at) AS at FROM messages WHERE queue_id = $1 AND visible_at > $2',
    queueId,
    tx.now,
  );
  return row?.at ?? null;
}

const MIN = Number.MIN_SAFE_INTEGER;

async function standardReceive(tx: PgTx, p: ReceiveParams): Promise<ReceiveResult> {
  const redrive = await activeRedrive(tx, p.redrive);
  const cutoff = tx.now - p.retentionSeconds * 1000;
  if (!redrive) {
    const taken = await takeVisible(tx, {
      queueId: p.queueId,
      max: p.max,
      cutoff,
      visibleAt: tx.now + p.visibilityTimeoutSeconds * 1000,
    });
    if (p.visibilityTimeoutSeconds === 0 && taken.messages.length > 0) tx.wakeQueue(p.queueId);
    return { messages: taken.messages, movedToDeadLetter: 0, nextDueAt: taken.nextDueAt };
  }
  const chosen: number[] = [];
  let cursor: CandidateRow = { id: MIN, visible_at: MIN, enqueued_at: MIN, receive_count: MIN };
  let stopped = false;
  while (chosen.length < p.max && !stopped) {
    const need = p.max - chosen.length;
    const rows = await tx.rows<CandidateRow>(
      `SELECT id, visible_at, enqueued_at, receive_count FROM messages
       WHERE queue_id = $1 AND visible_at <= $2 AND enqueued_at >= $3
         AND (visible_at, enqueued_at, receive_count, id) > ($4::int8, $5::int8, $6::int8, $7::int8)
       ORDER BY visible_at, enqueued_at, receive_count, id LIMIT $8
       FOR UPDATE SKIP LOCKED`,
      p.queueId,
      tx.now,
      cutoff,
      cursor.visible_at,
      cursor.enqueued_at,
      cursor.receive_count,
      cursor.id,
      need,
    );
    for (const row of rows) {
      const decision = deadLetterDecision(redrive, row.receive_count);
      if (decision === 'stop') {
        stopped = true;
        break;
      }
      if (decision === 'move' && redrive && (await moveToDeadLetter(tx, row.id, redrive))) continue;
      chosen.push(row.id);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < need) break;
    cursor = last;
  }
  const messages = await takeMessages(tx, chosen, tx.now + p.visibilityTimeoutSeconds * 1000);
  if (p.visibilityTimeoutSeconds === 0 && messages.length > 0) tx.wakeQueue(p.queueId);
  return {
    messages,
    movedToDeadLetter: redrive?.moved ?? 0,
    nextDueAt: await standardNextDueAt(tx, p.queueId),
  };
}

/** A deleted queue's messages went with it (cascade): stale callers simply find nothing. */
export const messagesReceive: PgOp<'messagesReceive'> = (tx, p) =>
  p.fifo ? fifoReceive(tx, p) : standardReceive(tx, p);
