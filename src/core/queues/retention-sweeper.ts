/**
 * Deletes messages past their queue's MessageRetentionPeriod (and expired deduplication and
 * attempt records) in bounded batches. Expired messages are already invisible to receives; the
 * sweep reclaims their space. (Multi-node: runs on the lease holder only.)
 */
import type { Storage } from '../ports/storage.js';

const INTERVAL_MS = 10_000;
const BATCH = 5_000;

interface Logger {
  error(obj: object, msg: string): void;
}

export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .then(() => undefined)
        .catch((err: unknown) => this.logger.error({ err }, 'retention sweep failed'))
        .finally(() => (this.running = undefined));
    }, INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Sweeps until a batch comes back short; returns how many messages were deleted. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.storage.messagesExpire({ limit: BATCH });
      total += n;
      if (n < BATCH || this.stopped) return total;
    }
  }
}
