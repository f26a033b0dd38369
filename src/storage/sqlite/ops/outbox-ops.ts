/**
 * The outbox: asynchronous work committed with the request that caused it.
 *
 * Row life cycle: enqueued (due_at = when to attempt) → claimed (attempts + 1, claimed_until =
 * due_at = now + lease) → completed/discarded (deleted) or retried (due_at = next attempt,
 * claim cleared). A claim that is neither completed nor retried becomes due again when its
 * lease ends, because the claim moved due_at to the lease end: "due" is always due_at <= now.
 */
import type { OutboxItem } from '../../../core/ports/storage.js';
import type { OpHandler } from './op-handler.js';
import { toOutboxItem, type OutboxRow } from './rows.js';

export const outboxEnqueue: OpHandler<'outboxEnqueue'> = (ctx, p) => {
  const row = ctx.get<{ id: number }>(
    'INSERT INTO outbox (kind, payload, attempts, due_at, created_at) VALUES (?, ?, 0, ?, ?) RETURNING id',
    p.kind,
    p.payload,
    p.dueAt ?? ctx.now,
    ctx.now,
  );
  if (!row) throw new Error('outbox insert returned no row');
  ctx.wakeOutbox();
  return row.id;
};

export const outboxClaim: OpHandler<'outboxClaim'> = (ctx, p) => {
  let due: OutboxRow[];
  if (p.kinds === undefined) {
    due = ctx.all<OutboxRow>(
      'SELECT * FROM outbox WHERE due_at <= ? ORDER BY due_at, id LIMIT ?',
      ctx.now,
      p.limit,
    );
  } else {
    due = p.kinds
      .flatMap((kind) =>
        ctx.all<OutboxRow>(
          'SELECT * FROM outbox WHERE kind = ? AND due_at <= ? ORDER BY due_at, id LIMIT ?',
          kind,
          ctx.now,
          p.limit,
        ),
      )
      .sort((a, b) => a.due_at - b.due_at || a.id - b.id)
      .slice(0, p.limit);
  }
  const leaseEnd = ctx.now + p.leaseMs;
  return due.map((row): OutboxItem => {
    ctx.run(
      'UPDATE outbox SET attempts = attempts + 1, claimed_until = ?, due_at = ? WHERE id = ?',
      leaseEnd,
      leaseEnd,
      row.id,
    );
    return toOutboxItem({ ...row, attempts: row.attempts + 1 });
  });
};

export const outboxComplete: OpHandler<'outboxComplete'> = (ctx, p) => {
  ctx.run('DELETE FROM outbox WHERE id = ?', p.id);
};

export const outboxRetry: OpHandler<'outboxRetry'> = (ctx, p) => {
  ctx.run(
    'UPDATE outbox SET due_at = ?, claimed_until = NULL, last_error = ? WHERE id = ?',
    p.dueAt,
    p.error,
    p.id,
  );
  ctx.wakeOutbox();
};

export const outboxDiscard: OpHandler<'outboxDiscard'> = (ctx, p) => {
  ctx.run('DELETE FROM outbox WHERE id = ?', p.id);
};

/** Earliest due time of any row (claimed rows count at their lease end); may be <= now. */
export const outboxNextDueAt: OpHandler<'outboxNextDueAt'> = (ctx) =>
  ctx.get<{ at: number | null }>('SELECT min(due_at) AS at FROM outbox')?.at ?? null;
