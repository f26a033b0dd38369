/**
 * Leases on SQLite: one upsert that takes a free or expired lease (bumping its fencing token) or
 * renews the caller's own; release expires it in place so the token keeps growing.
 */
import type { OpHandler } from './op-handler.js';

export const leasesAcquire: OpHandler<'leasesAcquire'> = (ctx, p) => {
  const row = ctx.get<{ token: number; expires_at: number }>(
    `INSERT INTO leases (name, holder, token, expires_at) VALUES (@name, @holder, 1, @now + @ttl)
     ON CONFLICT (name) DO UPDATE SET
       token = CASE WHEN leases.holder = excluded.holder AND leases.expires_at > @now
                    THEN leases.token ELSE leases.token + 1 END,
       holder = excluded.holder,
       expires_at = excluded.expires_at
     WHERE leases.holder = excluded.holder OR leases.expires_at <= @now
     RETURNING token, expires_at`,
    { name: p.name, holder: p.holder, now: ctx.now, ttl: p.ttlMs },
  );
  return row ? { token: row.token, expiresAt: row.expires_at } : null;
};

export const leasesRelease: OpHandler<'leasesRelease'> = (ctx, p) => {
  ctx.run('UPDATE leases SET expires_at = 0 WHERE name = ? AND holder = ?', p.name, p.holder);
};
