/**
 * Test support: a Switchyard server in this process on a free port with a temporary data
 * directory (and, in the postgres test project, a schema of its own), and SDK clients.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { resolveConfig } from '../../src/server/config.js';
import { startSwitchyard, type RunningSwitchyard } from '../../src/server/switchyard.js';
import { TEST_ENGINE, testStorageEnv } from './test-engine.js';

export interface TestServer {
  server: RunningSwitchyard;
  url: string;
  dataDir: string;
  /** The storage engine the server runs on. */
  engine: 'sqlite' | 'postgres';
  sqs(opts?: { accessKeyId?: string; secretAccessKey?: string; region?: string }): SQSClient;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-test-'));
  const storage = testStorageEnv();
  const config = resolveConfig(
    {},
    {
      SWITCHYARD_PORT: '0',
      SWITCHYARD_DATA_DIR: dataDir,
      SWITCHYARD_LOG_LEVEL: 'warn',
      SWITCHYARD_ROOT_KEY: randomBytes(32).toString('base64'),
      ...storage.env,
      ...env,
    },
  );
  const server = await startSwitchyard(config);
  const clients: SQSClient[] = [];
  return {
    server,
    url: server.url,
    dataDir,
    engine: TEST_ENGINE,
    sqs(opts = {}) {
      const client = new SQSClient({
        endpoint: server.url,
        region: opts.region ?? 'us-east-1',
        credentials: {
          accessKeyId: opts.accessKeyId ?? 'test',
          secretAccessKey: opts.secretAccessKey ?? 'test',
        },
        maxAttempts: 1,
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const c of clients) c.destroy();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      await storage.cleanup();
    },
  };
}
