/**
 * The execution context of one storage operation on PostgreSQL: a pooled connection inside one
 * transaction, the operation's `now` (the caller's, or PostgreSQL's `now()` read when the
 * transaction began, so every node agrees on what is due), and the wake-ups it causes, which the
 * engine delivers once the transaction has committed (never for a rolled-back one).
 *
 * Every statement is a named prepared statement (parsed once per connection).
 */
import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import type { Storage } from '../../core/ports/storage.js';

export type PgOpName = Exclude<
  keyof Storage,
  'clock' | 'eventsSubscribe' | 'healthCheck' | 'close'
>;
export type PgOpParams<K extends PgOpName> = Parameters<Storage[K]>[0];
export type PgOpResult<K extends PgOpName> = Awaited<ReturnType<Storage[K]>>;
export type PgOp<K extends PgOpName> = (tx: PgTx, p: PgOpParams<K>) => Promise<PgOpResult<K>>;
export type PgOpTable = { [K in PgOpName]: PgOp<K> };

export interface Wakeups {
  queueIds: Set<number>;
  outbox: boolean;
  timer: boolean;
}

const statementNames = new Map<string, string>();

/** A stable prepared-statement name for a SQL text. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `sy_${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

export class PgTx {
  readonly wakeups: Wakeups = { queueIds: new Set(), outbox: false, timer: false };

  constructor(
    private readonly client: PoolClient,
    /** Epoch ms for this operation. */
    readonly now: number,
  ) {}

  async rows<T extends QueryResultRow>(sql: string, ...values: unknown[]): Promise<T[]> {
    const result = await this.client.query<T>({ name: statementName(sql), text: sql, values });
    return result.rows;
  }

  async row<T extends QueryResultRow>(sql: string, ...values: unknown[]): Promise<T | undefined> {
    return (await this.rows<T>(sql, ...values))[0];
  }

  /** Runs a statement; returns the number of rows it affected. */
  async run(sql: string, ...values: unknown[]): Promise<number> {
    const result = await this.client.query({ name: statementName(sql), text: sql, values });
    return result.rowCount ?? 0;
  }

  /** A long poller on this queue may find a message now. */
  wakeQueue(queueId: number): void {
    this.wakeups.queueIds.add(queueId);
  }

  wakeOutbox(): void {
    this.wakeups.outbox = true;
  }

  wakeTimers(): void {
    this.wakeups.timer = true;
  }
}
