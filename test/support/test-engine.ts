/**
 * Which storage engine the in-process test servers use. The vitest project "postgres" sets
 * SWITCHYARD_TEST_STORAGE=postgres and reruns the behaviour suites on PostgreSQL; otherwise
 * they run on SQLite in a temporary data directory. On PostgreSQL each server (or restart
 * sequence) gets a schema of its own, dropped by `cleanup`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env['SWITCHYARD_TEST_POSTGRES_URL'];
export const TEST_ENGINE: 'sqlite' | 'postgres' =
  process.env['SWITCHYARD_TEST_STORAGE'] === 'postgres' ? 'postgres' : 'sqlite';

export function freshSchemaName(): string {
  return `sy_test_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface TestStorageEnv {
  /** Environment for resolveConfig: the storage, and on PostgreSQL a schema and shared root key. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** Storage settings for one test server (reuse `env` across restarts of the same server). */
export function testStorageEnv(): TestStorageEnv {
  if (TEST_ENGINE === 'sqlite') return { env: {}, cleanup: async () => undefined };
  if (!PG_URL)
    throw new Error('SWITCHYARD_TEST_STORAGE=postgres needs SWITCHYARD_TEST_POSTGRES_URL');
  const schema = freshSchemaName();
  return {
    env: {
      SWITCHYARD_STORAGE: PG_URL,
      SWITCHYARD_PG_SCHEMA: schema,
      SWITCHYARD_PG_POOL_SIZE: '4',
      SWITCHYARD_ROOT_KEY: randomBytes(32).toString('base64'),
    },
    cleanup: () => dropSchema(schema),
  };
}
