/**
 * Long-poll wake-ups. A receive that found nothing parks here until one of:
 *   - a commit touched its queue (storage event: a send, a visibility reset, a move) — this
 *     wakes the longest-parked waiter only, and a receive that comes back with a full batch
 *     passes the baton to the next one (`passOn`): waking every waiter for every send would
 *     make N empty receives per message (a thundering herd; on PostgreSQL, N transactions),
 *   - the queue's earliest due time passed (a delayed message or a visibility expiry),
 *   - its wait time ran out, or the server is shutting down (then it returns empty).
 * No sleep loops: each wait is one promise resolved by the first of those events.
 *
 * States of a waiter: parked → woken (by event | due time | deadline | shutdown) → removed.
 */
import type { Storage } from '../ports/storage.js';

export type WakeReason = 'event' | 'due' | 'deadline' | 'shutdown';

export class QueueWaiters {
  private readonly waiters = new Map<number, Set<(r: WakeReason) => void>>();
  /** Last event sequence per queue: a waiter that saw an older one returns at once. */
  private readonly lastEvent = new Map<number, number>();
  private seq = 0;
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(storage: Storage) {
    this.unsubscribe = storage.eventsSubscribe((event) => {
      if (event.kind === 'queue') {
        this.lastEvent.set(event.queueId, ++this.seq);
        this.wakeOne(event.queueId);
      } else if (event.kind === 'resync') {
        this.wakeAll();
      }
    });
  }

  get parked(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }

  /** The queue's event sequence: read it before a receive, pass it to `wait` after. */
  sequence(queueId: number): number {
    return this.lastEvent.get(queueId) ?? 0;
  }

  /**
   * Waits for activity on a queue, until `dueAt` or `deadline` (ms, process clock). An event
   * that arrived after `seen` was read (while the empty receive ran) wakes it at once.
   */
  wait(
    queueId: number,
    opts: { dueAt: number | null; deadline: number; now: number; seen: number },
  ): Promise<WakeReason> {
    if (this.closed) return Promise.resolve('shutdown');
    if (this.sequence(queueId) !== opts.seen) return Promise.resolve('event');
    return new Promise((resolve) => {
      let set = this.waiters.get(queueId);
      if (!set) {
        set = new Set();
        this.waiters.set(queueId, set);
      }
      const until = opts.dueAt !== null && opts.dueAt < opts.deadline ? opts.dueAt : opts.deadline;
      const reasonAtTimeout: WakeReason = until === opts.deadline ? 'deadline' : 'due';
      const done = (reason: WakeReason) => {
        clearTimeout(timer);
        const s = this.waiters.get(queueId);
        if (s) {
          s.delete(done);
          if (s.size === 0) this.waiters.delete(queueId);
        }
        resolve(reason);
      };
      const timer = setTimeout(() => done(reasonAtTimeout), Math.max(0, until - opts.now));
      set.add(done);
    });
  }

  /** Wakes the longest-parked waiter of the queue, if any. */
  private wakeOne(queueId: number): void {
    const set = this.waiters.get(queueId);
    if (!set) return;
    for (const done of set) {
      done('event');
      return;
    }
  }

  /**
   * A receive filled its batch, so more messages may be waiting: wake the next waiter. The chain
   * ends at the first receive that comes back short.
   */
  passOn(queueId: number): void {
    this.wakeOne(queueId);
  }

  /** Wakes every waiter of the queue. */
  private wake(queueId: number): void {
    const set = this.waiters.get(queueId);
    if (!set) return;
    for (const done of [...set]) done('event');
  }

  /** Notifications may have been missed: every waiter looks again. */
  private wakeAll(): void {
    for (const queueId of [...this.waiters.keys()]) {
      this.lastEvent.set(queueId, ++this.seq);
      this.wake(queueId);
    }
  }

  /** Wakes every waiter with 'shutdown'; later waits return at once. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const set of [...this.waiters.values()]) for (const done of [...set]) done('shutdown');
  }
}
