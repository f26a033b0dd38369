/**
 * The outbox and durable timers on PostgreSQL. Same row life cycles as the SQLite engine (see
 * its outbox-ops.ts and timers-ops.ts); claims use FOR UPDATE SKIP LOCKED, so workers on
 * several nodes claim disjoint rows without waiting for each other, and a timer is removed in
 * the claiming transaction, so each firing is handed to exactly one node.
 */
import {
  toOutboxItem,
  toTimerRecord,
  type OutboxRow,
  type TimerRow,
} from '../../common/row-mapping.js';
import type { PgOp } from '../pg-tx.js';

export const outboxEnqueue: PgOp<'outboxEnqueue'> = async (tx, p) => {
  const row = await tx.row<{ id: number }>(
    'INSERT INTO outbox (kind, payload, attempts, due_at, created_at) VALUES ($1, $2, 0, $3, $4) RETURNING id',
    p.kind,
    p.payload,
    p.dueAt ?? tx.now,
    tx.now,
  );
  if (!row) throw new Error('outbox insert returned no row');
  tx.wakeOutbox();
  return row.id;
};

export const outboxClaim: PgOp<'outboxClaim'> = async (tx, p) => {
  const leaseEnd = tx.now + p.leaseMs;
  const rows = await tx.rows<OutboxRow & { old_due_at: number }>(
    `WITH due AS (
       SELECT id, due_at FROM outbox
       WHERE due_at <= $1 AND ($2::text[] IS NULL OR kind = ANY($2))
       ORDER BY due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED
     )
     UPDATE outbox o SET attempts = o.attempts + 1, claimed_until = $4, due_at = $4
     FROM due WHERE o.id = due.id
     RETURNING o.id, o.kind, o.payload, o.attempts, due.due_at AS old_due_at, o.created_at, o.last_error`,
    tx.now,
    p.kinds ?? null,
    p.limit,
    leaseEnd,
  );
  return rows
    .sort((a, b) => a.old_due_at - b.old_due_at || a.id - b.id)
    .map((row) => toOutboxItem({ ...row, due_at: row.old_due_at }));
};

export const outboxComplete: PgOp<'outboxComplete'> = async (tx, p) => {
  await tx.run('DELETE FROM outbox WHERE id = $1', p.id);
};

export const outboxRetry: PgOp<'outboxRetry'> = async (tx, p) => {
  await tx.run(
    'UPDATE outbox SET due_at = $1, claimed_until = NULL, last_error = $2 WHERE id = $3',
    p.dueAt,
    p.error,
    p.id,
  );
  tx.wakeOutbox();
};

export const outboxDiscard: PgOp<'outboxDiscard'> = async (tx, p) => {
  await tx.run('DELETE FROM outbox WHERE id = $1', p.id);
};

/** Earliest due time of any row (claimed rows count at their lease end); may be <= now. */
export const outboxNextDueAt: PgOp<'outboxNextDueAt'> = async (tx) =>
  (await tx.row<{ at: number | null }>('SELECT min(due_at) AS at FROM outbox'))?.at ?? null;

export const timersSchedule: PgOp<'timersSchedule'> = async (tx, p) => {
  await tx.run(
    `INSERT INTO timers (kind, key, payload, due_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (kind, key) DO UPDATE SET payload = excluded.payload, due_at = excluded.due_at`,
    p.kind,
    p.key,
    p.payload,
    p.dueAt,
  );
  tx.wakeTimers();
};

export const timersCancel: PgOp<'timersCancel'> = async (tx, p) =>
  (await tx.run('DELETE FROM timers WHERE kind = $1 AND key = $2', p.kind, p.key)) > 0;

export const timersClaimDue: PgOp<'timersClaimDue'> = async (tx, p) => {
  const rows = await tx.rows<TimerRow>(
    `DELETE FROM timers WHERE id IN (
       SELECT id FROM timers WHERE due_at <= $1 ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
     ) RETURNING id, kind, key, payload, due_at`,
    tx.now,
    p.limit,
  );
  return rows.sort((a, b) => a.due_at - b.due_at || a.id - b.id).map(toTimerRecord);
};

export const timersNextDueAt: PgOp<'timersNextDueAt'> = async (tx) =>
  (await tx.row<{ at: number | null }>('SELECT min(due_at) AS at FROM timers'))?.at ?? null;
