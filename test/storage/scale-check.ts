/**
 * Scale check of the SQLite engine (manual; not part of the test suite). Prints JSON figures:
 *
 *   node --import tsx test/storage/scale-check.ts [messages=1000000] [dbPath]
 *
 * Inserts N 256-byte messages into one standard queue through the engine (SendMessageBatch-
 * sized calls of 10, 64 calls in flight), then measures single-message send throughput, the
 * group-commit figures, queuesCount, receive/delete latency, a FIFO queue, RSS, file size and
 * the cost of deleting the big queue.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewMessage, QueueRecord } from '../../src/core/ports/storage.js';
import {
  createSqliteStorage,
  type SqliteStorage,
} from '../../src/storage/sqlite/sqlite-storage.js';

const total = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'switchyard-scale-'));
const path = process.argv[3] ?? join(dir, 'scale.sqlite');
const payload = new Uint8Array(256).fill(97);
const IN_FLIGHT = 64;

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const ms = (t: number) => Math.round(t * 100) / 100;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return ms(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

/** Runs `count` calls of `fn` with at most IN_FLIGHT outstanding; returns elapsed ms. */
async function pump(count: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < count) await fn(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return performance.now() - start;
}

function statsDelta(s: SqliteStorage, before: ReturnType<SqliteStorage['stats']>) {
  const after = s.stats();
  const commits = after.commits - before.commits;
  return {
    commits,
    opsPerCommit: ms((after.ops - before.ops) / Math.max(1, commits)),
    commitMsAvg: ms((after.commitMsTotal - before.commitMsTotal) / Math.max(1, commits)),
    commitMsMax: ms(after.commitMsMax),
    txMsAvg: ms((after.txMsTotal - before.txMsTotal) / Math.max(1, commits)),
    groupSizeHistogram: Object.fromEntries(
      Object.entries(after.groupSizeHistogram)
        .map(([size, count]) => [size, count - (before.groupSizeHistogram[size] ?? 0)])
        .filter(([, count]) => Number(count) > 0),
    ),
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

const message = (i: number, extra: Partial<NewMessage> = {}): NewMessage => ({
  messageId: `m-${i}`,
  payload,
  delaySeconds: 0,
  senderId: 'AKIDSCALE',
  ...extra,
});

async function createQueue(s: SqliteStorage, name: string, fifo = false): Promise<QueueRecord> {
  const { queue } = await s.queuesCreate({
    account: '123456789012',
    region: 'us-east-1',
    name,
    fifo,
    attributes: {},
    tags: {},
    keySalt: 'salt',
  });
  return queue;
}

async function main() {
  const s = await createSqliteStorage({ path });
  const q = await createQueue(s, 'big');
  const report: Record<string, unknown> = {
    messages: total,
    payloadBytes: payload.length,
    inFlightCalls: IN_FLIGHT,
    pragma: await s.pragma(),
  };

  // 1. Bulk insert, batches of 10.
  let before = s.stats();
  const batches = Math.ceil(total / 10);
  const insertMs = await pump(batches, (b) =>
    s.messagesSend({
      queueId: q.id,
      fifo: false,
      messages: Array.from({ length: Math.min(10, total - b * 10) }, (_, k) => message(b * 10 + k)),
    }),
  );
  report.bulkInsert = {
    seconds: ms(insertMs / 1000),
    messagesPerSecond: Math.round(total / (insertMs / 1000)),
    callsPerSecond: Math.round(batches / (insertMs / 1000)),
    ...statsDelta(s, before),
  };
  report.rssAfterInsertMB = mb(process.memoryUsage().rss);
  report.dbFileMB = mb(
    statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0),
  );

  // 2. Single-message sends (SendMessage), to another queue.
  const small = await createQueue(s, 'small');
  const singles = Math.min(50_000, total);
  before = s.stats();
  const singleMs = await pump(singles, (i) =>
    s.messagesSend({ queueId: small.id, fifo: false, messages: [message(i)] }),
  );
  report.singleSends = {
    calls: singles,
    callsPerSecond: Math.round(singles / (singleMs / 1000)),
    ...statsDelta(s, before),
  };

  // 3. queuesCount on the big queue.
  const countTimes: number[] = [];
  let counts;
  for (let i = 0; i < 5; i++) {
    const [c, t] = await timed(() => s.queuesCount({ id: q.id }));
    counts = c;
    countTimes.push(t);
  }
  report.queuesCount = {
    counts,
    msMin: ms(Math.min(...countTimes)),
    msMax: ms(Math.max(...countTimes)),
  };

  // 4. Receive + delete latency on the big queue (sequential: one caller).
  const receiveTimes: number[] = [];
  const deleteTimes: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const [r, tr] = await timed(() =>
      s.messagesReceive({
        queueId: q.id,
        fifo: false,
        max: 10,
        visibilityTimeoutSeconds: 30,
        retentionSeconds: 345_600,
      }),
    );
    receiveTimes.push(tr);
    const [, td] = await timed(() =>
      s.messagesDelete({
        queueId: q.id,
        refs: r.messages.map((m) => ({ rowId: m.rowId, nonce: m.receiptNonce })),
      }),
    );
    deleteTimes.push(td);
  }
  report.receive10 = {
    p50: percentile(receiveTimes, 50),
    p99: percentile(receiveTimes, 99),
    max: percentile(receiveTimes, 100),
  };
  report.delete10 = { p50: percentile(deleteTimes, 50), p99: percentile(deleteTimes, 99) };

  // 5. Concurrent receive+delete throughput (64 consumers).
  before = s.stats();
  const consumeMs = await pump(5000, async () => {
    const r = await s.messagesReceive({
      queueId: q.id,
      fifo: false,
      max: 10,
      visibilityTimeoutSeconds: 30,
      retentionSeconds: 345_600,
    });
    await s.messagesDelete({
      queueId: q.id,
      refs: r.messages.map((m) => ({ rowId: m.rowId, nonce: m.receiptNonce })),
    });
  });
  report.concurrentReceiveDelete = {
    messagesPerSecond: Math.round(50_000 / (consumeMs / 1000)),
    ...statsDelta(s, before),
  };

  // 6. FIFO: 100k messages in 1000 groups, then receive latency.
  const fifo = await createQueue(s, 'big.fifo', true);
  const fifoTotal = Math.min(100_000, total);
  const fifoMs = await pump(fifoTotal / 10, (b) =>
    s.messagesSend({
      queueId: fifo.id,
      fifo: true,
      messages: Array.from({ length: 10 }, (_, k) => {
        const i = b * 10 + k;
        return message(i, { groupId: `g-${i % 1000}`, dedupId: `d-${i}` });
      }),
    }),
  );
  const fifoReceive: number[] = [];
  for (let i = 0; i < 500; i++) {
    const [r, t] = await timed(() =>
      s.messagesReceive({
        queueId: fifo.id,
        fifo: true,
        max: 10,
        visibilityTimeoutSeconds: 30,
        retentionSeconds: 345_600,
      }),
    );
    fifoReceive.push(t);
    await s.messagesDelete({
      queueId: fifo.id,
      refs: r.messages.map((m) => ({ rowId: m.rowId, nonce: m.receiptNonce })),
    });
  }
  report.fifo = {
    messages: fifoTotal,
    groups: 1000,
    sendMessagesPerSecond: Math.round(fifoTotal / (fifoMs / 1000)),
    receive10: { p50: percentile(fifoReceive, 50), p99: percentile(fifoReceive, 99) },
  };

  report.rssEndMB = mb(process.memoryUsage().rss);
  // 7. Deleting the big queue (all its messages in one transaction).
  const [, deleteQueueMs] = await timed(() => s.queuesDelete({ id: q.id }));
  report.queuesDeleteBigQueueMs = ms(deleteQueueMs);
  // 8. The sweep removes the deleted queue's backlog in batches of 5000 (one transaction each).
  const batchTimes: number[] = [];
  for (;;) {
    const [removed, t] = await timed(() => s.messagesExpire({ limit: 5000 }));
    batchTimes.push(t);
    if (removed < 5000) break;
  }
  report.orphanSweep = {
    batches: batchTimes.length,
    totalSeconds: ms(batchTimes.reduce((a, b) => a + b, 0) / 1000),
    batchMsP50: percentile(batchTimes, 50),
    batchMsMax: percentile(batchTimes, 100),
  };

  await s.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify(report, null, 2));
}

await main();
