/**
 * The one mechanism for asynchronous work (DESIGN.md: "one outbox for all asynchronous work").
 * Rows are written by the request that causes them, in its transaction; this worker claims due
 * rows with a lease, runs the handler registered for their kind, and then completes them,
 * schedules a retry (exponential backoff with jitter), or — retries exhausted — hands them to
 * the handler's dead-letter hook and discards them. A crash mid-attempt leaves the claim to
 * expire, so the item is attempted again: delivery is at-least-once.
 *
 * Item states: due → claimed (lease) → done | due again (retry) | dead-lettered.
 * Worker states: stopped → running (waits for an outbox commit or the next due time) → stopping.
 */
import type { OutboxItem, Storage } from '../ports/storage.js';
import { backoffDelay, retriesExhausted, type RetryPolicy } from './backoff.js';

export interface DeliveryHandler {
  kind: string;
  retry: RetryPolicy;
  deliver(item: OutboxItem): Promise<void>;
  /** Called once when retries are exhausted, before the item is discarded. */
  deadLetter(item: OutboxItem, error: string): Promise<void>;
}

interface Logger {
  error(obj: object, msg: string): void;
}

export interface OutboxWorkerOptions {
  storage: Storage;
  handlers: DeliveryHandler[];
  logger: Logger;
  clock?: () => number;
  batch?: number;
  leaseMs?: number;
  /** Safety-net wake-up when no event and no due time is known. */
  idleMs?: number;
  random?: () => number;
}

export class OutboxWorker {
  private readonly handlers = new Map<string, DeliveryHandler>();
  private readonly clock: () => number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private signalled = false;

  constructor(private readonly opts: OutboxWorkerOptions) {
    for (const h of opts.handlers) this.handlers.set(h.kind, h);
    this.clock = opts.clock ?? Date.now;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.opts.storage.eventsSubscribe((e) => {
      if (e.kind === 'outbox' || e.kind === 'resync') this.poke();
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.poke();
    await this.loop;
  }

  private poke(): void {
    this.signalled = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = 0;
      try {
        worked = await this.drainOnce();
      } catch (err) {
        this.opts.logger.error({ err }, 'outbox pass failed');
      }
      if (worked > 0 || !this.running) continue;
      await this.idle();
    }
  }

  /** Sleeps until an outbox commit, the next due time, or the idle interval. */
  private async idle(): Promise<void> {
    if (this.signalled) {
      this.signalled = false;
      return;
    }
    let next: number | null;
    try {
      next = await this.opts.storage.outboxNextDueAt({});
    } catch {
      next = null;
    }
    const idleMs = this.opts.idleMs ?? 5_000;
    const wait = next === null ? idleMs : Math.max(0, Math.min(idleMs, next - this.clock()));
    if (wait === 0 || this.signalled) {
      this.signalled = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, wait);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = undefined;
    this.signalled = false;
  }

  /** Claims and processes one batch; returns how many items it handled (exposed for tests). */
  async drainOnce(): Promise<number> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return 0;
    const items = await this.opts.storage.outboxClaim({
      kinds,
      limit: this.opts.batch ?? 32,
      leaseMs: this.opts.leaseMs ?? 30_000,
    });
    await Promise.all(items.map((item) => this.process(item)));
    return items.length;
  }

  private async process(item: OutboxItem): Promise<void> {
    const handler = this.handlers.get(item.kind);
    if (!handler) return; // claimed only by kind, so unreachable; the lease would expire anyway
    const { storage } = this.opts;
    try {
      await handler.deliver(item);
      await storage.outboxComplete({ id: item.id });
      return;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const now = this.clock();
      if (
        retriesExhausted(handler.retry, { attempts: item.attempts, createdAt: item.createdAt, now })
      ) {
        try {
          await handler.deadLetter(item, error);
          await storage.outboxDiscard({ id: item.id });
        } catch (dlqErr) {
          // Not dead-lettered: leave the claim to expire and try the whole item again later.
          this.opts.logger.error(
            { err: dlqErr, id: item.id, kind: item.kind },
            'dead-lettering failed',
          );
        }
        return;
      }
      const delay = backoffDelay(handler.retry, item.attempts, this.opts.random);
      await storage.outboxRetry({ id: item.id, dueAt: now + delay, error });
    }
  }
}
