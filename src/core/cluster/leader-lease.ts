/**
 * LeaderLease: runs the installation's singleton work (retention sweeps, message-move tasks,
 * later schedules and alarm evaluation) on exactly one node at a time. Every node tries to
 * acquire or renew one storage lease every `renewEveryMs`; the holder starts the singleton
 * services, a node that loses the lease (or cannot reach storage long enough to be sure it
 * still holds it) stops them. When the leader dies, its lease expires after `ttlMs` and the next
 * node to try takes it: failover within ttlMs + renewEveryMs (6 s + 2 s by default, under the
 * 10 s the operations guide promises). A graceful stop releases the lease at once.
 *
 * Fencing: the lease's token grows whenever it changes hands, and a holder trusts its lease
 * only until `ttlMs - safetyMs` after the renewal request was *sent* (process monotonic clock),
 * so a paused old leader stops believing it leads before anyone else can acquire. Work whose
 * effects must never happen twice (timers, schedules) is additionally made exactly-once in
 * storage: a claim removes the row in the claiming transaction.
 *
 * States: follower ⇄ leader (services started) → stopped.
 */
import { randomBytes } from 'node:crypto';
import type { LeaseGrant, Storage } from '../ports/storage.js';

export interface SingletonService {
  start(): void;
  stop(): Promise<void>;
}

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface LeaderLeaseOptions {
  storage: Storage;
  services: SingletonService[];
  logger: Logger;
  name?: string;
  /** This node's identity in the lease table (default: random). */
  holder?: string;
  ttlMs?: number;
  renewEveryMs?: number;
  /** Margin subtracted from the lease when trusting it locally (clock drift, latency). */
  safetyMs?: number;
}

export class LeaderLease {
  readonly holder: string;
  private readonly name: string;
  private readonly ttlMs: number;
  private readonly renewEveryMs: number;
  private readonly safetyMs: number;
  private timer: NodeJS.Timeout | undefined;
  /** Fires when the last renewal stops being trustworthy (storage slow or unreachable). */
  private trustTimer: NodeJS.Timeout | undefined;
  private leading = false;
  private trustedUntil = 0;
  private token: number | null = null;
  private tick: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(private readonly opts: LeaderLeaseOptions) {
    this.holder = opts.holder ?? `node-${randomBytes(8).toString('hex')}`;
    this.name = opts.name ?? 'singletons';
    this.ttlMs = opts.ttlMs ?? 6_000;
    this.renewEveryMs = opts.renewEveryMs ?? 2_000;
    this.safetyMs = opts.safetyMs ?? 1_000;
    if (this.renewEveryMs >= this.ttlMs - this.safetyMs)
      throw new Error('lease renewal must come well before the lease expires');
  }

  /** True while this node holds a lease it can still trust. */
  isLeader(): boolean {
    return this.leading && performance.now() < this.trustedUntil;
  }

  /** The fencing token of the current tenure, while leading. */
  get fencingToken(): number | null {
    return this.isLeader() ? this.token : null;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the singleton services (if leading) and hands the lease over. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.trustTimer);
    await this.tick;
    const held = this.token !== null;
    await this.demote('stopping');
    if (held)
      await this.opts.storage
        .leasesRelease({ name: this.name, holder: this.holder })
        .catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.tick = this.renew().finally(() => this.schedule(this.renewEveryMs));
    }, delayMs);
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    const sentAt = performance.now();
    let grant: LeaseGrant | null;
    try {
      grant = await this.opts.storage.leasesAcquire({
        name: this.name,
        holder: this.holder,
        ttlMs: this.ttlMs,
      });
    } catch (err) {
      // Unknown outcome: keep leading only while the last renewal is still trustworthy.
      if (this.leading && performance.now() >= this.trustedUntil)
        await this.demote('lease could not be renewed');
      this.opts.logger.warn({ err }, 'leader lease: renewal failed');
      return;
    }
    if (this.stopped) return;
    if (!grant) {
      if (this.leading) await this.demote('lease taken by another node');
      return;
    }
    this.trustedUntil = sentAt + this.ttlMs - this.safetyMs;
    clearTimeout(this.trustTimer);
    this.trustTimer = setTimeout(() => {
      if (this.leading && !this.isLeader()) void this.demote('lease not renewed in time');
    }, this.trustedUntil - performance.now());
    this.trustTimer.unref();
    if (!this.leading || grant.token !== this.token) {
      this.token = grant.token;
      this.leading = true;
      this.opts.logger.info({ holder: this.holder, token: grant.token }, 'leader lease acquired');
      for (const service of this.opts.services) service.start();
    }
  }

  private async demote(reason: string): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    clearTimeout(this.trustTimer);
    this.token = null;
    this.opts.logger.info({ holder: this.holder, reason }, 'leader lease lost');
    await Promise.all(this.opts.services.map((service) => service.stop()));
  }
}
