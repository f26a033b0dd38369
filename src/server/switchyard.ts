/**
 * Composition root: builds storage, core services, the protocol edge and the HTTP layer from a
 * Config, starts background services, and shuts everything down in order:
 *   stop accepting → wake long polls (they return empty) → finish in-flight requests →
 *   stop background services → close the database.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { PayloadCipher } from '../core/crypto/payload-cipher.js';
import type { Storage } from '../core/ports/storage.js';
import { LeaderLease } from '../core/cluster/leader-lease.js';
import { MoveTaskRunner } from '../core/queues/move-task-runner.js';
import { QueueService } from '../core/queues/queue-service.js';
import { QueueWaiters } from '../core/queues/queue-waiters.js';
import { RetentionSweeper } from '../core/queues/retention-sweeper.js';
import { AwsEdge } from '../protocols/aws/aws-edge.js';
import { createSqsServiceDef } from '../protocols/aws/sqs/sqs-service.js';
import { createSqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import { createPgStorage } from '../storage/postgres/pg-storage.js';
import { DEV_ACCESS_KEY, DEV_SECRET_KEY, isLoopback, redactUrl, type Config } from './config.js';
import { buildHttpApp } from './http-app.js';
import { loadRootKey } from './root-key.js';

export interface RunningSwitchyard {
  url: string;
  port: number;
  logger: Logger;
  storage: Storage;
  close(): Promise<void>;
}

/** Largest request body: a 1 MiB message in base64-heavy JSON or form encoding fits. */
const BODY_LIMIT = 8 * 1024 * 1024;

function openStorage(config: Config): Promise<Storage> {
  if (config.storage.startsWith('sqlite:'))
    return createSqliteStorage({ path: config.storage.slice('sqlite:'.length) });
  return createPgStorage({
    url: config.storage,
    schema: config.pgSchema,
    poolSize: config.pgPoolSize,
  });
}

export async function startSwitchyard(config: Config): Promise<RunningSwitchyard> {
  const logger = pino({ level: config.logLevel });
  mkdirSync(config.dataDir, { recursive: true });
  const rootKey = loadRootKey(config.rootKey, config.dataDir, (msg) => logger.warn(msg));
  const storage = await openStorage(config);

  const clock = () => Date.now();
  const cipher = new PayloadCipher(rootKey);
  const waiters = new QueueWaiters(storage);
  const queues = new QueueService({ storage, cipher, waiters, clock });
  const sweeper = new RetentionSweeper(storage, logger);
  const mover = new MoveTaskRunner({ storage, queues, logger });

  const credentials = new Map(config.credentials.map((c) => [c.accessKeyId, c]));
  if (config.devCredentials && !credentials.has(DEV_ACCESS_KEY)) {
    credentials.set(DEV_ACCESS_KEY, {
      accessKeyId: DEV_ACCESS_KEY,
      secretAccessKey: DEV_SECRET_KEY,
      accountId: config.accountId,
    });
  }
  const shutdown = new AbortController();
  const sqsServices = { queues, publicUrl: config.publicUrl ?? '' };
  const edge = new AwsEdge({
    services: [createSqsServiceDef(sqsServices)],
    auth: {
      mode: config.auth,
      lookup: (id) => {
        const c = credentials.get(id);
        return c && { secretAccessKey: c.secretAccessKey, accountId: c.accountId };
      },
      defaultAccountId: config.accountId,
      defaultRegion: config.region,
      clock,
    },
    signal: shutdown.signal,
    onInternalError: (err, req) =>
      logger.error({ err, requestId: req.requestId }, 'internal error'),
  });
  const app = buildHttpApp({
    edge,
    logLevel: config.logLevel,
    ready: () => storage.healthCheck(),
    bodyLimit: BODY_LIMIT,
  });

  await app.listen({ host: config.host, port: config.port });
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  sqsServices.publicUrl = config.publicUrl ?? url;
  // Singleton work runs on the lease holder only (trivially this node with SQLite). The holder is
  // named by host and port, so a node restarted after a crash takes its own lease back at once.
  const lease = new LeaderLease({
    storage,
    services: [sweeper, mover],
    logger,
    holder: `${hostname()}:${port}`,
  });
  lease.start();

  if (config.allowDevCredentials && !isLoopback(config.host)) {
    logger.warn('dev credentials are accepted off loopback (SWITCHYARD_ALLOW_DEV_CREDENTIALS=1)');
  }
  logger.info(
    {
      endpoint: url,
      publicUrl: sqsServices.publicUrl,
      region: config.region,
      accountId: config.accountId,
      storage: redactUrl(config.storage),
      auth: config.auth,
      ...(isLoopback(config.host) && config.devCredentials
        ? { devCredentials: { accessKeyId: DEV_ACCESS_KEY, secretAccessKey: DEV_SECRET_KEY } }
        : {}),
    },
    'switchyard listening',
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    logger,
    storage,
    close() {
      closing ??= (async () => {
        const appClosed = app.close(); // stop accepting; in-flight requests finish
        shutdown.abort();
        waiters.close(); // parked long polls return empty now
        await appClosed;
        await lease.stop(); // stops the singleton services and hands the lease over
        await storage.close();
      })();
      return closing;
    },
  };
}
