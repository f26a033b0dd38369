/**
 * Bulk message removal: purge (everything sent up to now; later sends survive) and the
 * retention sweep (messages past their queue's MessageRetentionPeriod, in bounded batches,
 * plus expired FIFO deduplication/attempt rows and deleted-queue names older than 60 s).
 */
import { DELETED_QUEUE_MEMORY_MS } from '../../common/queue-rules.js';
import type { OpContext } from '../op-context.js';
import { fifoGroupRefresh } from './fifo-groups.js';
import type { OpHandler } from './op-handler.js';
import { getQueueRow } from './queues-ops.js';
import { FIFO_WINDOW_MS, retentionMs } from './rows.js';

export const messagesPurge: OpHandler<'messagesPurge'> = (ctx, p) => {
  const queue = getQueueRow(ctx, p.queueId);
  if (!queue) return 0;
  const purged = ctx.run(
    'DELETE FROM messages WHERE queue_id = ? AND sent_at <= ?',
    p.queueId,
    ctx.now,
  ).changes;
  if (queue.fifo === 1) {
    ctx.run('DELETE FROM fifo_groups WHERE queue_id = ?', p.queueId);
    const survivors = ctx.all<{ group_id: string }>(
      'SELECT DISTINCT group_id FROM messages WHERE queue_id = ? AND group_id IS NOT NULL',
      p.queueId,
    );
    for (const { group_id: groupId } of survivors) fifoGroupRefresh(ctx, p.queueId, groupId, true);
    // Deduplication entries recorded up to now go with the messages they deduplicated.
    ctx.run(
      'DELETE FROM fifo_dedup WHERE queue_id = ? AND expires_at <= ?',
      p.queueId,
      ctx.now + FIFO_WINDOW_MS,
    );
    ctx.run('DELETE FROM fifo_receive_attempts WHERE queue_id = ?', p.queueId);
  }
  return purged;
};

function expireQueue(
  ctx: OpContext,
  queueId: number,
  fifo: boolean,
  cutoff: number,
  limit: number,
): number {
  const rows = ctx.all<{ group_id: string | null }>(
    `DELETE FROM messages WHERE id IN (
       SELECT id FROM messages WHERE queue_id = ? AND enqueued_at < ? ORDER BY enqueued_at LIMIT ?
     ) RETURNING group_id`,
    queueId,
    cutoff,
    limit,
  );
  if (fifo) {
    const groups = new Set<string>();
    for (const row of rows) if (row.group_id !== null) groups.add(row.group_id);
    for (const groupId of groups) fifoGroupRefresh(ctx, queueId, groupId);
  }
  return rows.length;
}

/** Removes up to `limit` messages of deleted queues; forgets a queue once it has none left. */
function removeOrphans(ctx: OpContext, limit: number): number {
  let removed = 0;
  for (const { queue_id: queueId } of ctx.all<{ queue_id: number }>(
    'SELECT queue_id FROM orphaned_queues',
  )) {
    if (removed >= limit) break;
    const n = ctx.run(
      'DELETE FROM messages WHERE id IN (SELECT id FROM messages WHERE queue_id = ? LIMIT ?)',
      queueId,
      limit - removed,
    ).changes;
    removed += n;
    if (removed < limit) ctx.run('DELETE FROM orphaned_queues WHERE queue_id = ?', queueId);
  }
  return removed;
}

/** Retention sweep; messages of deleted queues count as expired. */
export const messagesExpire: OpHandler<'messagesExpire'> = (ctx, p) => {
  let expired = removeOrphans(ctx, p.limit);
  const queues = ctx.all<{ id: number; fifo: number; attributes: string }>(
    'SELECT id, fifo, attributes FROM queues ORDER BY id',
  );
  for (const queue of queues) {
    if (expired >= p.limit) break;
    const cutoff = ctx.now - retentionMs(queue.attributes);
    expired += expireQueue(ctx, queue.id, queue.fifo === 1, cutoff, p.limit - expired);
  }
  ctx.run('DELETE FROM fifo_dedup WHERE expires_at <= ?', ctx.now);
  ctx.run('DELETE FROM fifo_receive_attempts WHERE expires_at <= ?', ctx.now);
  ctx.run('DELETE FROM deleted_queues WHERE deleted_at <= ?', ctx.now - DELETED_QUEUE_MEMORY_MS);
  return expired;
};
