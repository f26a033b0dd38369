/**
 * The PostgreSQL engine: the storage conformance suite, each storage in a schema of its own (so
 * parallel test files never share tables, dropped afterwards), plus what only a shared database
 * can show: nodes starting together on a new schema migrate it exactly once.
 *
 * Reads SWITCHYARD_TEST_POSTGRES_URL: CI sets it and the suite must then pass; unset (a machine
 * without PostgreSQL) it is skipped with that reason.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPgStorage } from '../../src/storage/postgres/pg-storage.js';
import { dropSchema, freshSchemaName } from '../support/test-engine.js';
import { runStorageConformance } from './conformance.js';
import { openTestPgStorage, PG_URL } from './pg-test-storage.js';

describe.skipIf(!PG_URL)(
  'PostgreSQL engine (skipped when SWITCHYARD_TEST_POSTGRES_URL is unset)',
  () => {
    runStorageConformance('postgres', () => openTestPgStorage());

    it('five nodes starting at once on a new schema apply each migration once', async () => {
      const schema = freshSchemaName();
      const url = PG_URL ?? '';
      try {
        const nodes = await Promise.all(
          [1, 2, 3, 4, 5].map(() => createPgStorage({ url, schema, poolSize: 1 })),
        );
        for (const node of nodes) await node.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query<{ version: number; n: string }>(
            `SELECT version, count(*) AS n FROM ${schema}.schema_migrations GROUP BY version ORDER BY version`,
          );
          expect(rows.length).toBeGreaterThanOrEqual(2);
          for (const row of rows) expect(Number(row.n)).toBe(1);
        } finally {
          await client.end();
        }
      } finally {
        await dropSchema(schema);
      }
    });
  },
);
