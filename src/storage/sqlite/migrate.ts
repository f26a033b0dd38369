/**
 * Forward-only schema migrations. `migrations/NNNN-name.sql` files are applied in version order,
 * each in its own `BEGIN IMMEDIATE` transaction that re-reads `schema_migrations` first, so two
 * processes opening the same file concurrently apply each version exactly once.
 */
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { loadMigrationFiles, type Migration } from '../common/migration-files.js';

export type { Migration };

/** The migrations shipped next to this module (src/… under tsx, dist/… when built). */
export function loadMigrations(
  dir: string = fileURLToPath(new URL('./migrations/', import.meta.url)),
): Migration[] {
  return loadMigrationFiles(dir);
}

/** Applies every migration newer than the database; returns the versions applied. */
export function migrate(
  db: Database,
  migrations: Migration[] = loadMigrations(),
  now = Date.now(),
): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const done = db
        .prepare('SELECT 1 FROM schema_migrations WHERE version = ?')
        .get(migration.version);
      if (!done) {
        db.exec(migration.sql);
        db.prepare(
          'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        ).run(migration.version, migration.name, now);
        applied.push(migration.version);
      }
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  }
  return applied;
}
