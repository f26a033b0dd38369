import { defineConfig } from 'vitest/config';

// Two projects: every suite on the default engine (SQLite), and — when a PostgreSQL test
// database is configured (CI sets SWITCHYARD_TEST_POSTGRES_URL) — the SQS behaviour suites
// again on PostgreSQL. The storage conformance suite runs on both engines inside "sqlite"
// (test/storage/postgres.test.ts), and is skipped with its reason when no database is set.
const postgres = process.env['SWITCHYARD_TEST_POSTGRES_URL'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['test/sqs/**/*.test.ts'],
                env: { SWITCHYARD_TEST_STORAGE: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
