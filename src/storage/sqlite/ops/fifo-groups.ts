/**
 * FIFO message-group bookkeeping: one `fifo_groups` row per group that has messages, holding
 * the group's head (lowest row id) and `available_at`, the time the head may be delivered.
 *
 * Invariant: available_at = max(head.visible_at, visible_at of every received message in the
 * group's received prefix). Received messages always form a prefix of the group in id order
 * (a receive takes consecutive messages from the head), so while any of them is in flight
 * (visible_at > now) the group is locked, and when the last lock expires the group becomes
 * available with no write at all. Every change to a group's head or its received prefix
 * (receive, delete, visibility change, move, expiry, purge) calls `fifoGroupRefresh`.
 */
import type { OpContext } from '../op-context.js';

interface GroupMessageRow {
  id: number;
  visible_at: number;
  receive_count: number;
}

/** A message appended to a group: creates the group row when it is the group's first message. */
export function fifoGroupAppend(
  ctx: OpContext,
  queueId: number,
  groupId: string,
  rowId: number,
  visibleAt: number,
): void {
  ctx.run(
    `INSERT INTO fifo_groups (queue_id, group_id, available_at, head_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (queue_id, group_id) DO NOTHING`,
    queueId,
    groupId,
    visibleAt,
    rowId,
  );
}

/**
 * Recomputes a group row from its messages (deleting it when the group is empty). With
 * `create`, also creates a missing row (rebuilding after a purge); otherwise a group with no
 * row (a message of a non-FIFO queue) is left alone. Returns the new available_at, or null.
 */
export function fifoGroupRefresh(
  ctx: OpContext,
  queueId: number,
  groupId: string,
  create = false,
): number | null {
  if (!create) {
    const exists = ctx.get(
      'SELECT 1 FROM fifo_groups WHERE queue_id = ? AND group_id = ?',
      queueId,
      groupId,
    );
    if (!exists) return null;
  }
  let headId: number | null = null;
  let availableAt = 0;
  const rows = ctx.iterate<GroupMessageRow>(
    `SELECT id, visible_at, receive_count FROM messages
     WHERE queue_id = ? AND group_id = ? ORDER BY id`,
    queueId,
    groupId,
  );
  for (const row of rows) {
    if (headId === null) {
      headId = row.id;
      availableAt = row.visible_at;
    }
    if (row.receive_count === 0) break;
    availableAt = Math.max(availableAt, row.visible_at);
  }
  if (headId === null) {
    ctx.run('DELETE FROM fifo_groups WHERE queue_id = ? AND group_id = ?', queueId, groupId);
    return null;
  }
  ctx.run(
    `INSERT INTO fifo_groups (queue_id, group_id, available_at, head_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (queue_id, group_id) DO UPDATE SET available_at = excluded.available_at, head_id = excluded.head_id`,
    queueId,
    groupId,
    availableAt,
    headId,
  );
  return availableAt;
}

/** Refreshes each group and wakes the queue's waiters if one of them is available now. */
export function fifoGroupsRefreshAll(
  ctx: OpContext,
  queueId: number,
  groupIds: Iterable<string>,
): void {
  for (const groupId of groupIds) {
    const availableAt = fifoGroupRefresh(ctx, queueId, groupId);
    if (availableAt !== null && availableAt <= ctx.now) ctx.wakeQueue(queueId);
  }
}

/** Earliest future time a group of the queue becomes available, or null. */
export function fifoNextDueAt(ctx: OpContext, queueId: number): number | null {
  const row = ctx.get<{ at: number | null }>(
    'SELECT min(available_at) AS at FROM fifo_groups WHERE queue_id = ? AND available_at > ?',
    queueId,
    ctx.now,
  );
  return row?.at ?? null;
}
