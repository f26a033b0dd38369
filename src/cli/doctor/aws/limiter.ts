/**
 * A counting semaphore: at most `limit` tasks hold a slot at once; the rest wait in FIFO
 * order. The doctor puts every API call behind one, so collectors can fan out freely and a
 * large account is still scanned at a bounded request rate.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
