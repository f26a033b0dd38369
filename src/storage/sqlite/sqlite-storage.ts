/**
 * The SQLite storage engine, main-thread side: implements the storage contract by posting each
 * call to the writer worker ({id, op, params}) and settling its promise from the worker's group
 * report, which arrives only after the COMMIT holding the call returned. Also re-emits the
 * commit's wake-ups to `eventsSubscribe` listeners and keeps commit statistics for tests and
 * benchmarks.
 *
 * Life cycle: starting (worker opens the database) → open → closing (new calls are refused
 * with ServiceUnavailable; in-flight calls finish) → closed. If the worker dies, the engine is
 * 'failed': pending and later calls reject with ServiceUnavailable.
 */
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { DomainError } from '../../core/errors/domain-error.js';
import type { Storage, StorageEvent } from '../../core/ports/storage.js';
import { acquireWriter, releaseWriter } from './writer-pool.js';
import {
  deserializeError,
  wallNow,
  type FromWorker,
  type GroupReport,
  type OpMessage,
  type OpName,
  type OpParams,
  type OpResult,
  type PragmaReport,
  type StorageOpName,
} from './worker-protocol.js';

export interface SqliteStorageOptions {
  /** Database file, or ':memory:'. */
  path: string;
  /**
   * Engine clock. Without one, each operation uses the worker's Date.now() when it executes.
   * A custom clock lives on the main thread, so it stamps `now` on calls that carry none.
   */
  clock?: () => number;
  /** Most operations in one transaction (default 512). */
  maxGroupSize?: number;
}

export interface CommitStats {
  commits: number;
  /** Groups rolled back as a whole (BEGIN/COMMIT failures). */
  failedGroups: number;
  ops: number;
  largestGroup: number;
  /** Commits by group size, bucketed by power-of-two upper bound ("1", "2", "4", …). */
  groupSizeHistogram: Record<string, number>;
  /** Sizes of the most recent groups, oldest first. */
  lastGroupSizes: number[];
  /** Total and maximum duration of COMMIT (the fsync), ms. */
  commitMsTotal: number;
  commitMsMax: number;
  /** Total duration of transactions, BEGIN to COMMIT returned, ms. */
  txMsTotal: number;
}

/** One acknowledgement, for tests that prove no ack precedes its commit. */
export interface AckRecord {
  requestId: number;
  op: OpName;
  ok: boolean;
  /** The commit that holds the operation (0 if its group was rolled back). */
  commitSeq: number;
  /** When that COMMIT returned in the worker (ms, high resolution, cross-thread comparable). */
  commitReturnedAt: number;
  /** When the main thread settled the promise (same clock). */
  resolvedAt: number;
  /** Highest commit the main thread had seen when it settled the promise. */
  committedSeqAtAck: number;
  /** Order of settlement on the main thread. */
  ackSeq: number;
}

interface Pending {
  op: OpName;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

type EngineState = 'open' | 'closing' | 'closed' | 'failed';

const RECENT_GROUPS = 64;

export class SqliteStorage implements Storage {
  private state: EngineState = 'open';
  private nextId = 0;
  private ackSeq = 0;
  private committedSeq = 0;
  private readonly pending = new Map<number, Pending>();
  /** Calls of the current event-loop turn, posted together by `flush`. */
  private outgoing: OpMessage[] = [];
  private readonly listeners = new Set<(event: StorageEvent) => void>();
  private idleWaiters: (() => void)[] = [];
  private closedWaiter: ((clean: boolean) => void) | undefined;
  private closing: Promise<void> | undefined;
  private ackObserver: ((ack: AckRecord) => void) | undefined;
  private readonly commitStats: CommitStats = {
    commits: 0,
    failedGroups: 0,
    ops: 0,
    largestGroup: 0,
    groupSizeHistogram: {},
    lastGroupSizes: [],
    commitMsTotal: 0,
    commitMsMax: 0,
    txMsTotal: 0,
  };

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly clockFn: () => number,
    private readonly stampNow: boolean,
  ) {
    port.on('message', (message: FromWorker) => this.onMessage(message));
    worker.on('error', (error) => this.fail(error.message));
    worker.on('exit', (code) => {
      this.closedWaiter?.(false);
      if (this.state === 'open') this.fail(`writer worker exited with code ${code}`);
    });
    this.updateRef();
  }

  static async open(options: SqliteStorageOptions): Promise<SqliteStorage> {
    const { port1, port2 } = new MessageChannel();
    const worker = acquireWriter();
    const init = { path: options.path, maxGroupSize: options.maxGroupSize ?? 512 };
    let workerHealthy = true;
    try {
      await new Promise<void>((resolve, reject) => {
        port1.once('message', (message: FromWorker) => {
          if (message.type === 'ready') resolve();
          else
            reject(
              new Error(
                message.type === 'init-error' ? message.message : `unexpected ${message.type}`,
              ),
            );
        });
        worker.once('error', () => (workerHealthy = false));
        worker.once('exit', () => (workerHealthy = false));
        worker.once('error', reject);
        worker.once('exit', (code) =>
          reject(new Error(`writer worker exited with code ${code} while starting`)),
        );
        worker.postMessage({ type: 'open', init, port: port2 }, [port2]);
      });
    } catch (e) {
      port1.close();
      await releaseWriter(worker, workerHealthy);
      throw e;
    }
    worker.removeAllListeners();
    port1.removeAllListeners();
    return new SqliteStorage(worker, port1, options.clock ?? Date.now, options.clock !== undefined);
  }

  // ── engine instrumentation (not part of the contract) ──

  /** journal_mode / synchronous / busy_timeout / foreign_keys as the live connection reports them. */
  pragma(): Promise<PragmaReport> {
    return this.call('enginePragma', {});
  }

  stats(): CommitStats {
    return structuredClone(this.commitStats);
  }

  /** Observes every acknowledgement (ordering proofs in tests); undefined removes it. */
  setAckObserver(observer: ((ack: AckRecord) => void) | undefined): void {
    this.ackObserver = observer;
  }

  // ── contract: lifecycle ──

  clock(): number {
    return this.clockFn();
  }

  eventsSubscribe(listener: (event: StorageEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async healthCheck(): Promise<void> {
    await this.call('enginePing', {});
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  // ── contract: data operations, each one worker request ──

  queuesCreate = this.op('queuesCreate');
  queuesGet = this.op('queuesGet');
  queuesGetById = this.op('queuesGetById');
  queuesList = this.op('queuesList');
  queuesUpdate = this.op('queuesUpdate');
  queuesDelete = this.op('queuesDelete');
  queuesDeletedAt = this.op('queuesDeletedAt');
  queuesCount = this.op('queuesCount');
  queuesListDeadLetterSources = this.op('queuesListDeadLetterSources');
  messagesSend = this.op('messagesSend');
  messagesReceive = this.op('messagesReceive');
  messagesDelete = this.op('messagesDelete');
  messagesChangeVisibility = this.op('messagesChangeVisibility');
  messagesPurge = this.op('messagesPurge');
  messagesMove = this.op('messagesMove');
  messagesExpire = this.op('messagesExpire');
  moveTasksCreate = this.op('moveTasksCreate');
  moveTasksActive = this.op('moveTasksActive');
  moveTasksList = this.op('moveTasksList');
  moveTasksGet = this.op('moveTasksGet');
  moveTasksUpdate = this.op('moveTasksUpdate');
  outboxEnqueue = this.op('outboxEnqueue');
  outboxClaim = this.op('outboxClaim');
  outboxComplete = this.op('outboxComplete');
  outboxRetry = this.op('outboxRetry');
  outboxDiscard = this.op('outboxDiscard');
  outboxNextDueAt = this.op('outboxNextDueAt');
  timersSchedule = this.op('timersSchedule');
  timersCancel = this.op('timersCancel');
  timersClaimDue = this.op('timersClaimDue');
  timersNextDueAt = this.op('timersNextDueAt');
  leasesAcquire = this.op('leasesAcquire');
  leasesRelease = this.op('leasesRelease');

  // ── internals ──

  private op<K extends StorageOpName>(op: K): (params: OpParams<K>) => Promise<OpResult<K>> {
    return (params) => this.call(op, params);
  }

  private call<K extends OpName>(op: K, params: OpParams<K>): Promise<OpResult<K>> {
    if (this.state !== 'open') return Promise.reject(new DomainError('ServiceUnavailable'));
    const id = ++this.nextId;
    let sent: unknown = params;
    if (
      this.stampNow &&
      params &&
      typeof params === 'object' &&
      (params as { now?: number }).now === undefined
    ) {
      sent = { ...params, now: this.clockFn() };
    }
    return new Promise<OpResult<K>>((resolve, reject) => {
      this.pending.set(id, { op, resolve: resolve as (value: unknown) => void, reject });
      this.outgoing.push({ type: 'op', id, op, params: sent });
      if (this.outgoing.length === 1) setImmediate(this.flush);
      this.updateRef();
    });
  }

  /**
   * Posts the calls of this event-loop turn to the writer as one message. Requests parsed in
   * the same poll phase travel together, so the writer also sees them together.
   */
  private readonly flush = (): void => {
    const batch = this.outgoing;
    this.outgoing = [];
    if (batch.length === 0) return;
    try {
      this.port.postMessage(batch.length === 1 ? batch[0] : { type: 'ops', requests: batch });
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      for (const request of batch) {
        this.pending.get(request.id)?.reject(error);
        this.pending.delete(request.id);
      }
      this.afterSettle();
    }
  };

  private onMessage(message: FromWorker): void {
    if (message.type === 'group') this.onGroup(message);
    else if (message.type === 'closed') this.closedWaiter?.(true);
  }

  private onGroup(report: GroupReport): void {
    this.record(report);
    for (const reply of report.replies) {
      const pending = this.pending.get(reply.id);
      if (!pending) continue;
      this.pending.delete(reply.id);
      if (this.ackObserver) {
        this.ackObserver({
          requestId: reply.id,
          op: pending.op,
          ok: reply.ok,
          commitSeq: report.committed ? report.commitSeq : 0,
          commitReturnedAt: report.commitReturnedAt,
          resolvedAt: wallNow(),
          committedSeqAtAck: this.committedSeq,
          ackSeq: ++this.ackSeq,
        });
      }
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(deserializeError(reply.error));
    }
    this.emit(report);
    this.afterSettle();
  }

  private record(report: GroupReport): void {
    const s = this.commitStats;
    if (!report.committed) {
      s.failedGroups++;
      return;
    }
    this.committedSeq = report.commitSeq;
    s.commits++;
    s.ops += report.groupSize;
    s.largestGroup = Math.max(s.largestGroup, report.groupSize);
    const bucket = String(2 ** Math.ceil(Math.log2(report.groupSize)));
    s.groupSizeHistogram[bucket] = (s.groupSizeHistogram[bucket] ?? 0) + 1;
    s.lastGroupSizes.push(report.groupSize);
    if (s.lastGroupSizes.length > RECENT_GROUPS) s.lastGroupSizes.shift();
    s.commitMsTotal += report.commitMs;
    s.commitMsMax = Math.max(s.commitMsMax, report.commitMs);
    s.txMsTotal += report.txMs;
  }

  private emit(report: GroupReport): void {
    if (this.listeners.size === 0) return;
    const events: StorageEvent[] = report.events.queueIds.map((queueId) => ({
      kind: 'queue',
      queueId,
    }));
    if (report.events.outbox) events.push({ kind: 'outbox' });
    if (report.events.timer) events.push({ kind: 'timer' });
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (e) {
          process.emitWarning(
            `storage event listener failed: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      }
    }
  }

  private afterSettle(): void {
    this.updateRef();
    if (this.pending.size === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const waiter of waiters) waiter();
    }
  }

  /** The worker keeps the process alive only while calls are in flight. */
  private updateRef(): void {
    if (this.pending.size > 0 || this.state === 'closing') {
      this.worker.ref();
      this.port.ref();
    } else {
      this.worker.unref();
      this.port.unref();
    }
  }

  private fail(reason: string): void {
    if (this.state === 'closed' || this.state === 'failed') return;
    this.state = 'failed';
    const error = new DomainError('ServiceUnavailable', `Storage engine unavailable: ${reason}`);
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.afterSettle();
    this.closedWaiter?.(false);
  }

  private async shutdown(): Promise<void> {
    if (this.state === 'open') this.state = 'closing';
    this.updateRef();
    if (this.pending.size > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    let cleanlyClosed = false;
    if (this.state === 'closing') {
      const closed = new Promise<boolean>((resolve) => (this.closedWaiter = resolve));
      this.port.postMessage({ type: 'close' });
      cleanlyClosed = await closed;
    }
    this.state = 'closed';
    this.port.close();
    await releaseWriter(this.worker, cleanlyClosed);
  }
}

/** Opens (creating and migrating as needed) a SQLite database and its writer worker. */
export function createSqliteStorage(options: SqliteStorageOptions): Promise<SqliteStorage> {
  return SqliteStorage.open(options);
}
