/**
 * The kill -9 crash workload, shared by the crash test (`crash.test.ts`) and the soak script
 * (`scripts/soak-crash.ts`).
 *
 * One server child on a fixed port and data dir; one standard and one FIFO queue; producers
 * (SendMessage and SendMessageBatch, unique bodies that start with a message id) and consumers
 * (ReceiveMessage with a short random visibility timeout, sometimes a pause, then DeleteMessage
 * or DeleteMessageBatch, retried with the same handles after a kill — a few messages are
 * deliberately left undeleted to be redelivered) run
 * concurrently while the driver SIGKILLs the server at random points and restarts it on the
 * same data dir. Every outcome goes into a `History` (see crash-history.ts): a success response
 * is "acked", a request that failed because its server generation was killed is "unknown".
 * At the end the server restarts once more and every queue is drained until quiet; the checker
 * then runs over the whole history.
 *
 * Run state machine: setup (gen 1, create queues) → cycling (workers run; sleep a random
 * uptime, kill -9, restart — sometimes killed again mid-start-up) → stopping (final kill,
 * workers finish) → draining (clean restart, receive/delete until quiet) → checked.
 *
 * Worker rule after a failed request: wait for a *new* generation before the next request.
 * A killed process can no longer act on anything, so e.g. a FIFO producer's "unknown" message
 * can never be committed after the next one it sends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import {
  checkHistory,
  HistoryRecorder,
  type CheckReport,
  type History,
  type QueueKind,
  type ReceiveRecord,
} from './crash-history.js';
import { CrashableServer, freePort, type Generation } from './crash-server.js';

export interface CrashRunOptions {
  /** Kill cycles (each: run for a random uptime, kill -9, restart). */
  cycles: number;
  /** Stop cycling after this many seconds even if cycles remain (soak runs). */
  maxSeconds?: number;
  /** Server uptime before each kill, in ms: [min, max]. */
  uptimeMs?: [number, number];
  /** Probability that a restart is itself killed part-way through start-up. */
  startupKillProbability?: number;
  standardProducers?: number;
  fifoProducers?: number;
  standardConsumers?: number;
  fifoConsumers?: number;
  /** FIFO message groups per FIFO producer (a group belongs to one producer). */
  groupsPerProducer?: number;
  /** Visibility timeouts of the run's receives: a random whole number of seconds in [min, max]. */
  visibilitySeconds?: [number, number];
  /** Share of received messages deliberately not deleted (they come back after the timeout). */
  abandonRate?: number;
  /** Producers pause while a queue holds more than this many acked, undeleted messages. */
  maxBacklog?: number;
  /** Share of receives whose consumer "processes" (sleeps 1–200 ms) before deleting. */
  processingDelayRate?: number;
  /** Times a delete cut off by a kill is retried on the next server generation. */
  deleteRetries?: number;
  seed?: number;
  keepDataDir?: boolean;
  log?: (line: string) => void;
}

export interface Anomaly {
  op: string;
  gen: number;
  error: string;
}

export interface CrashRunSummary {
  seed: number;
  durationMs: number;
  cycles: number;
  kills: number;
  /** Kills that hit a server still starting up (before it was ready). */
  startupKills: number;
  /** How every child ended: must be SIGKILL for all but none. */
  exitSignals: Record<string, number>;
  startupMs: { median: number; max: number };
  requests: {
    sendMessage: number;
    sendMessageBatch: number;
    receive: number;
    deleteMessage: number;
    deleteMessageBatch: number;
  };
  /** Requests that failed because their server was killed under them. */
  requestsFailedByKill: number;
  /** Delete attempts repeated with the same handles after a kill. */
  deleteRetries: number;
  /** Failures not explained by a kill (server error responses, timeouts on a live server). */
  anomalies: Anomaly[];
  /** Approximate counts after the drain (all should be 0). */
  leftover: Record<QueueKind, { visible: number; notVisible: number; delayed: number }>;
  check: CheckReport;
  dataDir: string;
}

export interface CrashRunResult {
  summary: CrashRunSummary;
  history: History;
}

/** mulberry32: a small seeded PRNG, so a run's random choices can be named by its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return `${err.name}${typeof code === 'string' ? ` ${code}` : ''}${status ? ` HTTP ${status}` : ''}: ${err.message}`;
  }
  return String(err);
}

function httpStatusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
}

type OpResult<T> =
  | {
      ok: true;
      value: T;
      gen: number;
      startTick: number;
      endTick: number;
      startWall: number;
      endWall: number;
    }
  | {
      ok: false;
      gen: number;
      startTick: number;
      endTick: number;
      killed: boolean;
      status?: number;
      error: string;
    };

class CrashRun {
  readonly recorder = new HistoryRecorder();
  readonly rng: () => number;
  readonly server: CrashableServer;
  readonly anomalies: Anomaly[] = [];
  readonly requests = {
    sendMessage: 0,
    sendMessageBatch: 0,
    receive: 0,
    deleteMessage: 0,
    deleteMessageBatch: 0,
  };
  requestsFailedByKill = 0;
  deleteRetriesUsed = 0;
  /** Acked sends minus acked deletes, per queue: the producers' backpressure. */
  readonly backlog: Record<QueueKind, number> = { standard: 0, fifo: 0 };
  readonly urls: Record<QueueKind, string> = { standard: '', fifo: '' };
  draining = false;
  private stopping = false;
  private stopSignal: () => void = () => undefined;
  private readonly stopped = new Promise<void>((r) => (this.stopSignal = r));

  constructor(
    readonly opts: Required<
      Omit<CrashRunOptions, 'maxSeconds' | 'log' | 'seed' | 'keepDataDir'>
    > & {
      seed: number;
    },
    server: CrashableServer,
  ) {
    this.rng = seededRandom(opts.seed);
    this.server = server;
  }

  stop(): void {
    this.stopping = true;
    this.stopSignal();
  }

  randInt(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }

  /** The current generation, waiting while the server is down; `after`: only a newer one.
   *  undefined once stopping. */
  async acquire(after = 0): Promise<Generation | undefined> {
    for (;;) {
      if (this.stopping && !this.draining) return undefined;
      const g = this.server.current();
      if (g && g.gen > after) return g;
      if (this.draining) throw new Error('server down while draining');
      await Promise.race([this.server.nextChange(), this.stopped]);
    }
  }

  /** Runs one request against a generation and classifies its outcome. */
  async op<T>(
    name: string,
    g: Generation,
    fn: (sqs: SQSClient) => Promise<T>,
  ): Promise<OpResult<T>> {
    const startWall = Date.now();
    const startTick = this.recorder.tick();
    try {
      const value = await fn(g.sqs);
      return {
        ok: true,
        value,
        gen: g.gen,
        startTick,
        endTick: this.recorder.tick(),
        startWall,
        endWall: Date.now(),
      };
    } catch (err) {
      const endTick = this.recorder.tick();
      const status = httpStatusOf(err);
      const killed = status === undefined && this.server.isKilled(g.gen);
      if (killed) this.requestsFailedByKill++;
      else this.anomalies.push({ op: name, gen: g.gen, error: describeError(err) });
      if (this.draining)
        throw new Error(`${name} failed while draining: ${describeError(err)}`, { cause: err });
      return {
        ok: false,
        gen: g.gen,
        startTick,
        endTick,
        killed,
        ...(status !== undefined ? { status } : {}),
        error: describeError(err),
      };
    }
  }

  body(id: string): string {
    const len = this.randInt(0, 200);
    let pad = '';
    while (pad.length < len) pad += this.rng().toString(36).slice(2);
    return `${id}|${pad.slice(0, len)}`;
  }

  // ---- producers -------------------------------------------------------------------------

  async producer(kind: QueueKind, index: number): Promise<void> {
    const groups = Array.from({ length: this.opts.groupsPerProducer }, (_, k) => `p${index}g${k}`);
    const groupSeq = new Map<string, number>(groups.map((gr) => [gr, 0]));
    let counter = 0;
    let after = 0;
    for (;;) {
      const g = await this.acquire(after);
      if (!g) return;
      after = 0;
      if (this.backlog[kind] > this.opts.maxBacklog) {
        await sleep(20);
        continue;
      }
      const n = this.rng() < 0.4 ? 1 : this.randInt(2, 10);
      const entries = Array.from({ length: n }, () => {
        const id = `${kind === 'fifo' ? 'f' : 's'}${index}-${String(counter++).padStart(6, '0')}`;
        if (kind === 'standard') return { id, body: this.body(id) };
        const group = groups[this.randInt(0, groups.length - 1)]!;
        const seq = groupSeq.get(group)!;
        groupSeq.set(group, seq + 1);
        return { id, body: this.body(id), group, groupSeq: seq };
      });
      const fifoFields = (e: (typeof entries)[number]) =>
        'group' in e ? { MessageGroupId: e.group, MessageDeduplicationId: e.id } : {};
      const record = (
        e: (typeof entries)[number],
        r: { startTick: number; endTick: number; gen: number },
        status: 'acked' | 'unknown' | 'rejected',
        messageId?: string,
      ) =>
        this.recorder.send({
          id: e.id,
          queue: kind,
          ...('group' in e ? { group: e.group, groupSeq: e.groupSeq } : {}),
          status,
          ...(messageId !== undefined ? { messageId } : {}),
          startTick: r.startTick,
          endTick: r.endTick,
          gen: r.gen,
        });

      let failed: OpResult<unknown> | undefined;
      if (n === 1) {
        const e = entries[0]!;
        this.requests.sendMessage++;
        const r = await this.op('SendMessage', g, (sqs) =>
          sqs.send(
            new SendMessageCommand({
              QueueUrl: this.urls[kind],
              MessageBody: e.body,
              ...fifoFields(e),
            }),
          ),
        );
        if (r.ok) {
          record(e, r, 'acked', r.value.MessageId);
          this.backlog[kind]++;
        } else {
          record(e, r, r.status !== undefined && r.status < 500 ? 'rejected' : 'unknown');
          failed = r;
        }
      } else {
        this.requests.sendMessageBatch++;
        const r = await this.op('SendMessageBatch', g, (sqs) =>
          sqs.send(
            new SendMessageBatchCommand({
              QueueUrl: this.urls[kind],
              Entries: entries.map((e, i) => ({
                Id: `e${i}`,
                MessageBody: e.body,
                ...fifoFields(e),
              })),
            }),
          ),
        );
        if (r.ok) {
          const ok = new Map((r.value.Successful ?? []).map((s) => [s.Id, s.MessageId]));
          const bad = new Map((r.value.Failed ?? []).map((f) => [f.Id, f]));
          entries.forEach((e, i) => {
            const messageId = ok.get(`e${i}`);
            if (messageId !== undefined) {
              record(e, r, 'acked', messageId);
              this.backlog[kind]++;
            } else {
              const f = bad.get(`e${i}`);
              this.anomalies.push({
                op: 'SendMessageBatch entry',
                gen: r.gen,
                error: f ? `${f.Code}: ${f.Message}` : 'entry missing from response',
              });
              record(e, r, f ? 'rejected' : 'unknown');
            }
          });
        } else {
          for (const e of entries)
            record(e, r, r.status !== undefined && r.status < 500 ? 'rejected' : 'unknown');
          failed = r;
        }
      }
      if (failed) after = failed.gen;
    }
  }

  // ---- consumers -------------------------------------------------------------------------

  private receiveCommand(kind: QueueKind, visibility: number, wait: number) {
    return new ReceiveMessageCommand({
      QueueUrl: this.urls[kind],
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: wait,
      VisibilityTimeout: visibility,
    });
  }

  private recordReceive(
    kind: QueueKind,
    r: OpResult<{ Messages?: { Body?: string; MessageId?: string; ReceiptHandle?: string }[] }> & {
      ok: true;
    },
    visibility: number,
  ): ReceiveRecord {
    return this.recorder.receive({
      queue: kind,
      startTick: r.startTick,
      endTick: r.endTick,
      startWall: r.startWall,
      visibilityTimeoutSeconds: visibility,
      messages: (r.value.Messages ?? []).map((m) => ({
        id: (m.Body ?? '').split('|')[0]!,
        messageId: m.MessageId ?? '',
        receiptHandle: m.ReceiptHandle ?? '',
      })),
      drain: this.draining,
      gen: r.gen,
    });
  }

  /** Deletes the given messages of one receive (a batch, or one by one in order). A delete cut
   *  off by a kill is retried with the same receipt handles on the next server generation (up
   *  to `deleteRetries` times), as a client with retries would: that is what puts handles
   *  issued before a kill -9 to the test. Resolves `ok: false` with the generation of the last
   *  failure when it gives up. */
  private async deleteMessages(
    kind: QueueKind,
    rec: ReceiveRecord,
    items: ReceiveRecord['messages'],
    batch: boolean,
  ): Promise<{ ok: boolean; gen: number }> {
    let pending = items;
    let after = 0;
    for (let attempt = 0; ; attempt++) {
      const g = await this.acquire(after);
      if (!g) return { ok: true, gen: 0 };
      const r = await this.deleteOnce(kind, rec, pending, batch, g);
      if (r.failedGen === undefined) return { ok: true, gen: 0 };
      if (attempt >= this.opts.deleteRetries) return { ok: false, gen: r.failedGen };
      this.deleteRetriesUsed++;
      pending = r.remaining;
      after = r.failedGen;
    }
  }

  /** One attempt: returns the items not yet deleted when a request failed (and its gen). */
  private async deleteOnce(
    kind: QueueKind,
    rec: ReceiveRecord,
    items: ReceiveRecord['messages'],
    batch: boolean,
    g: Generation,
  ): Promise<{ remaining: ReceiveRecord['messages']; failedGen?: number }> {
    const record = (
      id: string,
      r: { startTick: number; endTick: number; gen: number },
      status: 'acked' | 'unknown' | 'rejected',
      endWall: number,
    ) => {
      this.recorder.delete(
        {
          queue: kind,
          id,
          receiveIndex: rec.index,
          status,
          startTick: r.startTick,
          endTick: r.endTick,
          endWall,
          batch,
          gen: r.gen,
        },
        rec,
      );
      if (status === 'acked') this.backlog[kind]--;
    };
    const failedStatus = (r: { status?: number }) =>
      r.status !== undefined && r.status < 500 ? 'rejected' : 'unknown';
    if (batch) {
      this.requests.deleteMessageBatch++;
      const r = await this.op('DeleteMessageBatch', g, (sqs) =>
        sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: this.urls[kind],
            Entries: items.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.receiptHandle })),
          }),
        ),
      );
      if (!r.ok) {
        for (const m of items) record(m.id, r, failedStatus(r), Date.now());
        return r.killed ? { remaining: items, failedGen: r.gen } : { remaining: [] };
      }
      const ok = new Set((r.value.Successful ?? []).map((s) => s.Id));
      items.forEach((m, i) => {
        if (ok.has(`d${i}`)) record(m.id, r, 'acked', r.endWall);
        else {
          const f = (r.value.Failed ?? []).find((x) => x.Id === `d${i}`);
          this.anomalies.push({
            op: 'DeleteMessageBatch entry',
            gen: r.gen,
            error: f ? `${f.Code}: ${f.Message}` : 'entry missing',
          });
          record(m.id, r, 'rejected', r.endWall);
        }
      });
      return { remaining: [] };
    }
    for (const [index, m] of items.entries()) {
      this.requests.deleteMessage++;
      const r = await this.op('DeleteMessage', g, (sqs) =>
        sqs.send(
          new DeleteMessageCommand({ QueueUrl: this.urls[kind], ReceiptHandle: m.receiptHandle }),
        ),
      );
      if (!r.ok) {
        record(m.id, r, failedStatus(r), Date.now());
        if (r.killed) return { remaining: items.slice(index), failedGen: r.gen };
        continue; // an error answer (an anomaly, already recorded): not retried
      }
      record(m.id, r, 'acked', r.endWall);
    }
    return { remaining: [] };
  }

  async consumer(kind: QueueKind): Promise<void> {
    let after = 0;
    for (;;) {
      const g = await this.acquire(after);
      if (!g) return;
      after = 0;
      const [vMin, vMax] = this.opts.visibilitySeconds;
      const visibility = this.randInt(vMin, vMax);
      this.requests.receive++;
      const r = await this.op('ReceiveMessage', g, (sqs) =>
        sqs.send(this.receiveCommand(kind, visibility, 1)),
      );
      if (!r.ok) {
        after = r.gen;
        continue;
      }
      const rec = this.recordReceive(kind, r, visibility);
      const keep = rec.messages.filter(() => this.rng() >= this.opts.abandonRate);
      if (keep.length === 0) continue;
      // "Processing" before the delete now and then, so kills also land between the two.
      if (this.rng() < this.opts.processingDelayRate) await sleep(this.randInt(1, 200));
      const d = await this.deleteMessages(kind, rec, keep, keep.length > 1 && this.rng() < 0.5);
      if (!d.ok) after = d.gen;
    }
  }

  // ---- drain -------------------------------------------------------------------------------

  /** Receives and deletes until the queue stays empty for longer than any visibility timeout
   *  of the run could still hide a message. */
  async drain(kind: QueueKind): Promise<void> {
    const quietMs = this.opts.visibilitySeconds[1] * 1000 + 2500;
    let lastActivity = Date.now();
    for (;;) {
      const g = this.server.current();
      if (!g) throw new Error('server down while draining');
      const r = await this.op('ReceiveMessage (drain)', g, (sqs) =>
        sqs.send(this.receiveCommand(kind, 120, 2)),
      );
      if (!r.ok) throw new Error(r.error);
      const rec = this.recordReceive(kind, r, 120);
      if (rec.messages.length > 0) {
        lastActivity = Date.now();
        const d = await this.deleteMessages(kind, rec, rec.messages, true);
        if (!d.ok) throw new Error('delete failed while draining');
      } else if (Date.now() - lastActivity > quietMs) {
        return;
      }
    }
  }

  async leftover(
    kind: QueueKind,
  ): Promise<{ visible: number; notVisible: number; delayed: number }> {
    const g = this.server.current()!;
    const res = await g.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: this.urls[kind],
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
          'ApproximateNumberOfMessagesDelayed',
        ],
      }),
    );
    const a = res.Attributes ?? {};
    return {
      visible: Number(a.ApproximateNumberOfMessages ?? NaN),
      notVisible: Number(a.ApproximateNumberOfMessagesNotVisible ?? NaN),
      delayed: Number(a.ApproximateNumberOfMessagesDelayed ?? NaN),
    };
  }
}

/** Runs the whole crash scenario; always disposes of the server child. */
export async function runCrashWorkload(options: CrashRunOptions): Promise<CrashRunResult> {
  const opts = {
    uptimeMs: [50, 400] as [number, number],
    startupKillProbability: 0.15,
    standardProducers: 2,
    fifoProducers: 2,
    standardConsumers: 2,
    fifoConsumers: 2,
    groupsPerProducer: 3,
    visibilitySeconds: [1, 4] as [number, number],
    abandonRate: 0.05,
    maxBacklog: 3000,
    processingDelayRate: 0.3,
    deleteRetries: 2,
    ...options,
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
  };
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-crash-'));
  const server = new CrashableServer({ port: await freePort(), dataDir, requestTimeoutMs: 10_000 });
  const run = new CrashRun(opts, server);
  let kills = 0;
  let startupKills = 0;
  let cycles = 0;
  try {
    await server.start();
    const setup = server.current()!;
    const std = await setup.sqs.send(new CreateQueueCommand({ QueueName: 'crash-standard' }));
    const fifo = await setup.sqs.send(
      new CreateQueueCommand({ QueueName: 'crash-fifo.fifo', Attributes: { FifoQueue: 'true' } }),
    );
    run.urls.standard = std.QueueUrl!;
    run.urls.fifo = fifo.QueueUrl!;
    log(`seed ${opts.seed}, data dir ${dataDir}, ${server.url}, pid ${server.pid}`);

    const workers: Promise<void>[] = [];
    for (let i = 0; i < opts.standardProducers; i++) workers.push(run.producer('standard', i));
    for (let i = 0; i < opts.fifoProducers; i++) workers.push(run.producer('fifo', i));
    for (let i = 0; i < opts.standardConsumers; i++) workers.push(run.consumer('standard'));
    for (let i = 0; i < opts.fifoConsumers; i++) workers.push(run.consumer('fifo'));
    // A worker that throws would otherwise only surface at the end.
    const workersDone = Promise.all(workers);
    workersDone.catch(() => undefined);

    const deadline =
      options.maxSeconds !== undefined ? started + options.maxSeconds * 1000 : Infinity;
    while (cycles < opts.cycles && performance.now() < deadline) {
      await sleep(run.randInt(opts.uptimeMs[0], opts.uptimeMs[1]));
      const pid = server.pid;
      await server.kill9();
      kills++;
      cycles++;
      if (options.log && cycles % 5 === 0) {
        const c = checkHistory(run.recorder.history);
        log(
          `cycle ${cycles}: killed pid ${pid}; acked sends ${c.acknowledgedSends}, unknown ${c.unknownSends}, deliveries ${c.deliveries}`,
        );
      }
      if (cycles >= opts.cycles || performance.now() >= deadline) break;
      if (cycles > 1 && run.rng() < opts.startupKillProbability) {
        const typical = server.startupMs.length
          ? server.startupMs[server.startupMs.length - 1]!
          : 1000;
        const ready = await server.start(run.randInt(0, typical));
        if (ready) {
          continue; // it won the race: just another cycle
        }
        kills++;
        startupKills++;
      }
      await server.start();
    }

    run.stop();
    await workersDone;
    await server.start();
    run.draining = true;
    log('draining');
    await Promise.all([run.drain('standard'), run.drain('fifo')]);
    const leftover = { standard: await run.leftover('standard'), fifo: await run.leftover('fifo') };

    const check = checkHistory(run.recorder.history);
    const exitSignals: Record<string, number> = {};
    for (const e of server.exits) {
      const k = e.signal ?? `code ${e.code}`;
      exitSignals[k] = (exitSignals[k] ?? 0) + 1;
    }
    const sorted = [...server.startupMs].sort((a, b) => a - b);
    const summary: CrashRunSummary = {
      seed: opts.seed,
      durationMs: Math.round(performance.now() - started),
      cycles,
      kills,
      startupKills,
      exitSignals,
      startupMs: {
        median: sorted[Math.floor(sorted.length / 2)] ?? 0,
        max: sorted[sorted.length - 1] ?? 0,
      },
      requests: run.requests,
      requestsFailedByKill: run.requestsFailedByKill,
      deleteRetries: run.deleteRetriesUsed,
      anomalies: run.anomalies,
      leftover,
      check,
      dataDir,
    };
    return { summary, history: run.recorder.history };
  } catch (err) {
    if (err instanceof Error) err.message += `\nlast server stderr:\n${server.lastStderr}`;
    throw err;
  } finally {
    run.stop();
    await server.dispose();
    if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
