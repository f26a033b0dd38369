/**
 * kill -9 crash test (issue 2, "Tests"): producers and consumers under load against a server
 * child that is SIGKILLed at random points and restarted on the same data dir, then a clean
 * restart and a drain; the checker must find 0 acknowledged sends lost, 0 messages back after
 * an acknowledged delete, and no FIFO group delivered out of order.
 *
 * The checker's own tests come first: on fabricated histories it must report exactly the
 * defects planted in them (a test that cannot fail proves nothing).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkHistory, HistoryRecorder, type QueueKind, type SendStatus } from './crash-history.js';
import { killAllChildren } from './crash-server.js';
import { runCrashWorkload, type CrashRunResult } from './crash-workload.js';

afterAll(() => killAllChildren());

/** Builds fabricated histories with the recorder the workload uses. */
class Fabricate {
  readonly rec = new HistoryRecorder();
  private wall = 1_000_000;

  send(
    id: string,
    status: SendStatus,
    opts: { queue?: QueueKind; group?: string; groupSeq?: number } = {},
  ): this {
    const t = this.rec.tick();
    this.rec.send({
      id,
      queue: opts.queue ?? (opts.group ? 'fifo' : 'standard'),
      ...(opts.group !== undefined ? { group: opts.group, groupSeq: opts.groupSeq ?? 0 } : {}),
      status,
      ...(status === 'acked' ? { messageId: `mid-${id}` } : {}),
      startTick: t,
      endTick: this.rec.tick(),
      gen: 1,
    });
    return this;
  }

  /** A receive returning `ids` in that order; returns its index. */
  receive(
    ids: string[],
    opts: { queue?: QueueKind; visibility?: number; drain?: boolean } = {},
  ): number {
    const startWall = (this.wall += 10);
    const r = this.rec.receive({
      queue: opts.queue ?? 'standard',
      startTick: this.rec.tick(),
      endTick: this.rec.tick(),
      startWall,
      visibilityTimeoutSeconds: opts.visibility ?? 2,
      messages: ids.map((id) => ({
        id,
        messageId: `mid-${id}`,
        receiptHandle: `h-${id}-${startWall}`,
      })),
      drain: opts.drain ?? false,
      gen: 1,
    });
    return r.index;
  }

  /** A delete of `id` with the handle of receive `receiveIndex`, acked `afterMs` after it. */
  del(id: string, receiveIndex: number, status: 'acked' | 'unknown', afterMs = 50): this {
    const r = this.rec.history.receives[receiveIndex]!;
    this.rec.delete(
      {
        queue: r.queue,
        id,
        receiveIndex,
        status,
        startTick: this.rec.tick(),
        endTick: this.rec.tick(),
        endWall: r.startWall + afterMs,
        batch: false,
        gen: 1,
      },
      r,
    );
    return this;
  }
}

describe('crash checker (self-check on fabricated histories)', () => {
  it('passes a clean history', () => {
    const f = new Fabricate().send('a', 'acked').send('b', 'acked').send('c', 'unknown');
    const r = f.receive(['a', 'b']);
    f.del('a', r, 'acked').del('b', r, 'acked');
    const c = checkHistory(f.rec.history);
    expect(c.lost).toEqual([]);
    expect(c.reappeared).toEqual([]);
    expect(c.phantoms).toEqual([]);
    expect(c.acknowledgedSends).toBe(2);
    expect(c.unknownSends).toBe(1);
    expect(c.deletesEffective).toBe(2);
  });

  it('reports exactly one lost message when one acknowledged send is never received', () => {
    const f = new Fabricate().send('a', 'acked').send('b', 'acked').send('c', 'acked');
    f.receive(['a', 'c']);
    const c = checkHistory(f.rec.history);
    expect(c.lost.map((x) => x.id)).toEqual(['b']);
  });

  it('does not count an unknown send that never appeared as lost', () => {
    const f = new Fabricate().send('a', 'unknown');
    expect(checkHistory(f.rec.history).lost).toEqual([]);
  });

  it('reports a message received again after an effective delete, not after a late one', () => {
    const f = new Fabricate().send('a', 'acked').send('b', 'acked');
    const r1 = f.receive(['a', 'b'], { visibility: 2 });
    f.del('a', r1, 'acked', 500); // within the 2 s visibility: effective
    f.del('b', r1, 'acked', 2500); // after it: the handle may have been stale
    f.receive(['a', 'b'], { drain: true });
    const c = checkHistory(f.rec.history);
    expect(c.reappeared.map((x) => x.id)).toEqual(['a']);
    expect(c.deletesEffective).toBe(1);
    expect(c.deletesLate).toBe(1);
    expect(c.duplicateDeliveries).toBe(2);
  });

  it('does not count a delete whose request failed', () => {
    const f = new Fabricate().send('a', 'acked');
    const r1 = f.receive(['a']);
    f.del('a', r1, 'unknown');
    f.receive(['a']);
    expect(checkHistory(f.rec.history).reappeared).toEqual([]);
  });

  it('reports a FIFO group delivered out of order', () => {
    const f = new Fabricate()
      .send('x0', 'acked', { group: 'g', groupSeq: 0 })
      .send('x1', 'acked', { group: 'g', groupSeq: 1 });
    f.receive(['x1'], { queue: 'fifo' });
    f.receive(['x0'], { queue: 'fifo' });
    const c = checkHistory(f.rec.history);
    expect(c.fifoOrderViolations.map((x) => x.id)).toEqual(['x1']);
  });

  it('accepts in-order FIFO delivery: same response, after deletes, redelivery', () => {
    const f = new Fabricate()
      .send('x0', 'acked', { group: 'g', groupSeq: 0 })
      .send('x1', 'unknown', { group: 'g', groupSeq: 1 }) // never committed: does not block x2
      .send('x2', 'acked', { group: 'g', groupSeq: 2 })
      .send('x3', 'acked', { group: 'g', groupSeq: 3 })
      .send('y0', 'acked', { group: 'h', groupSeq: 0 });
    const r1 = f.receive(['x0', 'y0'], { queue: 'fifo' });
    const r2 = f.receive(['x0'], { queue: 'fifo' }); // redelivered after its visibility expired
    f.del('x0', r2, 'acked').del('y0', r1, 'unknown');
    const r3 = f.receive(['x2', 'x3'], { queue: 'fifo' });
    f.del('x2', r3, 'acked').del('x3', r3, 'acked');
    const c = checkHistory(f.rec.history);
    expect(c.fifoOrderViolations).toEqual([]);
    expect(c.lost).toEqual([]);
  });

  it('counts an unknown FIFO send that was observed as an existing predecessor', () => {
    const f = new Fabricate()
      .send('x0', 'unknown', { group: 'g', groupSeq: 0 })
      .send('x1', 'acked', { group: 'g', groupSeq: 1 });
    f.receive(['x1'], { queue: 'fifo' });
    f.receive(['x0'], { queue: 'fifo' });
    const c = checkHistory(f.rec.history);
    expect(c.fifoOrderViolations.map((x) => x.id)).toEqual(['x1']);
    expect(c.unknownSendsReceived).toBe(1);
  });

  it('reports phantom bodies and message id mismatches', () => {
    const f = new Fabricate().send('a', 'acked');
    const r = f.receive(['a', 'ghost']);
    f.rec.history.receives[r]!.messages[0]!.messageId = 'other';
    const c = checkHistory(f.rec.history);
    expect(c.phantoms.map((x) => x.id)).toEqual(['ghost']);
    expect(c.messageIdMismatches.map((x) => x.id)).toEqual(['a']);
  });
});

describe('kill -9 crash test', () => {
  let result: CrashRunResult | undefined;

  it(
    'loses no acknowledged send and resurrects no acknowledged delete across ≥ 20 kill -9 cycles',
    { timeout: 150_000 },
    async () => {
      result = await runCrashWorkload({ cycles: 20 });
      const s = result.summary;
      const c = s.check;
      const figures = {
        seed: s.seed,
        durationMs: s.durationMs,
        cycles: s.cycles,
        kills: s.kills,
        startupKills: s.startupKills,
        exitSignals: s.exitSignals,
        startupMs: s.startupMs,
        requests: s.requests,
        requestsFailedByKill: s.requestsFailedByKill,
        deleteRetries: s.deleteRetries,
        anomalies: s.anomalies.length,
        acknowledgedSends: c.acknowledgedSends,
        unknownSends: c.unknownSends,
        unknownSendsReceived: c.unknownSendsReceived,
        rejectedSends: c.rejectedSends,
        receivedMessages: c.receivedMessages,
        deliveries: c.deliveries,
        duplicateDeliveries: c.duplicateDeliveries,
        deletesAcked: c.deletesAcked,
        deletesEffective: c.deletesEffective,
        deletesEffectiveAcrossRestart: c.deletesEffectiveAcrossRestart,
        deletesLate: c.deletesLate,
        deletesUnknown: c.deletesUnknown,
        lost: c.lost.length,
        reappeared: c.reappeared.length,
        fifoOrderViolations: c.fifoOrderViolations.length,
        phantoms: c.phantoms.length,
        messageIdMismatches: c.messageIdMismatches.length,
        leftover: s.leftover,
      };
      console.log(`crash test figures: ${JSON.stringify(figures)}`);

      // The run really crashed the server, under load, with SIGKILL every time.
      expect(s.cycles).toBeGreaterThanOrEqual(20);
      expect(s.exitSignals).toEqual({ SIGKILL: s.kills });
      expect(s.requestsFailedByKill).toBeGreaterThan(0);
      expect(c.acknowledgedSends).toBeGreaterThan(200);
      expect(c.deletesEffective).toBeGreaterThan(50);

      // The properties, with the offending records in the failure message.
      expect(c.lost.slice(0, 10), 'acknowledged sends never received').toEqual([]);
      expect(
        c.reappeared.slice(0, 10),
        'messages received again after an acknowledged delete',
      ).toEqual([]);
      expect(c.fifoOrderViolations.slice(0, 10), 'FIFO order violations').toEqual([]);
      expect(c.phantoms.slice(0, 10), 'received bodies nobody sent').toEqual([]);
      expect(c.messageIdMismatches.slice(0, 10), 'message ids changed').toEqual([]);
      expect(s.anomalies.slice(0, 10), 'failures not caused by a kill').toEqual([]);
      expect(s.leftover).toEqual({
        standard: { visible: 0, notVisible: 0, delayed: 0 },
        fifo: { visible: 0, notVisible: 0, delayed: 0 },
      });
    },
  );

  it('the checker sees a message removed from the real history as lost', (ctx) => {
    if (!result) return ctx.skip();
    const h = result.history;
    const baseline = new Set(checkHistory(h).lost.map((x) => x.id));
    const victim = h.sends.find((s) => s.status === 'acked' && !baseline.has(s.id))!;
    const receives = h.receives.map((r) => ({
      ...r,
      messages: r.messages.filter((m) => m.id !== victim.id),
    }));
    const lost = checkHistory({ ...h, receives }).lost.map((x) => x.id);
    expect(lost).toHaveLength(baseline.size + 1);
    expect(lost).toContain(victim.id);
  });
});
