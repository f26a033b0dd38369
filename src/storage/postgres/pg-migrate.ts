/**
 * Forward-only migrations for PostgreSQL, safe when several nodes start at once: the whole run
 * holds a transaction-scoped advisory lock, so one node applies the pending versions while the
 * others wait and then find nothing left to do. Each version is recorded in
 * `schema_migrations` in the same transaction as its DDL (PostgreSQL DDL is transactional).
 */
import { fileURLToPath } from 'node:url';
import type { PoolClient } from 'pg';
import { loadMigrationFiles, type Migration } from '../common/migration-files.js';

/** Advisory lock key for migrations (any fixed 64-bit number; "swyd-mig"). */
const MIGRATION_LOCK = 0x7377_7964_6d69_67n;

export function loadPgMigrations(): Migration[] {
  return loadMigrationFiles(fileURLToPath(new URL('./migrations/', import.meta.url)));
}

/** Applies every migration newer than the schema; returns the versions this call applied. */
export async function migratePg(
  client: PoolClient,
  migrations: Migration[] = loadPgMigrations(),
): Promise<number[]> {
  const applied: number[] = [];
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const have = new Set(done.rows.map((r) => r.version));
    for (const migration of migrations) {
      if (have.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return applied;
}
