/**
 * Conformance: FIFO queues — sequence numbers, strict order per group, group locking across
 * receives, deduplication (both scopes, 5-minute window), ReceiveRequestAttemptId retries,
 * delays, visibility changes, retention and purge.
 */
import { describe, expect, it } from 'vitest';
import {
  FIFO_WINDOW_MS,
  T0,
  createQueue,
  ids,
  msg,
  receive,
  refOf,
  send,
  type GetStorage,
} from './helpers.js';

const g = (id: string, groupId: string, dedupId = id) => msg(id, { groupId, dedupId });

export function fifoTests(s: GetStorage): void {
  describe('fifo: order and group locking', () => {
    it('assigns 20-digit, increasing sequence numbers', async () => {
      const q = await createQueue(s(), 'q.fifo');
      const sent = await send(s(), q, [g('a', 'G'), g('b', 'G'), g('c', 'H')], T0);
      const seqs = sent.map((r) => r.sequenceNumber!);
      for (const seq of seqs) expect(seq).toMatch(/^\d{20}$/);
      expect(BigInt(seqs[0]!) < BigInt(seqs[1]!) && BigInt(seqs[1]!) < BigInt(seqs[2]!)).toBe(true);
      const { messages } = await receive(s(), q, { now: T0 });
      expect(messages.map((m) => m.sequenceNumber)).toEqual(seqs);
      expect(messages.map((m) => [m.groupId, m.dedupId])).toEqual([
        ['G', 'a'],
        ['G', 'b'],
        ['H', 'c'],
      ]);
    });

    it('returns as many messages of one group as possible, in order, then other groups', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(
        s(),
        q,
        [g('a1', 'A'), g('b1', 'B'), g('a2', 'A'), g('b2', 'B'), g('a3', 'A')],
        T0,
      );
      const { messages } = await receive(s(), q, { now: T0, max: 10 });
      expect(ids(messages)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    });

    it('locks a group while any of its messages is in flight', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(s(), q, [g('a1', 'A'), g('a2', 'A'), g('a3', 'A'), g('b1', 'B')], T0);
      const r1 = await receive(s(), q, { now: T0, max: 2, visibility: 30 });
      expect(ids(r1.messages)).toEqual(['a1', 'a2']);
      // A is locked: a3 waits although it is visible; B is free.
      const r2 = await receive(s(), q, { now: T0 + 1, max: 10 });
      expect(ids(r2.messages)).toEqual(['b1']);
      const r3 = await receive(s(), q, { now: T0 + 2, max: 10 });
      expect(r3.messages).toEqual([]);
      expect(r3.nextDueAt).toBe(T0 + 30_000);
      // Deleting one in-flight message keeps the lock; deleting both releases it.
      await s().messagesDelete({ queueId: q.id, refs: [refOf(r1.messages[0]!)], now: T0 + 3 });
      expect((await receive(s(), q, { now: T0 + 4 })).messages).toEqual([]);
      await s().messagesDelete({ queueId: q.id, refs: [refOf(r1.messages[1]!)], now: T0 + 5 });
      expect(ids((await receive(s(), q, { now: T0 + 6 })).messages)).toEqual(['a3']);
    });

    it('redelivers from the head of the group when the lock expires', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(s(), q, [g('a1', 'A'), g('a2', 'A'), g('a3', 'A')], T0);
      expect(ids((await receive(s(), q, { now: T0, max: 2, visibility: 10 })).messages)).toEqual([
        'a1',
        'a2',
      ]);
      expect((await receive(s(), q, { now: T0 + 9_999 })).messages).toEqual([]);
      const again = await receive(s(), q, { now: T0 + 10_000, max: 10 });
      expect(ids(again.messages)).toEqual(['a1', 'a2', 'a3']);
      expect(again.messages.map((m) => m.receiveCount)).toEqual([2, 2, 1]);
    });

    it('unlocks a group when the in-flight message is made visible again', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(s(), q, [g('a1', 'A'), g('a2', 'A')], T0);
      const [m] = (await receive(s(), q, { now: T0, max: 1 })).messages;
      expect((await receive(s(), q, { now: T0 + 1 })).messages).toEqual([]);
      expect(
        await s().messagesChangeVisibility({
          queueId: q.id,
          changes: [{ ref: refOf(m!), visibilityTimeoutSeconds: 0 }],
          now: T0 + 2,
        }),
      ).toEqual(['ok']);
      expect(ids((await receive(s(), q, { now: T0 + 3 })).messages)).toEqual(['a1', 'a2']);
    });

    it('extends the lock when the visibility timeout is extended', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(s(), q, [g('a1', 'A'), g('a2', 'A')], T0);
      const [m] = (await receive(s(), q, { now: T0, max: 1, visibility: 10 })).messages;
      await s().messagesChangeVisibility({
        queueId: q.id,
        changes: [{ ref: refOf(m!), visibilityTimeoutSeconds: 60 }],
        now: T0 + 5000,
      });
      const r = await receive(s(), q, { now: T0 + 10_000 });
      expect(r.messages).toEqual([]);
      expect(r.nextDueAt).toBe(T0 + 65_000);
    });

    it('holds a group behind a delayed head', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(s(), q, [msg('a1', { groupId: 'A', dedupId: 'a1', delaySeconds: 30 })], T0);
      await send(s(), q, [g('b1', 'B')], T0);
      const r = await receive(s(), q, { now: T0 + 1000 });
      expect(ids(r.messages)).toEqual(['b1']);
      expect(r.nextDueAt).toBe(T0 + 30_000);
      expect(await s().queuesCount({ id: q.id, now: T0 + 1000 })).toEqual({
        visible: 0,
        inFlight: 1,
        delayed: 1,
      });
      expect(ids((await receive(s(), q, { now: T0 + 30_000 })).messages)).toEqual(['a1']);
    });

    it('skips messages past retention without blocking the group', async () => {
      const q = await createQueue(s(), 'q.fifo', {
        attributes: { FifoQueue: 'true', MessageRetentionPeriod: '60' },
      });
      await send(s(), q, [g('old', 'A')], T0);
      await send(s(), q, [g('new', 'A')], T0 + 30_000);
      expect(ids((await receive(s(), q, { now: T0 + 60_001, retention: 60 })).messages)).toEqual([
        'new',
      ]);
    });

    it('purges the queue and accepts new messages of the same groups', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(s(), q, [g('a1', 'A'), g('a2', 'A')], T0);
      await receive(s(), q, { now: T0, max: 1 });
      expect(await s().messagesPurge({ queueId: q.id, now: T0 + 1 })).toBe(2);
      await send(s(), q, [g('a3', 'A')], T0 + 2);
      expect(ids((await receive(s(), q, { now: T0 + 3 })).messages)).toEqual(['a3']);
    });
  });

  describe('fifo: deduplication', () => {
    it('swallows a repeated deduplication id within 5 minutes (queue scope)', async () => {
      const q = await createQueue(s(), 'q.fifo');
      const [first] = await send(s(), q, [msg('m1', { groupId: 'A', dedupId: 'd' })], T0);
      const [dup] = await send(
        s(),
        q,
        [msg('m2', { groupId: 'B', dedupId: 'd' })],
        T0 + FIFO_WINDOW_MS - 1,
        'queue',
      );
      expect(first?.duplicate).toBe(false);
      expect(dup).toEqual({
        messageId: 'm1',
        sequenceNumber: first?.sequenceNumber,
        duplicate: true,
      });
      expect(ids((await receive(s(), q, { now: T0 + FIFO_WINDOW_MS })).messages)).toEqual(['m1']);
      // After the window the id is accepted again.
      const [later] = await send(
        s(),
        q,
        [msg('m3', { groupId: 'A', dedupId: 'd' })],
        T0 + FIFO_WINDOW_MS,
      );
      expect(later).toMatchObject({ messageId: 'm3', duplicate: false });
    });

    it('deduplicates within one batch and after the original was deleted', async () => {
      const q = await createQueue(s(), 'q.fifo');
      const results = await send(
        s(),
        q,
        [msg('m1', { groupId: 'A', dedupId: 'd' }), msg('m2', { groupId: 'A', dedupId: 'd' })],
        T0,
      );
      expect(results.map((r) => [r.messageId, r.duplicate])).toEqual([
        ['m1', false],
        ['m1', true],
      ]);
      const { messages } = await receive(s(), q, { now: T0 });
      await s().messagesDelete({ queueId: q.id, refs: messages.map(refOf), now: T0 });
      const [again] = await send(s(), q, [msg('m3', { groupId: 'A', dedupId: 'd' })], T0 + 1000);
      expect(again).toMatchObject({ messageId: 'm1', duplicate: true });
      expect((await receive(s(), q, { now: T0 + 1000 })).messages).toEqual([]);
    });

    it('scopes deduplication per message group when asked', async () => {
      const q = await createQueue(s(), 'q.fifo');
      const sendScoped = (id: string, group: string, now: number) =>
        send(s(), q, [msg(id, { groupId: group, dedupId: 'd' })], now, 'messageGroup').then(
          (r) => r[0]!,
        );
      expect((await sendScoped('m1', 'A', T0)).duplicate).toBe(false);
      expect((await sendScoped('m2', 'B', T0)).duplicate).toBe(false);
      expect(await sendScoped('m3', 'A', T0 + 1000)).toMatchObject({
        messageId: 'm1',
        duplicate: true,
      });
      expect((await sendScoped('m4', 'A', T0 + FIFO_WINDOW_MS)).duplicate).toBe(false);
    });
  });

  describe('fifo: receive request attempt id', () => {
    it('returns the same messages and receipts to a retried attempt', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(s(), q, [g('a1', 'A'), g('a2', 'A'), g('b1', 'B')], T0);
      const first = await receive(s(), q, { now: T0, max: 2, attemptId: 'att-1' });
      expect(ids(first.messages)).toEqual(['a1', 'a2']);
      const retry = await receive(s(), q, { now: T0 + 1000, max: 2, attemptId: 'att-1' });
      expect(ids(retry.messages)).toEqual(['a1', 'a2']);
      expect(retry.messages.map((m) => m.receiptNonce)).toEqual(
        first.messages.map((m) => m.receiptNonce),
      );
      expect(retry.messages.map((m) => m.receiveCount)).toEqual([1, 1]);
      // Another attempt id is a new receive.
      expect(ids((await receive(s(), q, { now: T0 + 1000, attemptId: 'att-2' })).messages)).toEqual(
        ['b1'],
      );
    });

    it('restarts the visibility timeout of a retried attempt', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(s(), q, [g('a1', 'A')], T0);
      await receive(s(), q, { now: T0, visibility: 30, attemptId: 'att' });
      await receive(s(), q, { now: T0 + 20_000, visibility: 30, attemptId: 'att' });
      const r = await receive(s(), q, { now: T0 + 30_000 });
      expect(r.messages).toEqual([]);
      expect(r.nextDueAt).toBe(T0 + 50_000);
    });

    it('treats a retry as a new receive once the messages are no longer in flight under it', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(s(), q, [g('a1', 'A'), g('a2', 'A')], T0);
      const first = await receive(s(), q, { now: T0, max: 1, attemptId: 'att' });
      await s().messagesDelete({ queueId: q.id, refs: first.messages.map(refOf), now: T0 + 1 });
      const retry = await receive(s(), q, { now: T0 + 2, max: 1, attemptId: 'att' });
      expect(ids(retry.messages)).toEqual(['a2']);
      // The new result replaces the remembered one.
      const again = await receive(s(), q, { now: T0 + 3, max: 1, attemptId: 'att' });
      expect(again.messages.map((m) => m.receiptNonce)).toEqual(
        retry.messages.map((m) => m.receiptNonce),
      );
    });

    it('forgets an attempt after 5 minutes', async () => {
      const q = await createQueue(s(), 'q.fifo');
      await send(s(), q, [g('a1', 'A')], T0);
      const first = await receive(s(), q, { now: T0, visibility: 600, attemptId: 'att' });
      const late = await receive(s(), q, {
        now: T0 + FIFO_WINDOW_MS,
        visibility: 600,
        attemptId: 'att',
      });
      expect(first.messages).toHaveLength(1);
      expect(late.messages).toEqual([]); // a new receive: the group is still locked
    });
  });
}
