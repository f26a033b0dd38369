/** Runs the storage conformance suite on the SQLite engine: in memory and on a temporary file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createSqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import { runStorageConformance } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'switchyard-sqlite-'));
let n = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStorageConformance('sqlite :memory:', () => createSqliteStorage({ path: ':memory:' }));
runStorageConformance('sqlite file (WAL)', () =>
  createSqliteStorage({ path: join(dir, `db-${++n}.sqlite`) }),
);
