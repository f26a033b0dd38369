import { describe, expect, it } from 'vitest';
import { PeriodicJob } from '../../src/core/periodic-job.js';

const logger = { error: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PeriodicJob', () => {
  it('runs on its interval without overlapping itself, and stop() waits for the run', async () => {
    let running = 0;
    let maxConcurrent = 0;
    let runs = 0;
    let finished = 0;
    const job = new PeriodicJob(
      'test',
      5,
      async () => {
        running += 1;
        runs += 1;
        maxConcurrent = Math.max(maxConcurrent, running);
        await sleep(30);
        running -= 1;
        finished += 1;
      },
      logger,
    );
    job.start();
    job.start(); // idempotent
    await sleep(100);
    expect(job.stopping).toBe(false);
    const stopped = job.stop();
    expect(job.stopping).toBe(true);
    await stopped;
    expect(maxConcurrent).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(finished).toBe(runs);
    await sleep(40);
    expect(runs).toBe(finished); // no run after stop
  });

  it('logs a failed run and tries again at the next interval', async () => {
    const errors: string[] = [];
    let runs = 0;
    const job = new PeriodicJob(
      'flaky',
      5,
      async () => {
        runs += 1;
        throw new Error('boom');
      },
      { error: (_o, msg) => errors.push(msg) },
    );
    job.start();
    await sleep(60);
    await job.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toBe('flaky failed');
  });
});
