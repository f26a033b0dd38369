/**
 * Leases on PostgreSQL: one upsert, atomic across nodes, that takes a free or expired lease
 * (bumping its fencing token) or renews the caller's own; release expires it in place so the
 * token keeps growing.
 */
import type { PgOp } from '../pg-tx.js';

export const leasesAcquire: PgOp<'leasesAcquire'> = async (tx, p) => {
  const row = await tx.row<{ token: number; expires_at: number }>(
    `INSERT INTO leases (name, holder, token, expires_at) VALUES ($1, $2, 1, $3::int8 + $4::int8)
     ON CONFLICT (name) DO UPDATE SET
       token = CASE WHEN leases.holder = excluded.holder AND leases.expires_at > $3
                    THEN leases.token ELSE leases.token + 1 END,
       holder = excluded.holder,
       expires_at = excluded.expires_at
     WHERE leases.holder = excluded.holder OR leases.expires_at <= $3
     RETURNING token, expires_at`,
    p.name,
    p.holder,
    tx.now,
    p.ttlMs,
  );
  return row ? { token: row.token, expiresAt: row.expires_at } : null;
};

export const leasesRelease: PgOp<'leasesRelease'> = async (tx, p) => {
  await tx.run(
    'UPDATE leases SET expires_at = 0 WHERE name = $1 AND holder = $2',
    p.name,
    p.holder,
  );
};
