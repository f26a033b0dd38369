/**
 * Forward-only migrations for PostgreSQL, safe when several nodes start at once: the whole run
 * (schema creation included) holds a transaction-scoped advisory lock, so one node applies the pending versions while the
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

/**
 * Creates the schema if needed and applies every migration newer than it; returns the versions
 * this call applied. `schema` must be a plain identifier (the caller validates it).
 */
export async function migratePg(
  client: PoolClient,
  schema: string,
  migrations: Migration[] = loadPgMigrations(),
): Promise<number[]> {
  const applied: number[] = [];
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    // Under the lock: concurrent CREATE SCHEMA IF NOT EXISTS can otherwise collide.
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
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
