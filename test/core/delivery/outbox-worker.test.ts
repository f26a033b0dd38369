import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, retriesExhausted } from '../../../src/core/delivery/backoff.js';
import { OutboxWorker, type DeliveryHandler } from '../../../src/core/delivery/outbox-worker.js';
import type { OutboxItem, Storage } from '../../../src/core/ports/storage.js';
import { createSqliteStorage } from '../../../src/storage/sqlite/sqlite-storage.js';

const logger = { error: () => undefined };
const stores: Storage[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function storage(): Promise<Storage> {
  const s = await createSqliteStorage({ path: ':memory:' });
  stores.push(s);
  return s;
}

function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const check = () =>
      cond() ? resolve() : Date.now() > end ? reject(new Error('timed out')) : setTimeout(check, 5);
    check();
  });
}

describe('backoff', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
  it('grows exponentially with full jitter and a cap', () => {
    expect(backoffDelay(policy, 1, () => 0.999)).toBe(99);
    expect(backoffDelay(policy, 3, () => 0.999)).toBe(399);
    expect(backoffDelay(policy, 10, () => 0.999)).toBe(999);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
  });
  it('gives up after the attempts or the age limit', () => {
    expect(retriesExhausted(policy, { attempts: 5, createdAt: 0, now: 1 })).toBe(true);
    expect(retriesExhausted(policy, { attempts: 4, createdAt: 0, now: 1 })).toBe(false);
    expect(
      retriesExhausted({ ...policy, maxAgeMs: 10 }, { attempts: 1, createdAt: 0, now: 10 }),
    ).toBe(true);
  });
});

describe('OutboxWorker', () => {
  it('delivers committed items once, woken by the commit', async () => {
    const s = await storage();
    const seen: string[] = [];
    const handler: DeliveryHandler = {
      kind: 'test',
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      deliver: async (item) => {
        seen.push(item.payload);
      },
      deadLetter: async () => undefined,
    };
    const worker = new OutboxWorker({ storage: s, handlers: [handler], logger, idleMs: 60_000 });
    worker.start();
    const started = Date.now();
    await s.outboxEnqueue({ kind: 'test', payload: 'a' });
    await s.outboxEnqueue({ kind: 'test', payload: 'b' });
    await until(() => seen.length === 2);
    expect(Date.now() - started).toBeLessThan(2_000); // not the 60 s idle interval
    await worker.stop();
    expect(seen.sort()).toEqual(['a', 'b']);
    expect(await s.outboxNextDueAt({})).toBeNull();
  });

  it('retries with backoff, then dead-letters with the last error and discards', async () => {
    const s = await storage();
    let attempts = 0;
    const dead: { item: OutboxItem; error: string }[] = [];
    const handler: DeliveryHandler = {
      kind: 'flaky',
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 },
      deliver: async () => {
        attempts += 1;
        throw new Error(`boom ${attempts}`);
      },
      deadLetter: async (item, error) => {
        dead.push({ item, error });
      },
    };
    const worker = new OutboxWorker({ storage: s, handlers: [handler], logger, idleMs: 50 });
    worker.start();
    await s.outboxEnqueue({ kind: 'flaky', payload: 'x' });
    await until(() => dead.length === 1);
    await worker.stop();
    expect(attempts).toBe(3);
    expect(dead[0]!.error).toBe('boom 3');
    expect(dead[0]!.item.attempts).toBe(3);
    expect(await s.outboxNextDueAt({})).toBeNull();
  });

  it('succeeds after transient failures without dead-lettering', async () => {
    const s = await storage();
    let attempts = 0;
    let deadLettered = 0;
    const handler: DeliveryHandler = {
      kind: 'transient',
      retry: { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 10 },
      deliver: async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('not yet');
      },
      deadLetter: async () => {
        deadLettered += 1;
      },
    };
    const worker = new OutboxWorker({ storage: s, handlers: [handler], logger, idleMs: 50 });
    worker.start();
    await s.outboxEnqueue({ kind: 'transient', payload: 'y' });
    await until(() => attempts === 3);
    await worker.stop();
    expect(deadLettered).toBe(0);
    expect(await s.outboxNextDueAt({})).toBeNull();
  });

  it('an item whose claim is never completed (a crash) is attempted again after the lease', async () => {
    const s = await storage();
    await s.outboxEnqueue({ kind: 'k', payload: 'p', now: 1_000 });
    const first = await s.outboxClaim({ kinds: ['k'], limit: 10, leaseMs: 500, now: 1_000 });
    expect(first).toHaveLength(1);
    expect(await s.outboxClaim({ kinds: ['k'], limit: 10, leaseMs: 500, now: 1_400 })).toHaveLength(
      0,
    );
    const again = await s.outboxClaim({ kinds: ['k'], limit: 10, leaseMs: 500, now: 1_600 });
    expect(again.map((i) => i.attempts)).toEqual([2]);
  });
});
