/**
 * messagesReceive for standard queues (FIFO queues go to fifo-receive.ts): takes up to `max`
 * visible, unexpired messages in (visible_at, enqueued_at, receive_count, id) order — the order
 * of the covering index, so no sort — and makes each invisible for the visibility timeout with
 * a fresh receipt nonce. Messages due for the dead-letter queue are moved on the way and more
 * candidates are read to fill the batch.
 */
import type { StoredMessage } from '../../../core/ports/storage.js';
import type { OpContext } from '../op-context.js';
import { activeRedrive, deadLetterDecision, moveToDeadLetter } from './dead-letter.js';
import { fifoReceive } from './fifo-receive.js';
import type { OpHandler } from './op-handler.js';
import { getQueueRow } from './queues-ops.js';
import { takeMessage } from './take-message.js';

interface CandidateRow {
  id: number;
  visible_at: number;
  enqueued_at: number;
  receive_count: number;
}

export function standardNextDueAt(ctx: OpContext, queueId: number): number | null {
  const row = ctx.get<{ at: number | null }>(
    'SELECT min(visible_at) AS at FROM messages WHERE queue_id = ? AND visible_at > ?',
    queueId,
    ctx.now,
  );
  return row?.at ?? null;
}

const MIN = Number.MIN_SAFE_INTEGER;

export const messagesReceive: OpHandler<'messagesReceive'> = (ctx, p) => {
  // A deleted queue's leftover messages are never delivered (stale callers may still ask).
  if (!getQueueRow(ctx, p.queueId)) return { messages: [], movedToDeadLetter: 0, nextDueAt: null };
  if (p.fifo) return fifoReceive(ctx, p);
  const redrive = activeRedrive(ctx, p.redrive);
  const cutoff = ctx.now - p.retentionSeconds * 1000;
  const visibleAt = ctx.now + p.visibilityTimeoutSeconds * 1000;
  const messages: StoredMessage[] = [];
  const taken = new Set<number>();
  let cursor: CandidateRow = { id: MIN, visible_at: MIN, enqueued_at: MIN, receive_count: MIN };
  let stopped = false;
  while (messages.length < p.max && !stopped) {
    const need = p.max - messages.length;
    const rows = ctx.all<CandidateRow>(
      `SELECT id, visible_at, enqueued_at, receive_count FROM messages INDEXED BY messages_by_due
       WHERE queue_id = ? AND visible_at <= ? AND enqueued_at >= ?
         AND (visible_at, enqueued_at, receive_count, id) > (?, ?, ?, ?)
       ORDER BY visible_at, enqueued_at, receive_count, id LIMIT ?`,
      p.queueId,
      ctx.now,
      cutoff,
      cursor.visible_at,
      cursor.enqueued_at,
      cursor.receive_count,
      cursor.id,
      need,
    );
    for (const row of rows) {
      if (messages.length >= p.max) break;
      if (taken.has(row.id)) continue; // re-met after a zero visibility timeout
      const decision = deadLetterDecision(redrive, row.receive_count);
      if (decision === 'stop') {
        stopped = true;
        break;
      }
      if (decision === 'move' && redrive && moveToDeadLetter(ctx, row.id, redrive)) continue;
      messages.push(takeMessage(ctx, row.id, visibleAt));
      taken.add(row.id);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < need) break;
    cursor = last;
  }
  if (p.visibilityTimeoutSeconds === 0 && messages.length > 0) ctx.wakeQueue(p.queueId);
  return {
    messages,
    movedToDeadLetter: redrive?.moved ?? 0,
    nextDueAt: standardNextDueAt(ctx, p.queueId),
  };
};
