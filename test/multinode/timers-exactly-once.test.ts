/**
 * Exactly-once claims across nodes (issue 3, "Tests"), at the storage level: three PgStorage
 * instances — three nodes' engines, each with its own connection pool and LISTEN connection —
 * on one fresh schema, racing each other.
 *
 * - Timers: many scheduled (some due already, some over the next second and a half), claimed by
 *   concurrent loops on all three: every timer fires exactly once, never before it is due.
 * - Timers cancelled while others claim them: each is either cancelled or fired, never both.
 * - Outbox: concurrent claims are disjoint while their leases hold; an item whose claim was not
 *   completed is handed out again (attempt 2) once its lease expires, to exactly one claimer.
 *
 * No `now` is passed: the engines use PostgreSQL's clock, as nodes do in production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem, TimerRecord } from '../../src/core/ports/storage.js';
import { createPgStorage, type PgStorage } from '../../src/storage/postgres/pg-storage.js';
import { dropSchema, freshSchemaName } from '../support/test-engine.js';
import { PG_URL, SKIP_REASON } from './cluster.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe.skipIf(!PG_URL)(`exactly-once claims across three engines (${SKIP_REASON})`, () => {
  const schema = freshSchemaName();
  let nodes: PgStorage[] = [];

  beforeAll(async () => {
    // Opened at once: the migration runs concurrently on three connections.
    nodes = await Promise.all(
      [0, 1, 2].map(() => createPgStorage({ url: PG_URL!, schema, poolSize: 4 })),
    );
  });

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    await dropSchema(schema);
  });

  const node = (i: number): PgStorage => nodes[i % nodes.length]!;

  it('every timer fires exactly once, and not before it is due, with three nodes claiming', async () => {
    const N = 600;
    const now = node(0).clock();
    const keys = Array.from({ length: N }, (_, i) => `t${i}`);
    const dueOf = new Map<string, number>();
    // Half due already, half spread over the next 1.5 s (so claims race new due times too).
    keys.forEach((key, i) => dueOf.set(key, i % 2 === 0 ? now - 1000 : now + ((i * 7) % 1500)));
    for (let i = 0; i < N; i += 50) {
      await Promise.all(
        keys.slice(i, i + 50).map((key, k) =>
          node(i + k).timersSchedule({
            kind: 'exactly-once',
            key,
            payload: `p-${key}`,
            dueAt: dueOf.get(key)!,
          }),
        ),
      );
    }

    const fired = new Map<string, { claimer: number; at: number }[]>();
    let firedCount = 0;
    const deadline = performance.now() + 20_000;
    /** One worker: claim what is due; when nothing is, wait for the earliest due time. */
    const worker = async (i: number) => {
      const s = node(i);
      for (let round = 0; firedCount < N && performance.now() < deadline; round++) {
        const claimed: TimerRecord[] = await s.timersClaimDue({
          limit: 1 + ((round * 7 + i) % 20),
        });
        const at = s.clock();
        for (const t of claimed) {
          const list = fired.get(t.key) ?? [];
          list.push({ claimer: i % 3, at: at - t.dueAt });
          fired.set(t.key, list);
          firedCount++;
        }
        if (claimed.length === 0) {
          const next = await s.timersNextDueAt({});
          if (next === null) continue;
          await sleep(Math.max(2, Math.min(100, next - s.clock())));
        }
      }
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map(worker));

    const twice = [...fired].filter(([, list]) => list.length > 1);
    const never = keys.filter((k) => !fired.has(k));
    const early = [...fired].filter(([, list]) => list.some((f) => f.at < -50));
    const byNode = [0, 1, 2].map(
      (n) => [...fired.values()].flat().filter((f) => f.claimer === n).length,
    );
    console.log(
      `timers: ${N} scheduled, ${firedCount} firings, claimed per node ${JSON.stringify(byNode)}`,
    );
    expect(twice.slice(0, 5), 'fired more than once').toEqual([]);
    expect(never.slice(0, 5), 'never fired').toEqual([]);
    expect(early.slice(0, 5), 'fired before due').toEqual([]);
    expect(firedCount).toBe(N);
    expect(byNode.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    // Nothing left anywhere.
    for (const s of nodes) {
      expect(await s.timersClaimDue({ limit: 100 })).toEqual([]);
      expect(await s.timersNextDueAt({})).toBeNull();
    }
  }, 60_000);

  it('a timer cancelled while other nodes claim it is either cancelled or fired, never both', async () => {
    const N = 200;
    const now = node(0).clock();
    const keys = Array.from({ length: N }, (_, i) => `c${i}`);
    await Promise.all(
      keys.map((key, i) =>
        node(i).timersSchedule({ kind: 'cancel-race', key, payload: key, dueAt: now - 10 }),
      ),
    );
    const fired: string[] = [];
    const cancelled: string[] = [];
    let claiming = true;
    const claimer = async (i: number) => {
      while (claiming) {
        const got = await node(i).timersClaimDue({ limit: 5 });
        fired.push(...got.map((t) => t.key));
        if (got.length === 0) claiming = false;
      }
    };
    const canceller = async () => {
      for (const key of [...keys].reverse())
        if (await node(0).timersCancel({ kind: 'cancel-race', key })) cancelled.push(key);
    };
    await Promise.all([canceller(), claimer(1), claimer(2)]);
    // Claim anything the claimers' early exit left (none is due later, so one pass suffices).
    fired.push(...(await node(1).timersClaimDue({ limit: N })).map((t) => t.key));
    const both = cancelled.filter((k) => fired.includes(k));
    console.log(`cancel race: ${fired.length} fired, ${cancelled.length} cancelled`);
    expect(both, 'cancelled and fired').toEqual([]);
    expect(new Set(fired).size).toBe(fired.length);
    expect([...fired, ...cancelled].sort()).toEqual([...keys].sort());
  }, 30_000);

  it('outbox claims are disjoint while their leases hold; an expired lease is reclaimed once', async () => {
    const M = 300;
    const ids = await Promise.all(
      Array.from({ length: M }, (_, i) =>
        node(i).outboxEnqueue({ kind: 'multinode', payload: `item ${i}` }),
      ),
    );
    const claims = new Map<number, { claimer: number; item: OutboxItem }[]>();
    let claimedCount = 0;
    const deadline = performance.now() + 20_000;
    const worker = async (i: number) => {
      const s = node(i);
      for (let round = 0; claimedCount < M && performance.now() < deadline; round++) {
        const got = await s.outboxClaim({
          kinds: ['multinode'],
          limit: 1 + ((round + i) % 10),
          leaseMs: 60_000,
        });
        for (const item of got) {
          const list = claims.get(item.id) ?? [];
          list.push({ claimer: i % 3, item });
          claims.set(item.id, list);
          claimedCount++;
        }
        // Complete most claims; every fifth item stays claimed (its lease holds for a minute).
        for (const item of got) if (item.id % 5 !== 0) await s.outboxComplete({ id: item.id });
      }
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map(worker));
    const twice = [...claims].filter(([, list]) => list.length > 1);
    expect(twice.slice(0, 5), 'claimed twice while leased').toEqual([]);
    expect([...claims.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect([...claims.values()].every((l) => l[0]!.item.attempts === 1)).toBe(true);
    // The unfinished claims are still leased: nobody gets them now.
    for (const s of nodes)
      expect(await s.outboxClaim({ kinds: ['multinode'], limit: 100, leaseMs: 1000 })).toEqual([]);
    for (const id of ids) if (id % 5 === 0) await node(id).outboxComplete({ id });

    // Lease expiry: claimed on node 0 with a short lease and abandoned (that node "died").
    const K = 30;
    const shortIds = await Promise.all(
      Array.from({ length: K }, (_, i) =>
        node(i).outboxEnqueue({ kind: 'abandoned', payload: `${i}` }),
      ),
    );
    const first = await node(0).outboxClaim({ kinds: ['abandoned'], limit: K, leaseMs: 800 });
    expect(first.map((x) => x.id).sort((a, b) => a - b)).toEqual(
      [...shortIds].sort((a, b) => a - b),
    );
    expect(await node(1).outboxClaim({ kinds: ['abandoned'], limit: K, leaseMs: 60_000 })).toEqual(
      [],
    );
    const expiry = await node(1).outboxNextDueAt({});
    expect(expiry).not.toBeNull();
    await sleep(Math.max(0, expiry! - node(1).clock()) + 20);
    const again = await Promise.all(
      [1, 2, 1, 2].map((i) =>
        node(i).outboxClaim({ kinds: ['abandoned'], limit: 10, leaseMs: 60_000 }),
      ),
    );
    const reclaimed = again.flat();
    console.log(
      `outbox: ${M} claimed once each; ${reclaimed.length}/${K} reclaimed after lease expiry, split ${again.map((x) => x.length).join('/')}`,
    );
    expect(new Set(reclaimed.map((x) => x.id)).size).toBe(reclaimed.length);
    expect(reclaimed.map((x) => x.id).sort((a, b) => a - b)).toEqual(
      [...shortIds].sort((a, b) => a - b),
    );
    expect(reclaimed.every((x) => x.attempts === 2)).toBe(true);
  }, 60_000);
});
