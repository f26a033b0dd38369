/**
 * Operations through a receipt (row id + nonce) on PostgreSQL: delete and change visibility,
 * each batch in a few statements over arrays. A ref whose row is gone (or belongs to another
 * queue) is 'not-found'; a row received again since the receipt was issued is 'stale'. FIFO
 * groups whose lock these changes release wake the queue's waiters.
 *
 * A delete is one statement in the common case: it deletes the rows whose current nonce the
 * refs carry and reads, in the same snapshot, the referenced rows to classify the others. A
 * ref the snapshot shows as current but the delete did not remove was changed or deleted by a
 * concurrent transaction meanwhile; only then are those rows read again (locked, as lookUp
 * does) to tell 'stale' from 'not-found'.
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

interface DeleteRow {
  id: number;
  queue_id: number;
  receipt_nonce: string | null;
  /** The nonce of the row version this statement deleted, or null if it kept the row. */
  deleted_nonce: string | null;
  group_id: string | null;
}

export const messagesDelete: PgOp<'messagesDelete'> = async (tx, p) => {
  const rowIds = p.refs.map((ref) => ref.rowId);
  const rows = await tx.rows<DeleteRow>(
    `WITH deleted AS (
       DELETE FROM messages m USING unnest($1::int8[], $2::text[]) AS r (id, nonce)
       WHERE m.id = r.id AND m.queue_id = $3 AND m.receipt_nonce = r.nonce
       RETURNING m.id, m.receipt_nonce, m.group_id
     )
     SELECT m.id, m.queue_id, m.receipt_nonce, d.receipt_nonce AS deleted_nonce, d.group_id
     FROM messages m LEFT JOIN deleted d ON d.id = m.id
     WHERE m.id = ANY($1)`,
    rowIds,
    p.refs.map((ref) => ref.nonce),
    p.queueId,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const credited = new Set<number>();
  const groups = new Set<string>();
  const raced: number[] = [];
  const outcomes = p.refs.map((ref, i): EntryOutcome => {
    const row = byId.get(ref.rowId);
    if (!row || row.queue_id !== p.queueId) return 'not-found';
    if (row.deleted_nonce !== null && row.deleted_nonce === ref.nonce) {
      if (credited.has(row.id)) return 'not-found'; // the same receipt twice: deleted by the first
      credited.add(row.id);
      if (row.group_id !== null) groups.add(row.group_id);
      return 'ok';
    }
    if (row.receipt_nonce === null || row.receipt_nonce !== ref.nonce) return 'stale';
    raced.push(i);
    return 'not-found'; // settled below
  });
  if (raced.length > 0) {
    // Changed by a concurrent transaction after this statement's snapshot: read them again.
    const again = await lookUp(
      tx,
      p.queueId,
      raced.map((i) => p.refs[i]!),
    );
    const retry: number[] = [];
    raced.forEach((i, k) => {
      const { outcome, row } = again[k]!;
      if (outcome === 'ok' && row && !credited.has(row.id)) retry.push(i);
      else outcomes[i] = outcome === 'ok' ? 'not-found' : outcome;
    });
    if (retry.length > 0) {
      const ids = [...new Set(retry.map((i) => p.refs[i]!.rowId))];
      const gone = await tx.rows<{ id: number; group_id: string | null }>(
        'DELETE FROM messages WHERE id = ANY($1) RETURNING id, group_id',
        ids,
      );
      const removed = new Set(gone.map((row) => row.id));
      for (const row of gone) if (row.group_id !== null) groups.add(row.group_id);
      for (const i of retry) {
        const id = p.refs[i]!.rowId;
        outcomes[i] = removed.has(id) && !credited.has(id) ? 'ok' : 'not-found';
        credited.add(id);
      }
    }
  }
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
