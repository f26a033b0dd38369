/**
 * Durable timers, one per (kind, key): schedule upserts, cancel deletes, and a claim removes the
 * due timers in the claiming transaction, so each firing is handed out at most once.
 */
import type { OpHandler } from './op-handler.js';
import { toTimerRecord, type TimerRow } from './rows.js';

export const timersSchedule: OpHandler<'timersSchedule'> = (ctx, p) => {
  ctx.run(
    `INSERT INTO timers (kind, key, payload, due_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, key) DO UPDATE SET payload = excluded.payload, due_at = excluded.due_at`,
    p.kind,
    p.key,
    p.payload,
    p.dueAt,
  );
  ctx.wakeTimers();
};

export const timersCancel: OpHandler<'timersCancel'> = (ctx, p) =>
  ctx.run('DELETE FROM timers WHERE kind = ? AND key = ?', p.kind, p.key).changes > 0;

export const timersClaimDue: OpHandler<'timersClaimDue'> = (ctx, p) => {
  const due = ctx.all<TimerRow>(
    'SELECT * FROM timers WHERE due_at <= ? ORDER BY due_at, id LIMIT ?',
    ctx.now,
    p.limit,
  );
  for (const row of due) ctx.run('DELETE FROM timers WHERE id = ?', row.id);
  return due.map(toTimerRecord);
};

export const timersNextDueAt: OpHandler<'timersNextDueAt'> = (ctx) =>
  ctx.get<{ at: number | null }>('SELECT min(due_at) AS at FROM timers')?.at ?? null;
