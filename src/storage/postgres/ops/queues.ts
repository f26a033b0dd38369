/**
 * Queue operations on PostgreSQL: create (or return the existing queue, race-free across
 * nodes), look-ups, name-ordered listing, update, delete (its messages and FIFO rows go by
 * cascade), the recently-deleted memory, counts and the reverse RedrivePolicy look-up.
 */
import { redriveTargetOf, retentionMsOf, stringEntries } from '../../common/queue-rules.js';
import type { PgOp, PgTx } from '../pg-tx.js';
import { toQueueRecord, type PgQueueRow } from './pg-rows.js';

export function getQueueRow(tx: PgTx, id: number): Promise<PgQueueRow | undefined> {
  return tx.row<PgQueueRow>('SELECT * FROM queues WHERE id = $1', id);
}

const BY_KEY = 'SELECT * FROM queues WHERE account = $1 AND region = $2 AND name = $3';

export const queuesCreate: PgOp<'queuesCreate'> = async (tx, p) => {
  const inserted = await tx.row<PgQueueRow>(
    `INSERT INTO queues (account, region, name, fifo, attributes, tags, key_salt, created_at, last_modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
     ON CONFLICT (account, region, name) DO NOTHING RETURNING *`,
    p.account,
    p.region,
    p.name,
    p.fifo,
    JSON.stringify(p.attributes),
    JSON.stringify(p.tags),
    p.keySalt,
    tx.now,
  );
  if (inserted) return { queue: toQueueRecord(inserted), created: true };
  const existing = await tx.row<PgQueueRow>(BY_KEY, p.account, p.region, p.name);
  if (!existing) throw new Error('queue vanished during create');
  return { queue: toQueueRecord(existing), created: false };
};

export const queuesGet: PgOp<'queuesGet'> = async (tx, p) => {
  const row = await tx.row<PgQueueRow>(BY_KEY, p.account, p.region, p.name);
  return row && toQueueRecord(row);
};

export const queuesGetById: PgOp<'queuesGetById'> = async (tx, p) => {
  const row = await getQueueRow(tx, p.id);
  return row && toQueueRecord(row);
};

export const queuesList: PgOp<'queuesList'> = async (tx, p) => {
  const rows = await tx.rows<PgQueueRow>(
    `SELECT * FROM queues
     WHERE account = $1 AND region = $2 AND name > $3 AND starts_with(name, $4)
     ORDER BY name LIMIT $5`,
    p.account,
    p.region,
    p.after ?? '',
    p.prefix ?? '',
    p.limit,
  );
  return rows.map(toQueueRecord);
};

/** `attributes` and `tags` replace the stored maps; only an attribute change bumps lastModifiedAt. */
export const queuesUpdate: PgOp<'queuesUpdate'> = async (tx, p) => {
  const row = await tx.row<PgQueueRow>(
    `UPDATE queues SET attributes = coalesce($2::jsonb, attributes), tags = coalesce($3::jsonb, tags),
       last_modified_at = CASE WHEN $2::jsonb IS NULL THEN last_modified_at ELSE $4 END,
       last_purge_at = coalesce($5, last_purge_at)
     WHERE id = $1 RETURNING *`,
    p.id,
    p.attributes ? JSON.stringify(p.attributes) : null,
    p.tags ? JSON.stringify(p.tags) : null,
    tx.now,
    p.lastPurgeAt ?? null,
  );
  return row && toQueueRecord(row);
};

/** Deletes the queue; its messages, FIFO rows and move tasks go with it (ON DELETE CASCADE). */
export const queuesDelete: PgOp<'queuesDelete'> = async (tx, p) => {
  const row = await tx.row<{ account: string; region: string; name: string }>(
    'DELETE FROM queues WHERE id = $1 RETURNING account, region, name',
    p.id,
  );
  if (!row) return false;
  await tx.run(
    `INSERT INTO deleted_queues (account, region, name, deleted_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account, region, name) DO UPDATE SET deleted_at = excluded.deleted_at`,
    row.account,
    row.region,
    row.name,
    tx.now,
  );
  return true;
};

export const queuesDeletedAt: PgOp<'queuesDeletedAt'> = async (tx, p) => {
  const row = await tx.row<{ deleted_at: number }>(
    'SELECT deleted_at FROM deleted_queues WHERE account = $1 AND region = $2 AND name = $3',
    p.account,
    p.region,
    p.name,
  );
  return row && tx.now - row.deleted_at < p.withinMs ? row.deleted_at : null;
};

/** One index scan of the queue's rows (index-only once the visibility map is set). */
export const queuesCount: PgOp<'queuesCount'> = async (tx, p) => {
  const queue = await getQueueRow(tx, p.id);
  if (!queue) return { visible: 0, inFlight: 0, delayed: 0 };
  const cutoff = tx.now - retentionMsOf(stringEntries(queue.attributes));
  const row = await tx.row<{ visible: number; in_flight: number; delayed: number }>(
    `SELECT count(*) FILTER (WHERE visible_at <= $2) AS visible,
            count(*) FILTER (WHERE visible_at > $2 AND receive_count > 0) AS in_flight,
            count(*) FILTER (WHERE visible_at > $2 AND receive_count = 0) AS delayed
     FROM messages WHERE queue_id = $1 AND enqueued_at >= $3`,
    p.id,
    tx.now,
    cutoff,
  );
  return { visible: row?.visible ?? 0, inFlight: row?.in_flight ?? 0, delayed: row?.delayed ?? 0 };
};

export const queuesListDeadLetterSources: PgOp<'queuesListDeadLetterSources'> = async (tx, p) => {
  const rows = await tx.rows<PgQueueRow>(
    `SELECT * FROM queues
     WHERE account = $1 AND region = $2 AND name > $3 AND attributes ? 'RedrivePolicy'
     ORDER BY name`,
    p.account,
    p.region,
    p.after ?? '',
  );
  return rows
    .filter((row) => redriveTargetOf(stringEntries(row.attributes)) === p.deadLetterArn)
    .slice(0, p.limit)
    .map(toQueueRecord);
};
