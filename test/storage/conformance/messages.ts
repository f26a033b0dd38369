/**
 * Conformance: standard-queue messages — send, receive, visibility, delete, delays, counts,
 * retention, purge, nextDueAt and wake-up events.
 */
import { describe, expect, it } from 'vitest';
import {
  DAY_S,
  T0,
  body,
  createQueue,
  ids,
  msg,
  nextEvent,
  receive,
  refOf,
  send,
  type GetStorage,
} from './helpers.js';

export function messageTests(s: GetStorage): void {
  describe('messages: send and receive', () => {
    it('stores what was sent and returns it with receive metadata', async () => {
      const q = await createQueue(s(), 'q');
      const sent = await send(s(), q, [msg('m1', { senderId: 'AKID1' })], T0);
      expect(sent).toEqual([{ messageId: 'm1', duplicate: false }]);
      const r = await receive(s(), q, { now: T0 + 10 });
      expect(r.messages).toHaveLength(1);
      const m = r.messages[0]!;
      expect(body(m)).toBe('m1');
      expect(m.payload).toBeInstanceOf(Uint8Array);
      expect(m).toMatchObject({
        messageId: 'm1',
        sentAt: T0,
        receiveCount: 1,
        firstReceivedAt: T0 + 10,
        groupId: null,
        dedupId: null,
        sequenceNumber: null,
        senderId: 'AKID1',
        deadLetterSourceArn: null,
      });
      expect(typeof m.rowId).toBe('number');
      expect(m.receiptNonce.length).toBeGreaterThanOrEqual(8);
      expect(r.movedToDeadLetter).toBe(0);
    });

    it('keeps binary payloads byte for byte', async () => {
      const q = await createQueue(s(), 'q');
      const payload = new Uint8Array(256).map((_, i) => i);
      await send(s(), q, [{ ...msg('bin'), payload }], T0);
      const [m] = (await receive(s(), q, { now: T0 })).messages;
      expect(Array.from(m!.payload)).toEqual(Array.from(payload));
    });

    it('returns at most max messages, oldest first, and each message once while in flight', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a'), msg('b'), msg('c')], T0);
      await send(s(), q, [msg('d')], T0 + 1);
      const r1 = await receive(s(), q, { now: T0 + 100, max: 2 });
      expect(ids(r1.messages)).toEqual(['a', 'b']);
      const r2 = await receive(s(), q, { now: T0 + 100, max: 10 });
      expect(ids(r2.messages)).toEqual(['c', 'd']);
      expect((await receive(s(), q, { now: T0 + 100 })).messages).toEqual([]);
    });

    it('makes a message visible again when its visibility timeout ends', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a')], T0);
      const [first] = (await receive(s(), q, { now: T0, visibility: 30 })).messages;
      expect((await receive(s(), q, { now: T0 + 29_999 })).messages).toEqual([]);
      const [again] = (await receive(s(), q, { now: T0 + 30_000 })).messages;
      expect(again?.messageId).toBe('a');
      expect(again?.receiveCount).toBe(2);
      expect(again?.firstReceivedAt).toBe(T0);
      expect(again?.receiptNonce).not.toBe(first?.receiptNonce);
    });

    it('treats a zero visibility timeout as visible again at once', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a')], T0);
      expect(ids((await receive(s(), q, { now: T0, visibility: 0 })).messages)).toEqual(['a']);
      const again = await receive(s(), q, { now: T0, visibility: 0 });
      expect(ids(again.messages)).toEqual(['a']);
      expect(again.messages[0]?.receiveCount).toBe(2);
    });

    it('holds delayed messages back until their delay ends', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('late', { delaySeconds: 60 }), msg('now')], T0);
      const r = await receive(s(), q, { now: T0 + 1000, visibility: 120 });
      expect(ids(r.messages)).toEqual(['now']);
      expect(r.nextDueAt).toBe(T0 + 60_000);
      expect((await receive(s(), q, { now: T0 + 59_999 })).messages).toEqual([]);
      expect(ids((await receive(s(), q, { now: T0 + 60_000 })).messages)).toEqual(['late']);
    });
  });

  describe('messages: delete and change visibility', () => {
    it('deletes with a current receipt', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a'), msg('b')], T0);
      const { messages } = await receive(s(), q, { now: T0, visibility: 0 });
      expect(
        await s().messagesDelete({ queueId: q.id, refs: messages.map(refOf), now: T0 }),
      ).toEqual(['ok', 'ok']);
      expect((await receive(s(), q, { now: T0 + 1000 })).messages).toEqual([]);
    });

    it('reports stale receipts (message received again) and leaves the message', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a')], T0);
      const [old] = (await receive(s(), q, { now: T0, visibility: 10 })).messages;
      const [fresh] = (await receive(s(), q, { now: T0 + 10_000, visibility: 10 })).messages;
      expect(
        await s().messagesDelete({ queueId: q.id, refs: [refOf(old!)], now: T0 + 10_001 }),
      ).toEqual(['stale']);
      expect(
        await s().messagesChangeVisibility({
          queueId: q.id,
          changes: [{ ref: refOf(old!), visibilityTimeoutSeconds: 0 }],
          now: T0 + 10_001,
        }),
      ).toEqual(['stale']);
      expect(await s().queuesCount({ id: q.id, now: T0 + 10_001 })).toEqual({
        visible: 0,
        inFlight: 1,
        delayed: 0,
      });
      expect(
        await s().messagesDelete({ queueId: q.id, refs: [refOf(fresh!)], now: T0 + 10_002 }),
      ).toEqual(['ok']);
    });

    it('reports not-found for deleted, unknown or other-queue receipts', async () => {
      const q = await createQueue(s(), 'q');
      const other = await createQueue(s(), 'other');
      await send(s(), q, [msg('a')], T0);
      const [m] = (await receive(s(), q, { now: T0 })).messages;
      expect(await s().messagesDelete({ queueId: other.id, refs: [refOf(m!)], now: T0 })).toEqual([
        'not-found',
      ]);
      expect(await s().messagesDelete({ queueId: q.id, refs: [refOf(m!)], now: T0 })).toEqual([
        'ok',
      ]);
      expect(
        await s().messagesDelete({
          queueId: q.id,
          refs: [refOf(m!), { rowId: 987654321, nonce: 'xxxxxxxx' }],
          now: T0,
        }),
      ).toEqual(['not-found', 'not-found']);
      expect(
        await s().messagesChangeVisibility({
          queueId: q.id,
          changes: [{ ref: refOf(m!), visibilityTimeoutSeconds: 5 }],
          now: T0,
        }),
      ).toEqual(['not-found']);
    });

    it('still deletes with the last receipt after the visibility timeout ran out', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a')], T0);
      const [m] = (await receive(s(), q, { now: T0, visibility: 1 })).messages;
      expect(
        await s().messagesDelete({ queueId: q.id, refs: [refOf(m!)], now: T0 + 5000 }),
      ).toEqual(['ok']);
    });

    it('changes the visibility of an in-flight message, counted from now', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a')], T0);
      const [m] = (await receive(s(), q, { now: T0, visibility: 30 })).messages;
      const change = (t: number, now: number) =>
        s().messagesChangeVisibility({
          queueId: q.id,
          changes: [{ ref: refOf(m!), visibilityTimeoutSeconds: t }],
          now,
        });
      expect(await change(100, T0 + 20_000)).toEqual(['ok']);
      expect((await receive(s(), q, { now: T0 + 119_999 })).messages).toEqual([]);
      expect((await receive(s(), q, { now: T0 + 119_999 })).nextDueAt).toBe(T0 + 120_000);
      expect(await change(0, T0 + 30_000)).toEqual(['ok']);
      expect(ids((await receive(s(), q, { now: T0 + 30_000 })).messages)).toEqual(['a']);
    });

    it('refuses a change beyond the total-visibility limit counted from the receive', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a')], T0);
      const [m] = (await receive(s(), q, { now: T0, visibility: 30 })).messages;
      const change = (t: number, now: number) =>
        s().messagesChangeVisibility({
          queueId: q.id,
          changes: [{ ref: refOf(m!), visibilityTimeoutSeconds: t }],
          maxTotalSeconds: 43_200,
          now,
        });
      expect(await change(43_200, T0 + 10_000)).toEqual(['beyond-limit']);
      expect(await change(43_190, T0 + 10_000)).toEqual(['ok']);
      expect(await change(43_200, T0)).toEqual(['ok']);
      // without the limit the storage applies any timeout
      expect(
        await s().messagesChangeVisibility({
          queueId: q.id,
          changes: [{ ref: refOf(m!), visibilityTimeoutSeconds: 43_200 }],
          now: T0 + 10_000,
        }),
      ).toEqual(['ok']);
    });

    it('reports not-in-flight for a message that is not in flight', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a')], T0);
      const [m] = (await receive(s(), q, { now: T0, visibility: 10 })).messages;
      const change = { ref: refOf(m!), visibilityTimeoutSeconds: 30 };
      expect(
        await s().messagesChangeVisibility({ queueId: q.id, changes: [change], now: T0 + 10_000 }),
      ).toEqual(['not-in-flight']);
    });
  });

  describe('messages: counts, retention, purge, nextDueAt', () => {
    it('counts visible, in-flight and delayed messages', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a'), msg('b'), msg('c'), msg('d', { delaySeconds: 30 })], T0);
      expect(await s().queuesCount({ id: q.id, now: T0 })).toEqual({
        visible: 3,
        inFlight: 0,
        delayed: 1,
      });
      const { messages } = await receive(s(), q, { now: T0, max: 2, visibility: 60 });
      expect(await s().queuesCount({ id: q.id, now: T0 })).toEqual({
        visible: 1,
        inFlight: 2,
        delayed: 1,
      });
      expect(await s().queuesCount({ id: q.id, now: T0 + 30_000 })).toEqual({
        visible: 2,
        inFlight: 2,
        delayed: 0,
      });
      await s().messagesDelete({ queueId: q.id, refs: [refOf(messages[0]!)], now: T0 + 30_000 });
      expect(await s().queuesCount({ id: q.id, now: T0 + 60_000 })).toEqual({
        visible: 3,
        inFlight: 0,
        delayed: 0,
      });
      expect(await s().queuesCount({ id: q.id + 1000, now: T0 })).toEqual({
        visible: 0,
        inFlight: 0,
        delayed: 0,
      });
    });

    it('never returns or counts messages past retention, and the sweep deletes them', async () => {
      const q = await createQueue(s(), 'q', { attributes: { MessageRetentionPeriod: '60' } });
      const long = await createQueue(s(), 'long');
      await send(s(), q, [msg('old1'), msg('old2'), msg('old3')], T0);
      await send(s(), q, [msg('new')], T0 + 30_000);
      await send(s(), long, [msg('kept')], T0);
      const at = T0 + 60_001;
      expect(
        ids((await receive(s(), q, { now: at, retention: 60, visibility: 0 })).messages),
      ).toEqual(['new']);
      expect(await s().queuesCount({ id: q.id, now: at })).toEqual({
        visible: 1,
        inFlight: 0,
        delayed: 0,
      });
      expect(await s().messagesExpire({ limit: 2, now: at })).toBe(2);
      expect(await s().messagesExpire({ limit: 10, now: at })).toBe(1);
      expect(await s().messagesExpire({ limit: 10, now: at })).toBe(0);
      // The default retention (4 days) applies to queues without the attribute.
      expect(await s().queuesCount({ id: long.id, now: at })).toEqual({
        visible: 1,
        inFlight: 0,
        delayed: 0,
      });
      expect(await s().messagesExpire({ limit: 10, now: T0 + 4 * DAY_S * 1000 + 1 })).toBe(2);
    });

    it('purges messages sent up to now, keeping later ones', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a'), msg('b')], T0);
      await receive(s(), q, { now: T0, max: 1 });
      await send(s(), q, [msg('later')], T0 + 2000);
      expect(await s().messagesPurge({ queueId: q.id, now: T0 + 1000 })).toBe(2);
      expect(ids((await receive(s(), q, { now: T0 + 3000 })).messages)).toEqual(['later']);
    });

    it('reports the next due time: delay end or visibility expiry, else null', async () => {
      const q = await createQueue(s(), 'q');
      expect((await receive(s(), q, { now: T0 })).nextDueAt).toBeNull();
      await send(s(), q, [msg('a'), msg('b', { delaySeconds: 90 })], T0);
      const r = await receive(s(), q, { now: T0, visibility: 40 });
      expect(ids(r.messages)).toEqual(['a']);
      expect(r.nextDueAt).toBe(T0 + 40_000);
      await s().messagesDelete({ queueId: q.id, refs: [refOf(r.messages[0]!)], now: T0 });
      expect((await receive(s(), q, { now: T0 + 1 })).nextDueAt).toBe(T0 + 90_000);
    });
  });

  describe('messages: wake-up events', () => {
    it('emits a queue event after a send commits', async () => {
      const q = await createQueue(s(), 'q');
      const event = nextEvent(s(), (e) => e.kind === 'queue' && e.queueId === q.id);
      await send(s(), q, [msg('a')], T0);
      await expect(event).resolves.toEqual({ kind: 'queue', queueId: q.id });
    });

    it('emits a queue event when a visibility change makes a message visible', async () => {
      const q = await createQueue(s(), 'q');
      await send(s(), q, [msg('a')], T0);
      const [m] = (await receive(s(), q, { now: T0 })).messages;
      const event = nextEvent(s(), (e) => e.kind === 'queue' && e.queueId === q.id);
      await s().messagesChangeVisibility({
        queueId: q.id,
        changes: [{ ref: refOf(m!), visibilityTimeoutSeconds: 0 }],
        now: T0 + 1,
      });
      await expect(event).resolves.toEqual({ kind: 'queue', queueId: q.id });
    });

    it('stops delivering events to an unsubscribed listener', async () => {
      const q = await createQueue(s(), 'q');
      const seen: unknown[] = [];
      const unsubscribe = s().eventsSubscribe((e) => seen.push(e));
      unsubscribe();
      const event = nextEvent(s(), (e) => e.kind === 'queue');
      await send(s(), q, [msg('a')], T0);
      await event;
      expect(seen).toEqual([]);
    });
  });
}
