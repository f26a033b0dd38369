/**
 * Test helper: a PostgreSQL storage in a fresh schema, dropped when the storage is closed.
 */
import { createPgStorage, type PgStorage } from '../../src/storage/postgres/pg-storage.js';
import { dropSchema, freshSchemaName, PG_URL } from '../support/test-engine.js';

export { PG_URL };

export async function openTestPgStorage(schema = freshSchemaName()): Promise<PgStorage> {
  if (!PG_URL) throw new Error('SWITCHYARD_TEST_POSTGRES_URL is not set');
  const storage = await createPgStorage({ url: PG_URL, schema, poolSize: 4 });
  const close = storage.close.bind(storage);
  storage.close = async () => {
    await close();
    await dropSchema(schema);
  };
  return storage;
}
