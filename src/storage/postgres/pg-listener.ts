/**
 * The LISTEN side of cross-node wake-ups: one dedicated connection (outside the pool) listening
 * on the installation's channel. Notifications from the other nodes become storage events (this
 * node's own are skipped: its waiters were woken when it committed). When the connection drops (database restart, network), it reconnects with
 * capped exponential backoff and then announces 'resync', since notifications sent while it
 * was away are lost.
 *
 * States: idle → listening ⇄ reconnecting → stopped.
 */
import pg from 'pg';
import type { StorageEvent } from '../../core/ports/storage.js';
import { decodeWakeups } from './wakeup-codec.js';

const MAX_BACKOFF_MS = 5_000;

export class PgListener {
  onEvents: (events: StorageEvent[]) => void = () => undefined;
  private client: pg.Client | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private backoffMs = 100;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    /** This node's id: its own notifications are skipped (the engine woke its waiters already). */
    private readonly node: string,
  ) {}

  /** Connects and listens; rejects if the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload)
        this.onEvents(decodeWakeups(message.payload, this.node));
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoffMs = 100;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => this.onEvents([{ kind: 'resync' }]),
        () => {
          this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
          this.scheduleReconnect();
        },
      );
    }, this.backoffMs);
    this.retryTimer.unref();
  }
}
