/**
 * Runs the storage conformance suite on the PostgreSQL engine, each storage in a schema of its
 * own (so parallel test files never share tables), dropped afterwards.
 *
 * Reads SWITCHYARD_TEST_POSTGRES_URL: CI sets it and the suite must then pass; unset (a machine
 * without PostgreSQL) it is skipped with that reason.
 */
import { describe } from 'vitest';
import { runStorageConformance } from './conformance.js';
import { openTestPgStorage, PG_URL } from './pg-test-storage.js';

describe.skipIf(!PG_URL)(
  'PostgreSQL engine (skipped when SWITCHYARD_TEST_POSTGRES_URL is unset)',
  () => {
    runStorageConformance('postgres', () => openTestPgStorage());
  },
);
