/**
 * A background job run every `intervalMs` on the process clock, never overlapping itself;
 * `start()` and `stop()` are idempotent and `stop()` waits for a run in progress. Failures are
 * logged and the next interval tries again. (Multi-node: singleton jobs run on the lease holder.)
 *
 * States: stopped → running (a run may be in progress) → stopping (waits for it) → stopped.
 */

interface Logger {
  error(obj: object, msg: string): void;
}

export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private inProgress: Promise<void> | undefined;
  private stopRequested = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly run: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  /** True once stop() was called (until the next start): long runs check it to end early. */
  get stopping(): boolean {
    return this.stopRequested;
  }

  start(): void {
    if (this.timer) return;
    this.stopRequested = false;
    this.timer = setInterval(() => {
      if (this.inProgress) return;
      this.inProgress = this.run()
        .then(() => undefined)
        .catch((err: unknown) => this.logger.error({ err }, `${this.name} failed`))
        .finally(() => (this.inProgress = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.inProgress;
  }
}
