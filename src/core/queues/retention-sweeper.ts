/**
 * Deletes messages past their queue's MessageRetentionPeriod (and expired deduplication and
 * attempt records) in bounded batches. Expired messages are already invisible to receives; the
 * sweep reclaims their space. (Multi-node: runs on the lease holder only.)
 */
import { PeriodicJob } from '../periodic-job.js';
import type { Storage } from '../ports/storage.js';

const INTERVAL_MS = 10_000;
const BATCH = 5_000;

interface Logger {
  error(obj: object, msg: string): void;
}

export class RetentionSweeper {
  private readonly job: PeriodicJob;

  constructor(
    private readonly storage: Storage,
    logger: Logger,
  ) {
    this.job = new PeriodicJob('retention sweep', INTERVAL_MS, () => this.sweep(), logger);
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** Sweeps until a batch comes back short (or the job stops); returns how many were deleted. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.storage.messagesExpire({ limit: BATCH });
      total += n;
      if (n < BATCH || this.job.stopping) return total;
    }
  }
}
