/**
 * Footprint benchmark (issue: "messages live on disk"): prints JSON with
 *  - idle RSS of a fresh server,
 *  - RSS of a server whose queue holds N queued 256-byte messages (default 1,000,000) after it
 *    counted them and received from the queue,
 *  - start-up time (spawn → ready) on a database of at least --min-db-mb (default 1024 MB).
 * The queue is filled through the storage engine directly (same sealed payload format the
 * server writes), which is much faster than a million API calls; the server is then started on
 * that data directory, so everything it holds in memory is what it needed to serve.
 *
 *   node --import tsx bench/sqs-footprint.ts [--messages 1000000] [--min-db-mb 1024]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { PayloadCipher } from '../src/core/crypto/payload-cipher.js';
import { encodeContent } from '../src/core/queues/payload.js';
import { normalizeCreateAttributes } from '../src/core/queues/queue-attributes.js';
import { createSqliteStorage } from '../src/storage/sqlite/sqlite-storage.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    'min-db-mb': { type: 'string', default: '1024' },
  },
});
const MESSAGES = Number(values.messages);
const MIN_DB_BYTES = Number(values['min-db-mb']) * 1024 * 1024;
const PORT = 4590 + Math.floor(Math.random() * 300);
const root = path.resolve(import.meta.dirname, '..');
const fromDist = existsSync(path.join(root, 'dist/cli/main.js'));
const log = (msg: string) => process.stderr.write(`[footprint] ${msg}\n`);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function startServer(
  dataDir: string,
  rootKey: string,
): Promise<{ child: ChildProcess; startMs: number }> {
  const args = fromDist
    ? ['bin/switchyard.js', 'serve']
    : ['--import', 'tsx', 'test/support/serve-entry.ts', 'serve'];
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [...args, '--port', String(PORT), '--data-dir', dataDir, '--log-level', 'warn'],
    {
      cwd: root,
      env: { ...process.env, SWITCHYARD_ROOT_KEY: rootKey },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/_switchyard/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return { child, startMs: performance.now() - t0 };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function fill(
  dbPath: string,
  cipher: PayloadCipher,
  count: number,
  queueName: string,
): Promise<void> {
  const storage = await createSqliteStorage({ path: dbPath });
  const attributes = normalizeCreateAttributes({}, { fifo: false, name: queueName });
  const { queue } = await storage.queuesCreate({
    account: '000000000000',
    region: 'us-east-1',
    name: queueName,
    fifo: false,
    attributes,
    tags: {},
    keySalt: PayloadCipher.newSalt(),
  });
  const body = 'x'.repeat(256);
  const batch = 1000;
  const t0 = performance.now();
  for (let sent = 0; sent < count; sent += batch) {
    const n = Math.min(batch, count - sent);
    const messages = Array.from({ length: n }, () => {
      const messageId = randomUUID();
      return {
        messageId,
        payload: cipher.seal(encodeContent({ body, attributes: {} }), {
          encrypt: true,
          salt: queue.keySalt,
          aad: messageId,
        }),
        delaySeconds: 0,
        senderId: 'test',
      };
    });
    await storage.messagesSend({ queueId: queue.id, fifo: false, messages });
  }
  log(
    `filled ${queueName} with ${count} messages in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await storage.close();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-footprint-'));
  const rootKey = randomBytes(32).toString('base64');
  const cipher = new PayloadCipher(Buffer.from(rootKey, 'base64'));
  const dbPath = path.join(dataDir, 'switchyard.db');
  const sqs = new SQSClient({
    endpoint: `http://127.0.0.1:${PORT}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const result: Record<string, unknown> = {
    server: fromDist ? 'dist' : 'tsx (sources)',
    messages: MESSAGES,
  };
  try {
    // 1. idle RSS of a fresh server
    let { child, startMs } = await startServer(dataDir, rootKey);
    await new Promise((r) => setTimeout(r, 1000));
    result.idleRssMb = +rssMb(child.pid!).toFixed(1);
    result.freshStartMs = +startMs.toFixed(0);
    await stop(child);

    // 2. N queued messages
    await fill(dbPath, cipher, MESSAGES, 'big');
    ({ child, startMs } = await startServer(dataDir, rootKey));
    const url = `http://127.0.0.1:${PORT}/000000000000/big`;
    const t0 = performance.now();
    const attrs = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
    );
    result.getQueueAttributesMs = +(performance.now() - t0).toFixed(1);
    result.approximateNumberOfMessages = Number(attrs.Attributes?.ApproximateNumberOfMessages);
    for (let i = 0; i < 100; i++)
      await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
    result.rssWithQueuedMessagesMb = +rssMb(child.pid!).toFixed(1);
    await stop(child);

    // 3. start-up on a database of at least MIN_DB_BYTES
    let fills = 0;
    while (statSync(dbPath).size < MIN_DB_BYTES && fills < 20) {
      await fill(dbPath, cipher, MESSAGES, `more-${fills++}`);
    }
    result.databaseMb = +(statSync(dbPath).size / 1024 / 1024).toFixed(0);
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      ({ child, startMs } = await startServer(dataDir, rootKey));
      starts.push(startMs);
      if (i === 2) result.rssOnLargeDbMb = +rssMb(child.pid!).toFixed(1);
      await stop(child);
    }
    starts.sort((a, b) => a - b);
    result.startupMsMedian = +starts[1]!.toFixed(0);
    result.targets = { idleRssMb: 120, rssWithQueuedMessagesMb: 300, startupMs: 1000 };
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } finally {
    sqs.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
