/**
 * Operations through a receipt (row id + nonce) on PostgreSQL: delete and change visibility,
 * each batch in a few statements over arrays. A ref whose row is gone (or belongs to another
 * queue) is 'not-found'; a row received again since the receipt was issued is 'stale'. FIFO
 * groups whose lock these changes release wake the queue's waiters.
 */
import type { EntryOutcome, ReceiptRef } from '../../../core/ports/storage.js';
import type { PgOp, PgTx } from '../pg-tx.js';
import { fifoGroupsRefreshAll } from './fifo-groups.js';

interface RefRow {
  id: number;
  queue_id: number;
  receipt_nonce: string | null;
  group_id: string | null;
  receive_count: number;
  visible_at: number;
  received_at: number | null;
}

/** Locks the referenced rows and classifies each ref. */
async function lookUp(
  tx: PgTx,
  queueId: number,
  refs: ReceiptRef[],
): Promise<{ outcome: EntryOutcome; row?: RefRow }[]> {
  const rows = await tx.rows<RefRow>(
    `SELECT id, queue_id, receipt_nonce, group_id, receive_count, visible_at, received_at
     FROM messages WHERE id = ANY($1) FOR UPDATE`,
    refs.map((ref) => ref.rowId),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return refs.map((ref) => {
    const row = byId.get(ref.rowId);
    if (!row || row.queue_id !== queueId) return { outcome: 'not-found' };
    if (row.receipt_nonce === null || row.receipt_nonce !== ref.nonce) return { outcome: 'stale' };
    return { outcome: 'ok', row };
  });
}

export const messagesDelete: PgOp<'messagesDelete'> = async (tx, p) => {
  const found = await lookUp(tx, p.queueId, p.refs);
  const ids = new Set<number>();
  const groups = new Set<string>();
  const outcomes = found.map(({ outcome, row }): EntryOutcome => {
    if (outcome !== 'ok' || !row) return outcome;
    if (ids.has(row.id)) return 'not-found'; // the same receipt twice: deleted by the first
    ids.add(row.id);
    if (row.group_id !== null) groups.add(row.group_id);
    return outcome;
  });
  if (ids.size > 0) await tx.run('DELETE FROM messages WHERE id = ANY($1)', [...ids]);
  await fifoGroupsRefreshAll(tx, p.queueId, groups);
  return outcomes;
};

export const messagesChangeVisibility: PgOp<'messagesChangeVisibility'> = async (tx, p) => {
  const found = await lookUp(
    tx,
    p.queueId,
    p.changes.map((c) => c.ref),
  );
  const updates = new Map<number, number>();
  const groups = new Set<string>();
  const outcomes = p.changes.map((change, i): EntryOutcome => {
    const { outcome, row } = found[i] ?? { outcome: 'not-found' };
    if (outcome !== 'ok' || !row) return outcome;
    const current = updates.get(row.id) ?? row.visible_at;
    if (row.receive_count === 0 || current <= tx.now) return 'not-in-flight';
    const visibleAt = tx.now + change.visibilityTimeoutSeconds * 1000;
    if (
      p.maxTotalSeconds !== undefined &&
      row.received_at !== null &&
      visibleAt - row.received_at > p.maxTotalSeconds * 1000
    ) {
      return 'beyond-limit';
    }
    updates.set(row.id, visibleAt);
    if (row.group_id !== null) groups.add(row.group_id);
    if (visibleAt <= tx.now && row.group_id === null) tx.wakeQueue(p.queueId);
    return 'ok';
  });
  if (updates.size > 0) {
    await tx.run(
      `UPDATE messages m SET visible_at = u.visible_at
       FROM unnest($1::int8[], $2::int8[]) AS u (id, visible_at) WHERE m.id = u.id`,
      [...updates.keys()],
      [...updates.values()],
    );
  }
  await fifoGroupsRefreshAll(tx, p.queueId, groups);
  return outcomes;
};
