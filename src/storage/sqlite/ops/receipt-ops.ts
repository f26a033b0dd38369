/**
 * Operations through a receipt (row id + nonce): delete and change visibility. A ref whose row
 * is gone (or belongs to another queue) is 'not-found'; a row received again since the receipt
 * was issued is 'stale' (AWS: the call succeeds but the message is untouched). FIFO groups
 * whose lock these changes release wake the queue's waiters.
 */
import type { EntryOutcome, ReceiptRef } from '../../../core/ports/storage.js';
import type { OpContext } from '../op-context.js';
import { fifoGroupsRefreshAll } from './fifo-groups.js';
import type { OpHandler } from './op-handler.js';

interface RefRow {
  queue_id: number;
  receipt_nonce: string | null;
  group_id: string | null;
  receive_count: number;
  visible_at: number;
  received_at: number | null;
}

function lookUp(
  ctx: OpContext,
  queueId: number,
  ref: ReceiptRef,
): { outcome: EntryOutcome; row?: RefRow } {
  const row = ctx.get<RefRow>(
    'SELECT queue_id, receipt_nonce, group_id, receive_count, visible_at, received_at FROM messages WHERE id = ?',
    ref.rowId,
  );
  if (!row || row.queue_id !== queueId) return { outcome: 'not-found' };
  if (row.receipt_nonce === null || row.receipt_nonce !== ref.nonce) return { outcome: 'stale' };
  return { outcome: 'ok', row };
}

export const messagesDelete: OpHandler<'messagesDelete'> = (ctx, p) => {
  const groups = new Set<string>();
  const outcomes = p.refs.map((ref) => {
    const { outcome, row } = lookUp(ctx, p.queueId, ref);
    if (outcome !== 'ok' || !row) return outcome;
    ctx.run('DELETE FROM messages WHERE id = ?', ref.rowId);
    if (row.group_id !== null) groups.add(row.group_id);
    return outcome;
  });
  fifoGroupsRefreshAll(ctx, p.queueId, groups);
  return outcomes;
};

export const messagesChangeVisibility: OpHandler<'messagesChangeVisibility'> = (ctx, p) => {
  const groups = new Set<string>();
  const outcomes = p.changes.map((change): EntryOutcome => {
    const { outcome, row } = lookUp(ctx, p.queueId, change.ref);
    if (outcome !== 'ok' || !row) return outcome;
    if (row.receive_count === 0 || row.visible_at <= ctx.now) return 'not-in-flight';
    const visibleAt = ctx.now + change.visibilityTimeoutSeconds * 1000;
    if (
      p.maxTotalSeconds !== undefined &&
      row.received_at !== null &&
      visibleAt - row.received_at > p.maxTotalSeconds * 1000
    ) {
      return 'beyond-limit';
    }
    ctx.run('UPDATE messages SET visible_at = ? WHERE id = ?', visibleAt, change.ref.rowId);
    if (row.group_id !== null) groups.add(row.group_id);
    if (visibleAt <= ctx.now && row.group_id === null) ctx.wakeQueue(p.queueId);
    return 'ok';
  });
  fifoGroupsRefreshAll(ctx, p.queueId, groups);
  return outcomes;
};
