/**
 * What a Node developer would pick instead of Switchyard on PostgreSQL: pg-boss@10 and
 * graphile-worker@0.17, run on the same database as Switchyard, each in a fresh schema, with
 * the same shape of workload as the batched SQS flow (bench/lib/sqs-flow.ts):
 *
 * - P producer loops, each adding batches of 10 jobs (one call per batch, awaited);
 * - C consumers taking jobs and acknowledging each one individually, in batches of 10 where the
 *   library has a batch call;
 * - every job carries a `bodyBytes` string that starts with the producer's send time, so the
 *   consumer measures send→start latency on the same clock as the SQS flow's send→receive;
 * - by time: loops run for `durationMs`; the figure is jobs acknowledged per second inside the
 *   window [warmupMs, durationMs]; what is left afterwards is dropped with the schema.
 *
 * Loops per library (the `method` string of each result says the same):
 * - pg-boss: `insert([10 jobs])`; C loops of `fetch(queue, { batchSize: 10 })` then
 *   `complete(queue, ids)` (an empty fetch backs off 5 ms: pg-boss has no long poll);
 * - graphile-worker: `addJobs([10 jobs])` through WorkerUtils; one runner with
 *   `concurrency` = C and a no-op task; by default each worker takes one job per `get_job` and
 *   completes it with its own `complete_job`; the `localQueue` variant lets the pool fetch 10
 *   jobs at a time and batch completions (`completeJobBatchDelay: 0`), graphile's own batching.
 *
 * pg-boss gets a pg pool of `poolSize` connections, as Switchyard does (`--pg-pool-size`);
 * graphile-worker gets at least concurrency + 2 (below that it warns of poor performance);
 * the load generator and the consumers run in this process, as an application would embed them.
 */
import { createRequire } from 'node:module';
import {
  makeWorkerUtils,
  Logger,
  run,
  type Runner,
  type Task,
  type WorkerUtils,
} from 'graphile-worker';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { log, sleep } from './children.js';
import { LatencyRecorder, type LatencySummary } from './histogram.js';
import { dropSchema, newSchemaName, trackSchema } from './pg-bench-db.js';
import { makeBody } from './sqs-flow.js';

export interface PeerFlowOptions {
  url: string;
  producers: number;
  consumers: number;
  batchSize: number;
  bodyBytes: number;
  durationMs: number;
  warmupMs: number;
  poolSize: number;
  /** Called when the loops start and when they have stopped (before any teardown). */
  onStart?: () => void;
  onStop?: () => void;
}

export interface PeerFlowResult {
  system: string;
  method: string;
  schema: string;
  seconds: number;
  sent: number;
  completed: number;
  /** Jobs acknowledged per second inside the window: the figure compared with Switchyard's. */
  jobsPerSec: number;
  sentPerSec: number;
  /** Added but not acknowledged when the window closed. */
  backlogAtEnd: number;
  sendToStartMs: LatencySummary;
  sendAckMs: LatencySummary;
  emptyFetches: number;
  errors: Record<string, number>;
}

interface JobData {
  body: string;
}

/** Window bookkeeping shared by the loops of one run. */
class Window {
  readonly start = performance.now();
  readonly warmEnd: number;
  readonly end: number;
  readonly latency = new LatencyRecorder();
  readonly sendAck = new LatencyRecorder();
  readonly errors: Record<string, number> = {};
  sentTotal = 0;
  doneTotal = 0;
  sentWin = 0;
  doneWin = 0;
  emptyFetches = 0;
  private errorCount = 0;

  constructor(opts: PeerFlowOptions) {
    this.warmEnd = this.start + opts.warmupMs;
    this.end = this.start + opts.durationMs;
    opts.onStart?.();
  }

  open(): boolean {
    return performance.now() < this.end && this.errorCount < 500;
  }

  inWindow(t: number): boolean {
    return t >= this.warmEnd && t <= this.end;
  }

  sent(n: number, t0: number): void {
    const t = performance.now();
    this.sendAck.record(t - t0);
    this.sentTotal += n;
    if (this.inWindow(t)) this.sentWin += n;
  }

  started(body: string): void {
    const t = performance.now();
    const sentAt = Number.parseFloat(body);
    if (this.inWindow(t) && Number.isFinite(sentAt)) this.latency.record(t - sentAt);
  }

  done(n: number): void {
    this.doneTotal += n;
    if (this.inWindow(performance.now())) this.doneWin += n;
  }

  error(e: unknown): void {
    const key = e instanceof Error ? e.message.slice(0, 80) : String(e);
    this.errors[key] = (this.errors[key] ?? 0) + 1;
    this.errorCount++;
  }

  result(system: string, method: string, schema: string): PeerFlowResult {
    const seconds = (this.end - this.warmEnd) / 1000;
    const r = (v: number): number => Math.round(v * 10) / 10;
    if (this.errorCount >= 500)
      throw new Error(`${system}: aborted after 500 errors: ${JSON.stringify(this.errors)}`);
    return {
      system,
      method,
      schema,
      seconds: Math.round(seconds * 100) / 100,
      sent: this.sentWin,
      completed: this.doneWin,
      jobsPerSec: r(this.doneWin / seconds),
      sentPerSec: r(this.sentWin / seconds),
      backlogAtEnd: Math.max(0, this.sentTotal - this.doneTotal),
      sendToStartMs: this.latency.summary(),
      sendAckMs: this.sendAck.summary(),
      emptyFetches: this.emptyFetches,
      errors: this.errors,
    };
  }
}

export async function runPgBossFlow(opts: PeerFlowOptions): Promise<PeerFlowResult> {
  const schema = trackSchema(opts.url, newSchemaName('bench_pgboss'));
  const method = `pg-boss ${packageVersion('pg-boss')}: ${opts.producers} producer loops of insert([${opts.batchSize} jobs]); ${opts.consumers} loops of fetch(queue, { batchSize: ${opts.batchSize} }) → complete(queue, ids) (empty fetch: 5 ms back-off); queue policy standard, default retention/retry; pool max ${opts.poolSize}; maintenance on (supervise), cron off`;
  const boss = new PgBoss({
    connectionString: opts.url,
    schema,
    max: opts.poolSize,
    schedule: false,
    application_name: 'bench-pg-boss',
  });
  const bossErrors: unknown[] = [];
  boss.on('error', (e: unknown) => bossErrors.push(e));
  try {
    await boss.start();
    const queue = 'bench';
    await boss.createQueue(queue);
    const w = new Window(opts);
    for (const e of bossErrors.splice(0)) w.error(e);
    const producer = async (): Promise<void> => {
      while (w.open()) {
        const t0 = performance.now();
        const body = makeBody(t0, opts.bodyBytes);
        try {
          await boss.insert(
            Array.from({ length: opts.batchSize }, () => ({ name: queue, data: { body } })),
          );
          w.sent(opts.batchSize, t0);
        } catch (e) {
          w.error(e);
        }
      }
    };
    const consumer = async (): Promise<void> => {
      while (w.open()) {
        try {
          const jobs = await boss.fetch<JobData>(queue, { batchSize: opts.batchSize });
          if (jobs.length === 0) {
            w.emptyFetches++;
            await sleep(5);
            continue;
          }
          for (const job of jobs) w.started(job.data.body);
          await boss.complete(
            queue,
            jobs.map((j) => j.id),
          );
          w.done(jobs.length);
        } catch (e) {
          w.error(e);
        }
      }
    };
    await Promise.all([
      ...Array.from({ length: opts.producers }, producer),
      ...Array.from({ length: opts.consumers }, consumer),
    ]);
    opts.onStop?.();
    for (const e of bossErrors.splice(0)) w.error(e);
    return w.result('pg-boss', method, schema);
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 5_000 }).catch(() => undefined);
    await dropSchema(opts.url, schema).catch((e: unknown) =>
      log(`could not drop schema ${schema}: ${String(e)}`),
    );
  }
}

function packageVersion(name: string): string {
  try {
    const req = createRequire(import.meta.url);
    return (req(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** graphile-worker logs to stdout by default; only warnings and errors, on stderr, here. */
const quietLogger = new Logger(() => (level, message) => {
  const name = String(level);
  if (name === 'error' || name === 'warning') log(`graphile-worker ${name}: ${message}`);
});

export async function runGraphileFlow(
  opts: PeerFlowOptions & { localQueue: boolean },
): Promise<PeerFlowResult> {
  const schema = trackSchema(opts.url, newSchemaName('bench_graphile'));
  // graphile-worker warns below this: each concurrent job holds a connection while it is
  // fetched and completed, plus one for LISTEN and one for addJobs.
  const poolSize = Math.max(opts.poolSize, opts.consumers + 2);
  // …and asks for a local queue at least as large as the concurrency.
  const localQueueSize = Math.max(opts.batchSize, opts.consumers);
  const method = opts.localQueue
    ? `graphile-worker ${packageVersion('graphile-worker')}: ${opts.producers} producer loops of addJobs([${opts.batchSize} jobs]); run() with concurrency ${opts.consumers}, no-op task, localQueue size ${localQueueSize} (the pool fetches and locks up to ${localQueueSize} jobs per query: graphile warns against a size below the concurrency) and completeJobBatchDelay 0 (completions of one tick in one query); one pg pool of ${poolSize} (concurrency + 2, as graphile recommends) shared by WorkerUtils and the runner`
    : `graphile-worker ${packageVersion('graphile-worker')}: ${opts.producers} producer loops of addJobs([${opts.batchSize} jobs]); run() with concurrency ${opts.consumers}, no-op task, defaults (each worker: get_job for one job, complete_job for it); one pg pool of ${poolSize} (concurrency + 2, as graphile recommends) shared by WorkerUtils and the runner`;
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: poolSize,
    application_name: 'bench-graphile-worker',
  });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  let utils: WorkerUtils | undefined;
  let runner: Runner | undefined;
  try {
    utils = await makeWorkerUtils({ pgPool: pool, schema, logger: quietLogger });
    await utils.migrate();
    const w = new Window(opts);
    const task: Task = (payload) => {
      w.started((payload as JobData).body);
      return Promise.resolve();
    };
    runner = await run({
      pgPool: pool,
      schema,
      concurrency: opts.consumers,
      noHandleSignals: true,
      pollInterval: 2_000,
      logger: quietLogger,
      taskList: { bench: task },
      ...(opts.localQueue
        ? {
            preset: {
              worker: { localQueue: { size: localQueueSize }, completeJobBatchDelay: 0 },
            },
          }
        : {}),
    });
    // graphile-worker issues a job's completion without awaiting it (and may batch it), so
    // completions are counted in the database: completed = added (acknowledged) − jobs left,
    // read at the start and at the end of the window.
    runner.events.on('job:complete', ({ error }) => {
      if (error !== undefined && error !== null) w.error(error);
    });
    const completedSoFar = async (): Promise<number> => {
      const { rows } = await pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${schema}._private_jobs`,
      );
      return w.sentTotal - Number(rows[0]?.n ?? 0);
    };
    const atWarmEnd = (async () => {
      await sleep(Math.max(0, w.warmEnd - performance.now()));
      return completedSoFar();
    })();
    const add = utils.addJobs;
    const producer = async (): Promise<void> => {
      while (w.open()) {
        const t0 = performance.now();
        const body = makeBody(t0, opts.bodyBytes);
        try {
          await add(
            Array.from({ length: opts.batchSize }, () => ({
              identifier: 'bench',
              payload: { body },
            })),
          );
          w.sent(opts.batchSize, t0);
        } catch (e) {
          w.error(e);
        }
      }
    };
    await Promise.all(Array.from({ length: opts.producers }, producer));
    const wait = w.end - performance.now();
    if (wait > 0) await sleep(wait);
    opts.onStop?.();
    const atEnd = await completedSoFar();
    w.doneWin = atEnd - (await atWarmEnd);
    w.doneTotal = atEnd;
    return w.result(
      opts.localQueue ? 'graphile-worker (localQueue)' : 'graphile-worker',
      method,
      schema,
    );
  } finally {
    await runner?.stop().catch(() => undefined);
    await Promise.resolve(utils?.release()).catch(() => undefined);
    await pool.end().catch(() => undefined);
    await dropSchema(opts.url, schema).catch((e: unknown) =>
      log(`could not drop schema ${schema}: ${String(e)}`),
    );
  }
}
