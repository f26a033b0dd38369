/**
 * Queue operations: create (or return the existing queue), look-ups, name-ordered listing,
 * update, delete (with every row that belongs to the queue), the recently-deleted memory, counts
 * and the reverse RedrivePolicy look-up.
 */
import { redriveTargetOf } from '../../common/queue-rules.js';
import type { OpContext } from '../op-context.js';
import type { OpHandler } from './op-handler.js';
import { parseStringMap, retentionMs, toQueueRecord, type QueueRow } from './rows.js';

export function getQueueRow(ctx: OpContext, id: number): QueueRow | undefined {
  return ctx.get<QueueRow>('SELECT * FROM queues WHERE id = ?', id);
}

export const queuesCreate: OpHandler<'queuesCreate'> = (ctx, p) => {
  const existing = ctx.get<QueueRow>(
    'SELECT * FROM queues WHERE account = ? AND region = ? AND name = ?',
    p.account,
    p.region,
    p.name,
  );
  if (existing) return { queue: toQueueRecord(existing), created: false };
  const row = ctx.get<QueueRow>(
    `INSERT INTO queues (account, region, name, fifo, attributes, tags, key_salt, created_at, last_modified_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    p.account,
    p.region,
    p.name,
    p.fifo ? 1 : 0,
    JSON.stringify(p.attributes),
    JSON.stringify(p.tags),
    p.keySalt,
    ctx.now,
    ctx.now,
  );
  if (!row) throw new Error('queue insert returned no row');
  return { queue: toQueueRecord(row), created: true };
};

export const queuesGet: OpHandler<'queuesGet'> = (ctx, p) => {
  const row = ctx.get<QueueRow>(
    'SELECT * FROM queues WHERE account = ? AND region = ? AND name = ?',
    p.account,
    p.region,
    p.name,
  );
  return row && toQueueRecord(row);
};

export const queuesGetById: OpHandler<'queuesGetById'> = (ctx, p) => {
  const row = getQueueRow(ctx, p.id);
  return row && toQueueRecord(row);
};

export const queuesList: OpHandler<'queuesList'> = (ctx, p) => {
  const prefix = p.prefix ?? '';
  const rows = ctx.all<QueueRow>(
    `SELECT * FROM queues
     WHERE account = ? AND region = ? AND name > ? AND name >= ? AND substr(name, 1, ?) = ?
     ORDER BY name LIMIT ?`,
    p.account,
    p.region,
    p.after ?? '',
    prefix,
    [...prefix].length,
    prefix,
    p.limit,
  );
  return rows.map(toQueueRecord);
};

/** `attributes` and `tags` replace the stored maps; only an attribute change bumps lastModifiedAt. */
export const queuesUpdate: OpHandler<'queuesUpdate'> = (ctx, p) => {
  const row = getQueueRow(ctx, p.id);
  if (!row) return undefined;
  const updated = ctx.get<QueueRow>(
    `UPDATE queues SET attributes = ?, tags = ?, last_modified_at = ?, last_purge_at = ?
     WHERE id = ? RETURNING *`,
    p.attributes ? JSON.stringify(p.attributes) : row.attributes,
    p.tags ? JSON.stringify(p.tags) : row.tags,
    p.attributes ? ctx.now : row.last_modified_at,
    p.lastPurgeAt ?? row.last_purge_at,
    p.id,
  );
  return updated && toQueueRecord(updated);
};

/** Queues with more messages than this leave them to the sweep instead of deleting inline. */
export const INLINE_DELETE_LIMIT = 10_000;

/**
 * Deletes the queue and everything keyed by it. A small backlog goes in the same transaction;
 * a larger one is left as orphaned rows (never visible again: the queue id is never reused and
 * every message operation checks the queue) that messagesExpire removes in batches.
 */
export const queuesDelete: OpHandler<'queuesDelete'> = (ctx, p) => {
  const row = getQueueRow(ctx, p.id);
  if (!row) return false;
  // The queue row goes first, so the message-count trigger has nothing to update per message.
  ctx.run('DELETE FROM queues WHERE id = ?', p.id);
  if (row.message_count <= INLINE_DELETE_LIMIT)
    ctx.run('DELETE FROM messages WHERE queue_id = ?', p.id);
  else ctx.run('INSERT OR IGNORE INTO orphaned_queues (queue_id) VALUES (?)', p.id);
  ctx.run('DELETE FROM fifo_groups WHERE queue_id = ?', p.id);
  ctx.run('DELETE FROM fifo_dedup WHERE queue_id = ?', p.id);
  ctx.run('DELETE FROM fifo_receive_attempts WHERE queue_id = ?', p.id);
  ctx.run('DELETE FROM move_tasks WHERE source_queue_id = ?', p.id);
  ctx.run(
    `INSERT INTO deleted_queues (account, region, name, deleted_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (account, region, name) DO UPDATE SET deleted_at = excluded.deleted_at`,
    row.account,
    row.region,
    row.name,
    ctx.now,
  );
  return true;
};

export const queuesDeletedAt: OpHandler<'queuesDeletedAt'> = (ctx, p) => {
  const row = ctx.get<{ deleted_at: number }>(
    'SELECT deleted_at FROM deleted_queues WHERE account = ? AND region = ? AND name = ?',
    p.account,
    p.region,
    p.name,
  );
  return row && ctx.now - row.deleted_at < p.withinMs ? row.deleted_at : null;
};

/**
 * Index-driven and independent of the visible backlog: the queue's message total comes from
 * its trigger-maintained counter; only not-yet-visible messages (range visible_at > now of the
 * covering index) and expired ones (range enqueued_at < cutoff) are scanned.
 */
export const queuesCount: OpHandler<'queuesCount'> = (ctx, p) => {
  const queue = getQueueRow(ctx, p.id);
  if (!queue) return { visible: 0, inFlight: 0, delayed: 0 };
  const cutoff = ctx.now - retentionMs(queue.attributes);
  const hidden = ctx.get<{ inFlight: number; delayed: number }>(
    `SELECT
       coalesce(sum(receive_count > 0 AND enqueued_at >= @cutoff), 0) AS inFlight,
       coalesce(sum(receive_count = 0 AND enqueued_at >= @cutoff), 0) AS delayed
     FROM messages INDEXED BY messages_by_due
     WHERE queue_id = @queueId AND visible_at > @now`,
    { now: ctx.now, queueId: p.id, cutoff },
  ) ?? { inFlight: 0, delayed: 0 };
  const expired = ctx.get<{ n: number }>(
    'SELECT count(*) AS n FROM messages INDEXED BY messages_by_enqueue WHERE queue_id = ? AND enqueued_at < ?',
    p.id,
    cutoff,
  );
  const visible = queue.message_count - hidden.inFlight - hidden.delayed - (expired?.n ?? 0);
  return { visible, inFlight: hidden.inFlight, delayed: hidden.delayed };
};

export const queuesListDeadLetterSources: OpHandler<'queuesListDeadLetterSources'> = (ctx, p) => {
  const found: QueueRow[] = [];
  const rows = ctx.iterate<QueueRow>(
    'SELECT * FROM queues WHERE account = ? AND region = ? AND name > ? ORDER BY name',
    p.account,
    p.region,
    p.after ?? '',
  );
  for (const row of rows) {
    if (found.length >= p.limit) break;
    if (redriveTargetOf(parseStringMap(row.attributes)) === p.deadLetterArn) found.push(row);
  }
  return found.map(toQueueRecord);
};
