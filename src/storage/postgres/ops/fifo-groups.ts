/**
 * FIFO message-group bookkeeping on PostgreSQL: the same `fifo_groups` rows and invariant as
 * the SQLite engine (see its fifo-groups.ts): available_at = max(head.visible_at, visible_at of
 * every message in the group's received prefix).
 *
 * Concurrency across nodes: the group row is the lock of the group. Every writer of a group
 * row locks it before reading the group's messages, so a refresh never works from a stale
 * view: a send appending to the group either waits for a refresh that deletes an emptied row
 * (then creates a fresh one) or is seen by it. Senders of one group are serialised before they
 * take a row id (an advisory lock on the group), so ids — and sequence numbers — follow the
 * order in which sends committed.
 */
import { createHash } from 'node:crypto';
import type { PgTx } from '../pg-tx.js';

/** A signed 64-bit advisory-lock key for one message group (as a decimal string). */
export function groupLockKey(queueId: number, groupId: string): string {
  const digest = createHash('sha1').update(`${queueId}\u0001${groupId}`).digest();
  return digest.readBigInt64BE(0).toString();
}

/**
 * Takes the send locks of `groups` (advisory locks, in key order, so two callers never
 * deadlock) and then `count` new message row ids, ascending, in one round trip: the locks are
 * aggregated before the ids are drawn, so ids follow the order in which sends of a group commit.
 */
export async function lockGroupsAndTakeIds(
  tx: PgTx,
  queueId: number,
  groups: string[],
  count: number,
): Promise<number[]> {
  const keys = [...new Set(groups.map((g) => BigInt(groupLockKey(queueId, g))))]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map(String);
  const rows = await tx.rows<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence('messages', 'id')) AS id
     FROM (SELECT count(*) FROM (SELECT pg_advisory_xact_lock(k) FROM unnest($1::int8[]) AS k) AS l)
       AS locked, generate_series(1, $2)`,
    keys,
    count,
  );
  if (rows.length !== count) throw new Error('could not allocate message ids');
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** One group's send lock and one new row id (dead-letter and move paths). */
export async function lockGroupAndTakeId(
  tx: PgTx,
  queueId: number,
  groupId: string,
): Promise<number> {
  const [id] = await lockGroupsAndTakeIds(tx, queueId, [groupId], 1);
  if (id === undefined) throw new Error('could not allocate a message id');
  return id;
}

/** A message appended to a group: creates the group row, or locks the existing one. */
export async function fifoGroupAppend(
  tx: PgTx,
  queueId: number,
  groupId: string,
  rowId: number,
  visibleAt: number,
): Promise<void> {
  await tx.run(
    `INSERT INTO fifo_groups (queue_id, group_id, available_at, head_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (queue_id, group_id) DO UPDATE SET head_id = fifo_groups.head_id`,
    queueId,
    groupId,
    visibleAt,
    rowId,
  );
}

/** head, head's visible_at and the latest visible_at of the received prefix, from the index. */
const GROUP_STATE = `
  WITH first_unreceived AS (
    SELECT min(id) AS id FROM messages WHERE queue_id = $1 AND group_id = $2 AND receive_count = 0
  ), head AS (
    SELECT id, visible_at FROM messages WHERE queue_id = $1 AND group_id = $2 ORDER BY id LIMIT 1
  )
  SELECT head.id AS head_id,
         greatest(head.visible_at, (
           SELECT max(visible_at) FROM messages
           WHERE queue_id = $1 AND group_id = $2 AND receive_count > 0
             AND id < coalesce((SELECT id FROM first_unreceived), 9223372036854775807)
         )) AS available_at
  FROM head`;

/**
 * Recomputes a group row from its messages (deleting it when the group is empty). With
 * `create`, also creates a missing row (rebuilding after a purge); otherwise a group with no
 * row (a message of a non-FIFO queue) is left alone. Returns the new available_at, or null.
 */
export async function fifoGroupRefresh(
  tx: PgTx,
  queueId: number,
  groupId: string,
  create = false,
): Promise<number | null> {
  const locked = await tx.row(
    'SELECT 1 AS one FROM fifo_groups WHERE queue_id = $1 AND group_id = $2 FOR UPDATE',
    queueId,
    groupId,
  );
  if (!locked && !create) return null;
  const state = await tx.row<{ head_id: number; available_at: number }>(
    GROUP_STATE,
    queueId,
    groupId,
  );
  if (!state) {
    if (locked)
      await tx.run(
        'DELETE FROM fifo_groups WHERE queue_id = $1 AND group_id = $2',
        queueId,
        groupId,
      );
    return null;
  }
  await tx.run(
    `INSERT INTO fifo_groups (queue_id, group_id, available_at, head_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (queue_id, group_id) DO UPDATE SET available_at = excluded.available_at, head_id = excluded.head_id`,
    queueId,
    groupId,
    state.available_at,
    state.head_id,
  );
  return state.available_at;
}

/** Refreshes each group and wakes the queue's waiters if one of them is available now. */
export async function fifoGroupsRefreshAll(
  tx: PgTx,
  queueId: number,
  groupIds: Iterable<string>,
): Promise<void> {
  for (const groupId of groupIds) {
    const availableAt = await fifoGroupRefresh(tx, queueId, groupId);
    if (availableAt !== null && availableAt <= tx.now) tx.wakeQueue(queueId);
  }
}

/** Earliest future time a group of the queue becomes available, or null. */
export async function fifoNextDueAt(tx: PgTx, queueId: number): Promise<number | null> {
  const row = await tx.row<{ at: number | null }>(
    'SELECT min(available_at) AS at FROM fifo_groups WHERE queue_id = $1 AND available_at > $2',
    queueId,
    tx.now,
  );
  return row?.at ?? null;
}
