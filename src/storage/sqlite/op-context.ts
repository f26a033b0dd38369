/**
 * The execution context of one storage operation inside the writer worker: the connection with
 * its prepared-statement cache, the operation's `now`, and the effects it records (queues it
 * woke, outbox/timer rows it added). Effects are collected per operation and merged into the
 * group only when the operation's savepoint is released, so a rolled-back operation wakes no one.
 */
import type { Database, RunResult, Statement } from 'better-sqlite3';

/** Prepared statements, compiled once per connection and keyed by their SQL text. */
export class StatementCache {
  private readonly statements = new Map<string, Statement<unknown[], unknown>>();

  constructor(readonly db: Database) {}

  get(sql: string): Statement<unknown[], unknown> {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<unknown[], unknown>(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}

export interface OpEffects {
  queueIds: Set<number>;
  outbox: boolean;
  timer: boolean;
}

export function newEffects(): OpEffects {
  return { queueIds: new Set(), outbox: false, timer: false };
}

export function mergeEffects(into: OpEffects, from: OpEffects): void {
  for (const id of from.queueIds) into.queueIds.add(id);
  into.outbox ||= from.outbox;
  into.timer ||= from.timer;
}

export class OpContext {
  constructor(
    private readonly cache: StatementCache,
    /** Epoch ms: the caller's `now`, or the worker's clock when the operation started. */
    readonly now: number,
    readonly effects: OpEffects,
  ) {}

  get db(): Database {
    return this.cache.db;
  }

  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.cache.get(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.cache.get(sql).all(...params) as T[];
  }

  /** Lazily iterates rows. Only reads may run while the iterator is open. */
  iterate<T>(sql: string, ...params: unknown[]): IterableIterator<T> {
    return this.cache.get(sql).iterate(...params) as IterableIterator<T>;
  }

  run(sql: string, ...params: unknown[]): RunResult {
    return this.cache.get(sql).run(...params);
  }

  /** A long poller on this queue may find a message now. */
  wakeQueue(queueId: number): void {
    this.effects.queueIds.add(queueId);
  }

  wakeOutbox(): void {
    this.effects.outbox = true;
  }

  wakeTimers(): void {
    this.effects.timer = true;
  }
}
