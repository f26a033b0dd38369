/**
 * Group commit: the writer worker's loop. Many concurrent operations share one transaction and
 * one fsync, and no operation is acknowledged before the commit that holds it.
 *
 * State machine (one connection, driven by port 'message' events; all steps synchronous):
 *
 *   idle ──message──▶ collecting: take the first request, then drain every request already
 *                     queued on the port (receiveMessageOnPort) up to `maxGroupSize`
 *        ──▶ in-transaction: BEGIN IMMEDIATE; per request SAVEPOINT → run → RELEASE, or on a
 *            thrown error ROLLBACK TO (only that request is undone; it replies with its error);
 *            then drain the port again — requests that arrived meanwhile join the group
 *        ──▶ committing: COMMIT (synchronous=FULL: the fsync) ──▶ post ONE group report with
 *            every reply and the commit's wake-up events ──▶ idle
 *   A failure that loses the transaction itself (BEGIN, COMMIT, a failed ROLLBACK TO) rolls
 *   everything back and every request of the group replies with that error: nothing was
 *   acknowledged, nothing was committed. A 'close' request ends collecting; after the group
 *   the connection closes and the loop is 'closed' (further requests are refused).
 */
import type { Database, Statement } from 'better-sqlite3';
import { DomainError } from '../../core/errors/domain-error.js';
import {
  OpContext,
  StatementCache,
  mergeEffects,
  newEffects,
  type OpEffects,
} from './op-context.js';
import type { OpHandler } from './ops/op-handler.js';
import { OP_TABLE } from './ops/op-table.js';
import {
  serializeError,
  wallNow,
  type FromWorker,
  type OpName,
  type OpReply,
  type ToWorker,
} from './worker-protocol.js';

type OpRequest = Extract<ToWorker, { type: 'op' }>;

export class GroupCommitter {
  private readonly cache: StatementCache;
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackTo: Statement;
  private commitSeq = 0;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly post: (message: FromWorker) => void,
    private readonly maxGroupSize = 512,
    /** The clock used when a request carries no `now`. */
    private readonly clock: () => number = Date.now,
  ) {
    this.cache = new StatementCache(db);
    this.savepoint = db.prepare('SAVEPOINT op');
    this.release = db.prepare('RELEASE op');
    this.rollbackTo = db.prepare('ROLLBACK TO op');
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Handles one port message plus everything queued behind it. */
  handle(first: ToWorker, next: () => ToWorker | undefined): void {
    const group: OpRequest[] = [];
    let closeRequested = false;
    let message: ToWorker | undefined = first;
    while (message) {
      if (message.type === 'close') {
        closeRequested = true;
        break;
      }
      group.push(message);
      if (group.length >= this.maxGroupSize) break;
      message = next();
    }
    if (group.length > 0 && this.runGroup(group, closeRequested ? undefined : next)) {
      closeRequested = true;
    }
    if (closeRequested) this.close();
  }

  /**
   * Runs a group in one transaction. Before COMMIT it drains `pull` again: requests that arrived
   * while the group executed join it and share its fsync (up to `maxGroupSize`). Returns true
   * when that drain met a 'close' request (the caller closes after this group).
   */
  private runGroup(group: OpRequest[], pull?: () => ToWorker | undefined): boolean {
    if (this.closed) {
      this.failGroup(group, new DomainError('ServiceUnavailable'), 0);
      return false;
    }
    const startedAt = wallNow();
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      this.failGroup(group, e, startedAt);
      return false;
    }
    const replies: OpReply[] = [];
    const effects = newEffects();
    for (const request of group) {
      const lost = this.runOne(request, effects, replies);
      if (lost) {
        this.abort(group, lost.error, startedAt);
        return false;
      }
    }
    let closeRequested = false;
    while (pull && group.length < this.maxGroupSize) {
      const late = pull();
      if (!late) break;
      if (late.type === 'close') {
        closeRequested = true;
        break;
      }
      group.push(late);
      const lost = this.runOne(late, effects, replies);
      if (lost) {
        this.abort(group, lost.error, startedAt);
        return closeRequested;
      }
    }
    const commitStart = wallNow();
    try {
      this.db.exec('COMMIT');
    } catch (e) {
      this.abort(group, e, startedAt);
      return closeRequested;
    }
    const commitReturnedAt = wallNow();
    this.post({
      type: 'group',
      committed: true,
      commitSeq: ++this.commitSeq,
      groupSize: group.length,
      commitReturnedAt,
      commitMs: commitReturnedAt - commitStart,
      txMs: commitReturnedAt - startedAt,
      replies,
      events: toEvents(effects),
    });
    return closeRequested;
  }

  /**
   * One request inside the open transaction, in its own savepoint; a request that throws is
   * undone alone and replies with its error. Returns the error when the transaction itself was
   * lost (the whole group must abort), undefined otherwise.
   */
  private runOne(
    request: OpRequest,
    effects: OpEffects,
    replies: OpReply[],
  ): { error: unknown } | undefined {
    const opEffects = newEffects();
    try {
      this.savepoint.run();
      const value = this.execute(request, opEffects);
      this.release.run();
      mergeEffects(effects, opEffects);
      replies.push({ id: request.id, ok: true, value });
      return undefined;
    } catch (e) {
      if (!this.undoOne()) return { error: e };
      replies.push({ id: request.id, ok: false, error: serializeError(e) });
      return undefined;
    }
  }

  private execute(request: OpRequest, effects: OpEffects): unknown {
    const handler = OP_TABLE[request.op] as OpHandler<OpName> | undefined;
    if (!handler) throw new Error(`unknown storage operation ${request.op}`);
    const params = (request.params ?? {}) as { now?: unknown };
    const now = typeof params.now === 'number' ? params.now : this.clock();
    return handler(new OpContext(this.cache, now, effects), params as never);
  }

  /** Undoes the failed operation's savepoint; false when the transaction itself is gone. */
  private undoOne(): boolean {
    if (!this.db.inTransaction) return false;
    try {
      this.rollbackTo.run();
      this.release.run();
      return true;
    } catch {
      return false;
    }
  }

  private abort(group: OpRequest[], error: unknown, startedAt: number): void {
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // The connection already dropped the transaction.
    }
    this.failGroup(group, error, startedAt);
  }

  private failGroup(group: OpRequest[], error: unknown, startedAt: number): void {
    const serialized = serializeError(error);
    const at = wallNow();
    this.post({
      type: 'group',
      committed: false,
      commitSeq: this.commitSeq,
      groupSize: group.length,
      commitReturnedAt: at,
      commitMs: 0,
      txMs: startedAt ? at - startedAt : 0,
      replies: group.map((r) => ({ id: r.id, ok: false, error: serialized })),
      events: { queueIds: [], outbox: false, timer: false },
    });
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    this.post({ type: 'closed' });
  }
}

function toEvents(effects: OpEffects): { queueIds: number[]; outbox: boolean; timer: boolean } {
  return { queueIds: [...effects.queueIds], outbox: effects.outbox, timer: effects.timer };
}
