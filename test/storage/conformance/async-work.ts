/** Conformance: message move task records, the outbox (claims, leases, retries) and durable timers. */
import { describe, expect, it } from 'vitest';
import { T0, createQueue, nextEvent, type GetStorage } from './helpers.js';

export function moveTaskTests(s: GetStorage): void {
  describe('move tasks', () => {
    const base = {
      sourceArn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
      destinationArn: null,
      maxPerSecond: null,
    };

    it('creates, gets and updates a task', async () => {
      const q = await createQueue(s(), 'dlq');
      const created = await s().moveTasksCreate({
        ...base,
        taskHandle: 'h1',
        sourceQueueId: q.id,
        maxPerSecond: 50,
        toMove: 7,
        now: T0,
      });
      expect(created).toEqual({
        taskHandle: 'h1',
        sourceQueueId: q.id,
        sourceArn: base.sourceArn,
        destinationArn: null,
        maxPerSecond: 50,
        status: 'RUNNING',
        moved: 0,
        toMove: 7,
        failureReason: null,
        startedAt: T0,
      });
      expect(await s().moveTasksGet({ taskHandle: 'h1' })).toEqual(created);
      await s().moveTasksUpdate({ taskHandle: 'h1', movedDelta: 3, now: T0 + 1 });
      const updated = await s().moveTasksUpdate({
        taskHandle: 'h1',
        movedDelta: 2,
        status: 'FAILED',
        failureReason: 'boom',
        now: T0 + 2,
      });
      expect(updated).toMatchObject({
        moved: 5,
        status: 'FAILED',
        failureReason: 'boom',
        startedAt: T0,
      });
      expect(await s().moveTasksGet({ taskHandle: 'nope' })).toBeUndefined();
      expect(
        await s().moveTasksUpdate({ taskHandle: 'nope', status: 'CANCELLED' }),
      ).toBeUndefined();
    });

    it("lists a queue's tasks newest first and the active ones oldest first", async () => {
      const q = await createQueue(s(), 'dlq');
      const other = await createQueue(s(), 'other');
      const create = (taskHandle: string, sourceQueueId: number, now: number) =>
        s().moveTasksCreate({
          ...base,
          taskHandle,
          sourceQueueId,
          toMove: 0,
          destinationArn: 'arn:aws:sqs:us-east-1:123456789012:dst',
          now,
        });
      await create('t1', q.id, T0);
      await create('t2', q.id, T0 + 1000);
      await create('t3', q.id, T0 + 2000);
      await create('o1', other.id, T0 + 500);
      await s().moveTasksUpdate({ taskHandle: 't1', status: 'COMPLETED' });
      await s().moveTasksUpdate({ taskHandle: 't2', status: 'CANCELLING' });
      const list = await s().moveTasksList({ sourceQueueId: q.id, limit: 2 });
      expect(list.map((t) => t.taskHandle)).toEqual(['t3', 't2']);
      expect(list[0]?.destinationArn).toBe('arn:aws:sqs:us-east-1:123456789012:dst');
      const active = await s().moveTasksActive({ limit: 10 });
      expect(active.map((t) => t.taskHandle)).toEqual(['o1', 't2', 't3']);
      expect((await s().moveTasksActive({ limit: 1 })).map((t) => t.taskHandle)).toEqual(['o1']);
    });
  });
}

export function outboxTests(s: GetStorage): void {
  describe('outbox', () => {
    it('claims due items once per lease, oldest due first', async () => {
      const a = await s().outboxEnqueue({ kind: 'sns', payload: '{"n":1}', now: T0 });
      const b = await s().outboxEnqueue({
        kind: 'sns',
        payload: '{"n":2}',
        dueAt: T0 - 10,
        now: T0,
      });
      await s().outboxEnqueue({ kind: 'sns', payload: '{"n":3}', dueAt: T0 + 60_000, now: T0 });
      expect(b).toBeGreaterThan(a);
      const claimed = await s().outboxClaim({ limit: 10, leaseMs: 30_000, now: T0 });
      expect(claimed).toEqual([
        {
          id: b,
          kind: 'sns',
          payload: '{"n":2}',
          attempts: 1,
          dueAt: T0 - 10,
          createdAt: T0,
          lastError: null,
        },
        {
          id: a,
          kind: 'sns',
          payload: '{"n":1}',
          attempts: 1,
          dueAt: T0,
          createdAt: T0,
          lastError: null,
        },
      ]);
      expect(await s().outboxClaim({ limit: 10, leaseMs: 30_000, now: T0 + 29_999 })).toEqual([]);
    });

    it('hands an item out again when its lease expires', async () => {
      const id = await s().outboxEnqueue({ kind: 'k', payload: 'p', now: T0 });
      await s().outboxClaim({ limit: 10, leaseMs: 30_000, now: T0 });
      const again = await s().outboxClaim({ limit: 10, leaseMs: 30_000, now: T0 + 30_000 });
      expect(again.map((i) => [i.id, i.attempts])).toEqual([[id, 2]]);
    });

    it('filters by kind and honours the limit', async () => {
      await s().outboxEnqueue({ kind: 'a', payload: '1', now: T0 });
      await s().outboxEnqueue({ kind: 'b', payload: '2', now: T0 + 1 });
      await s().outboxEnqueue({ kind: 'c', payload: '3', now: T0 + 2 });
      await s().outboxEnqueue({ kind: 'b', payload: '4', now: T0 + 3 });
      const claimB = await s().outboxClaim({
        kinds: ['b', 'c'],
        limit: 2,
        leaseMs: 1000,
        now: T0 + 10,
      });
      expect(claimB.map((i) => i.payload)).toEqual(['2', '3']);
      const rest = await s().outboxClaim({ limit: 10, leaseMs: 1000, now: T0 + 10 });
      expect(rest.map((i) => i.payload)).toEqual(['1', '4']);
    });

    it('retries with a new due time and the error, completes and discards', async () => {
      const id = await s().outboxEnqueue({ kind: 'k', payload: 'p', now: T0 });
      const other = await s().outboxEnqueue({ kind: 'k', payload: 'q', now: T0 });
      await s().outboxClaim({ limit: 10, leaseMs: 60_000, now: T0 });
      await s().outboxRetry({ id, dueAt: T0 + 5000, error: 'HTTP 500' });
      await s().outboxDiscard({ id: other });
      expect(await s().outboxClaim({ limit: 10, leaseMs: 60_000, now: T0 + 4999 })).toEqual([]);
      const [retried] = await s().outboxClaim({ limit: 10, leaseMs: 60_000, now: T0 + 5000 });
      expect(retried).toMatchObject({ id, attempts: 2, dueAt: T0 + 5000, lastError: 'HTTP 500' });
      await s().outboxComplete({ id });
      expect(await s().outboxClaim({ limit: 10, leaseMs: 1, now: T0 + 1_000_000 })).toEqual([]);
      expect(await s().outboxNextDueAt({ now: T0 + 1_000_000 })).toBeNull();
    });

    it('reports the next due time', async () => {
      expect(await s().outboxNextDueAt({ now: T0 })).toBeNull();
      await s().outboxEnqueue({ kind: 'k', payload: 'p', dueAt: T0 + 9000, now: T0 });
      await s().outboxEnqueue({ kind: 'k', payload: 'p', dueAt: T0 + 4000, now: T0 });
      expect(await s().outboxNextDueAt({ now: T0 })).toBe(T0 + 4000);
    });

    it('emits an outbox event when an item is added', async () => {
      const event = nextEvent(s(), (e) => e.kind === 'outbox');
      await s().outboxEnqueue({ kind: 'k', payload: 'p', now: T0 });
      await expect(event).resolves.toEqual({ kind: 'outbox' });
    });
  });
}

export function timerTests(s: GetStorage): void {
  describe('timers', () => {
    it('claims due timers once, in due order, up to the limit', async () => {
      await s().timersSchedule({ kind: 'wait', key: 'b', payload: 'B', dueAt: T0 + 2000 });
      await s().timersSchedule({ kind: 'wait', key: 'a', payload: 'A', dueAt: T0 + 1000 });
      await s().timersSchedule({ kind: 'wait', key: 'c', payload: 'C', dueAt: T0 + 3000 });
      expect(await s().timersClaimDue({ limit: 10, now: T0 + 999 })).toEqual([]);
      const first = await s().timersClaimDue({ limit: 1, now: T0 + 2500 });
      expect(first).toEqual([
        { id: expect.any(Number), kind: 'wait', key: 'a', payload: 'A', dueAt: T0 + 1000 },
      ]);
      expect((await s().timersClaimDue({ limit: 10, now: T0 + 2500 })).map((t) => t.key)).toEqual([
        'b',
      ]);
      expect(await s().timersClaimDue({ limit: 10, now: T0 + 2500 })).toEqual([]);
      expect(await s().timersNextDueAt({ now: T0 + 2500 })).toBe(T0 + 3000);
    });

    it('re-scheduling replaces the due time and payload', async () => {
      await s().timersSchedule({ kind: 'k', key: 'x', payload: 'old', dueAt: T0 + 1000 });
      await s().timersSchedule({ kind: 'k', key: 'x', payload: 'new', dueAt: T0 + 5000 });
      await s().timersSchedule({ kind: 'other', key: 'x', payload: 'o', dueAt: T0 + 9000 });
      expect(await s().timersClaimDue({ limit: 10, now: T0 + 1000 })).toEqual([]);
      expect(await s().timersNextDueAt({ now: T0 })).toBe(T0 + 5000);
      const [t] = await s().timersClaimDue({ limit: 10, now: T0 + 5000 });
      expect(t).toMatchObject({ kind: 'k', key: 'x', payload: 'new', dueAt: T0 + 5000 });
    });

    it('cancels a timer', async () => {
      await s().timersSchedule({ kind: 'k', key: 'x', payload: 'p', dueAt: T0 });
      expect(await s().timersCancel({ kind: 'k', key: 'x' })).toBe(true);
      expect(await s().timersCancel({ kind: 'k', key: 'x' })).toBe(false);
      expect(await s().timersClaimDue({ limit: 10, now: T0 + 1 })).toEqual([]);
      expect(await s().timersNextDueAt({ now: T0 })).toBeNull();
    });

    it('emits a timer event when a timer is scheduled', async () => {
      const event = nextEvent(s(), (e) => e.kind === 'timer');
      await s().timersSchedule({ kind: 'k', key: 'x', payload: 'p', dueAt: T0 });
      await expect(event).resolves.toEqual({ kind: 'timer' });
    });
  });
}
