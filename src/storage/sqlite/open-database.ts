/**
 * Opens the single SQLite connection (inside the writer worker): durability PRAGMAs first
 * (WAL, synchronous=FULL: a returned COMMIT is on disk), then the schema migrations.
 * `:memory:` databases report journal_mode "memory"; WAL only exists for files.
 */
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

export const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -65536'); // 64 MiB page cache
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
