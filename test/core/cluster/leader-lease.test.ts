/**
 * LeaderLease on a real storage (SQLite in memory): one leader at a time, the singleton services
 * follow the lease, a graceful stop hands over at once, and a leader cut off from storage stops
 * its services before its lease can go to another node, which then takes over.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LeaderLease, type SingletonService } from '../../../src/core/cluster/leader-lease.js';
import type { Storage } from '../../../src/core/ports/storage.js';
import { createSqliteStorage } from '../../../src/storage/sqlite/sqlite-storage.js';

const quiet = { info: () => undefined, warn: () => undefined };
const TIMING = { ttlMs: 600, renewEveryMs: 100, safetyMs: 150 };

class Probe implements SingletonService {
  running = false;
  startedAt = NaN;
  stoppedAt = NaN;
  start(): void {
    if (!this.running) this.startedAt = performance.now();
    this.running = true;
  }
  stop(): Promise<void> {
    if (this.running) this.stoppedAt = performance.now();
    this.running = false;
    return Promise.resolve();
  }
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

/** A storage whose lease calls fail while `cut` is set (a node partitioned from its database). */
function partitionable(storage: Storage): Storage & { cut: boolean } {
  const wrapper = Object.create(storage) as Storage & { cut: boolean };
  wrapper.cut = false;
  wrapper.leasesAcquire = (p) =>
    wrapper.cut ? Promise.reject(new Error('connection lost')) : storage.leasesAcquire(p);
  return wrapper;
}

describe('LeaderLease', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup() {
    const storage = await createSqliteStorage({ path: ':memory:' });
    cleanups.push(() => storage.close());
    const node = (s: Storage) => {
      const probe = new Probe();
      const lease = new LeaderLease({ storage: s, services: [probe], logger: quiet, ...TIMING });
      cleanups.push(() => lease.stop());
      return { probe, lease };
    };
    return { storage, node };
  }

  it('exactly one of two nodes leads and runs the singleton services', async () => {
    const { storage, node } = await setup();
    const a = node(storage);
    const b = node(storage);
    a.lease.start();
    await until(() => a.lease.isLeader());
    b.lease.start();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(a.probe.running).toBe(true);
    expect(b.probe.running).toBe(false);
    expect(b.lease.isLeader()).toBe(false);
    expect(a.lease.fencingToken).toBe(1);
  });

  it('a graceful stop hands the lease over at the next renewal', async () => {
    const { storage, node } = await setup();
    const a = node(storage);
    const b = node(storage);
    a.lease.start();
    await until(() => a.lease.isLeader());
    b.lease.start();
    await a.lease.stop();
    expect(a.probe.running).toBe(false);
    const took = await until(() => b.probe.running);
    expect(took).toBeLessThan(TIMING.ttlMs);
    expect(b.lease.fencingToken).toBe(2);
  });

  it('a leader cut off from storage stops its services before another node can take over', async () => {
    const { storage, node } = await setup();
    const cutOff = partitionable(storage);
    const a = node(cutOff);
    const b = node(storage);
    a.lease.start();
    await until(() => a.lease.isLeader());
    b.lease.start();
    cutOff.cut = true;
    await until(() => b.probe.running);
    // A stopped trusting its lease (ttl - safety after its last renewal) before B acquired it.
    expect(a.probe.running).toBe(false);
    expect(a.probe.stoppedAt).toBeLessThan(b.probe.startedAt);
    expect(b.lease.fencingToken).toBe(2);
  });

  it('refuses a renewal period that leaves no margin before expiry', () => {
    expect(
      () =>
        new LeaderLease({
          storage: {} as Storage,
          services: [],
          logger: quiet,
          ttlMs: 1000,
          renewEveryMs: 900,
          safetyMs: 200,
        }),
    ).toThrow(/renewal/);
  });
});
