/**
 * Bulk message removal on PostgreSQL: purge (everything sent up to now; later sends survive)
 * and the retention sweep (messages past their queue's MessageRetentionPeriod, in bounded
 * batches, plus expired FIFO deduplication/attempt rows and deleted-queue names older than 60
 * s). Deleted queues leave nothing to sweep: their rows went by cascade.
 */
import {
  DELETED_QUEUE_MEMORY_MS,
  FIFO_WINDOW_MS,
  retentionMsOf,
  stringEntries,
} from '../../common/queue-rules.js';
import type { PgOp, PgTx } from '../pg-tx.js';
import { fifoGroupRefresh } from './fifo-groups.js';
import { getQueueRow } from './queues.js';

export const messagesPurge: PgOp<'messagesPurge'> = async (tx, p) => {
  const queue = await getQueueRow(tx, p.queueId);
  if (!queue) return 0;
  const purged = await tx.run(
    'DELETE FROM messages WHERE queue_id = $1 AND sent_at <= $2',
    p.queueId,
    tx.now,
  );
  if (queue.fifo) {
    await tx.run('DELETE FROM fifo_groups WHERE queue_id = $1', p.queueId);
    const survivors = await tx.rows<{ group_id: string }>(
      'SELECT DISTINCT group_id FROM messages WHERE queue_id = $1 AND group_id IS NOT NULL',
      p.queueId,
    );
    for (const { group_id: groupId } of survivors)
      await fifoGroupRefresh(tx, p.queueId, groupId, true);
    // Deduplication entries recorded up to now go with the messages they deduplicated.
    await tx.run(
      'DELETE FROM fifo_dedup WHERE queue_id = $1 AND expires_at <= $2',
      p.queueId,
      tx.now + FIFO_WINDOW_MS,
    );
    await tx.run('DELETE FROM fifo_receive_attempts WHERE queue_id = $1', p.queueId);
  }
  return purged;
};

async function expireQueue(
  tx: PgTx,
  queueId: number,
  fifo: boolean,
  cutoff: number,
  limit: number,
): Promise<number> {
  const rows = await tx.rows<{ group_id: string | null }>(
    `DELETE FROM messages WHERE id IN (
       SELECT id FROM messages WHERE queue_id = $1 AND enqueued_at < $2
       ORDER BY enqueued_at LIMIT $3 FOR UPDATE SKIP LOCKED
     ) RETURNING group_id`,
    queueId,
    cutoff,
    limit,
  );
  if (fifo) {
    const groups = new Set<string>();
    for (const row of rows) if (row.group_id !== null) groups.add(row.group_id);
    for (const groupId of groups) await fifoGroupRefresh(tx, queueId, groupId);
  }
  return rows.length;
}

export const messagesExpire: PgOp<'messagesExpire'> = async (tx, p) => {
  let expired = 0;
  const queues = await tx.rows<{ id: number; fifo: boolean; attributes: unknown }>(
    'SELECT id, fifo, attributes FROM queues ORDER BY id',
  );
  for (const queue of queues) {
    if (expired >= p.limit) break;
    const cutoff = tx.now - retentionMsOf(stringEntries(queue.attributes));
    expired += await expireQueue(tx, queue.id, queue.fifo, cutoff, p.limit - expired);
  }
  await tx.run('DELETE FROM fifo_dedup WHERE expires_at <= $1', tx.now);
  await tx.run('DELETE FROM fifo_receive_attempts WHERE expires_at <= $1', tx.now);
  await tx.run(
    'DELETE FROM deleted_queues WHERE deleted_at <= $1',
    tx.now - DELETED_QUEUE_MEMORY_MS,
  );
  return expired;
};
