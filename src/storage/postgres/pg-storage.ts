/**
 * The PostgreSQL storage engine: the storage contract over a `pg` connection pool, for several
 * Switchyard nodes sharing one database.
 *
 * Each contract call is one transaction on a pooled connection: BEGIN (reading PostgreSQL's
 * `now()` when the caller passed no `now`), the operation's statements, COMMIT. A promise
 * resolves only after COMMIT returned.
 * Serialization failures and deadlocks are retried; a lost database surfaces as
 * ServiceUnavailable (never a hang: connect, statement and query timeouts are bounded).
 *
 * Wake-ups reach this node's listeners at once after the commit and every other node's through
 * a NOTIFY sent after the commit (pg-notifier.ts) and LISTEN on a channel named after the
 * schema. When the listening connection drops, it reconnects with backoff and announces a
 * 'resync' so waiters look again.
 *
 * Life cycle: open → closing (new calls refused with ServiceUnavailable; in-flight calls
 * finish) → closed.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { DomainError } from '../../core/errors/domain-error.js';
import type { Storage, StorageEvent } from '../../core/ports/storage.js';
import { PgListener } from './pg-listener.js';
import { isConnectionError, isForeignKeyViolation, isRetryable, unavailable } from './pg-errors.js';
import { migratePg } from './pg-migrate.js';
import { PG_OPS } from './ops/op-table.js';
import { PgTx, type PgOpName, type PgOpParams, type PgOpResult, type Wakeups } from './pg-tx.js';
import { PgNotifier } from './pg-notifier.js';
import { wakeupChannel } from './wakeup-codec.js';

export interface PgStorageOptions {
  /** postgres:// connection string. */
  url: string;
  /** Schema holding Switchyard's tables (created if missing). Default: public. */
  schema?: string;
  /** Pool size per node (default 10). */
  poolSize?: number;
  /** Bound on one statement, ms (default 30 s). */
  statementTimeoutMs?: number;
  /** Bound on acquiring a connection, ms (default 5 s). */
  connectTimeoutMs?: number;
}

/** int8 and numeric columns hold epoch ms, ids and counts: all well inside 2^53. */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return (
      format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid)
    ) as (value: string) => unknown;
  }) as pg.CustomTypesConfig['getTypeParser'],
};

const MAX_TX_ATTEMPTS = 5;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

type EngineState = 'open' | 'closing' | 'closed';

export class PgStorage implements Storage {
  private state: EngineState = 'open';
  private readonly listeners = new Set<(event: StorageEvent) => void>();
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private closing: Promise<void> | undefined;
  /** Database clock minus process clock, ms (refreshed by health checks). */
  private clockOffset = 0;

  private constructor(
    private readonly pool: Pool,
    private readonly listener: PgListener,
    private readonly notifier: PgNotifier,
    readonly schema: string,
  ) {
    listener.onEvents = (events) => this.emit(events);
  }

  static async open(options: PgStorageOptions): Promise<PgStorage> {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name ${schema}`);
    const connection: pg.ClientConfig = {
      connectionString: options.url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      query_timeout: (options.statementTimeoutMs ?? 30_000) + 5_000,
      application_name: 'switchyard',
      options: `-c search_path=${schema}`,
      types: TYPES,
    };
    const pool = new pg.Pool({
      ...connection,
      max: options.poolSize ?? 10,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection that dies (database restart) must not crash the process: the pool
    // drops it and the next call connects afresh.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      let broken: Error | undefined;
      const onError = (e: Error) => (broken = e);
      client.on('error', onError);
      try {
        await migratePg(client, schema);
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw e;
    }
    const node = randomBytes(6).toString('hex');
    const listener = new PgListener(connection, wakeupChannel(schema), node);
    await listener.start();
    const notifier = new PgNotifier(pool, wakeupChannel(schema), node);
    const storage = new PgStorage(pool, listener, notifier, schema);
    await storage.healthCheck();
    return storage;
  }

  // ── contract: lifecycle ──

  clock(): number {
    return Date.now() + this.clockOffset;
  }

  eventsSubscribe(listener: (event: StorageEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async healthCheck(): Promise<void> {
    if (this.state !== 'open') throw new DomainError('ServiceUnavailable');
    const before = Date.now();
    let row: { now: number } | undefined;
    try {
      const result = await this.pool.query<{ now: number }>(
        'SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::int8 AS now',
      );
      row = result.rows[0];
    } catch (e) {
      throw isConnectionError(e) ? unavailable(e) : e;
    }
    const after = Date.now();
    if (row) this.clockOffset = row.now - Math.round((before + after) / 2);
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  // ── contract: data operations ──

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

  private op<K extends PgOpName>(name: K): (params: PgOpParams<K>) => Promise<PgOpResult<K>> {
    return (params) => this.call(name, params);
  }

  private async call<K extends PgOpName>(name: K, params: PgOpParams<K>): Promise<PgOpResult<K>> {
    if (this.state !== 'open') throw new DomainError('ServiceUnavailable');
    this.inFlight++;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.transaction(name, params);
        } catch (e) {
          if (isRetryable(e) && attempt < MAX_TX_ATTEMPTS) continue;
          throw e;
        }
      }
    } finally {
      if (--this.inFlight === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const waiter of waiters) waiter();
      }
    }
  }

  private async transaction<K extends PgOpName>(
    name: K,
    params: PgOpParams<K>,
  ): Promise<PgOpResult<K>> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw unavailable(e);
    }
    let broken: Error | undefined;
    // pg-pool listens for errors only on idle connections: a socket that dies while this call
    // holds the connection would otherwise raise an unhandled 'error' and end the process.
    const onError = (e: Error) => (broken = e);
    client.on('error', onError);
    try {
      const given = (params as { now?: number } | undefined)?.now;
      const now = given ?? (await this.begin(client));
      if (given !== undefined) await client.query('BEGIN');
      const tx = new PgTx(client, now);
      const handler = PG_OPS[name] as (tx: PgTx, p: PgOpParams<K>) => Promise<PgOpResult<K>>;
      const result = await handler(tx, params);
      await client.query('COMMIT');
      this.emit(eventsOf(tx.wakeups));
      this.notifier.add(tx.wakeups);
      return result;
    } catch (e) {
      if (isConnectionError(e)) {
        broken = e instanceof Error ? e : new Error(String(e));
        throw unavailable(e);
      }
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
      });
      if (isForeignKeyViolation(e)) throw new DomainError('QueueDoesNotExist');
      throw e;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  /** BEGIN and read the database clock in one round trip. */
  private async begin(client: PoolClient): Promise<number> {
    const results = (await client.query(
      'BEGIN; SELECT floor(extract(epoch FROM now()) * 1000)::int8 AS now',
    )) as unknown as pg.QueryResult<{ now: number }>[];
    const now = results[1]?.rows[0]?.now;
    if (now === undefined) throw new Error('could not read the database clock');
    return now;
  }

  private emit(events: StorageEvent[]): void {
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

  private async shutdown(): Promise<void> {
    this.state = 'closing';
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.notifier.drain();
    await this.listener.stop();
    await this.pool.end();
    this.state = 'closed';
  }
}

function eventsOf(wakeups: Wakeups): StorageEvent[] {
  const events: StorageEvent[] = [...wakeups.queueIds].map((queueId) => ({
    kind: 'queue',
    queueId,
  }));
  if (wakeups.outbox) events.push({ kind: 'outbox' });
  if (wakeups.timer) events.push({ kind: 'timer' });
  return events;
}

/** Opens (creating the schema and migrating as needed) a PostgreSQL-backed storage. */
export function createPgStorage(options: PgStorageOptions): Promise<PgStorage> {
  return PgStorage.open(options);
}
