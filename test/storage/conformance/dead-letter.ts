/**
 * Conformance: dead-letter queues — moves at maxReceiveCount during a receive (standard and
 * FIFO targets) and messagesMove, the redrive step of a message move task.
 */
import { describe, expect, it } from 'vitest';
import type { QueueRecord, RedriveTarget } from '../../../src/core/ports/storage.js';
import {
  T0,
  arnOf,
  body,
  createQueue,
  ids,
  msg,
  nextEvent,
  receive,
  send,
  type GetStorage,
} from './helpers.js';

function redriveTo(dlq: QueueRecord, source: QueueRecord, maxReceiveCount: number): RedriveTarget {
  return {
    deadLetterQueueId: dlq.id,
    deadLetterQueueFifo: dlq.fifo,
    maxReceiveCount,
    sourceArn: arnOf(source),
  };
}

export function deadLetterTests(s: GetStorage): void {
  describe('dead-letter moves during receive', () => {
    it('moves a message received maxReceiveCount times instead of returning it', async () => {
      const src = await createQueue(s(), 'src');
      const dlq = await createQueue(s(), 'dlq');
      const redrive = redriveTo(dlq, src, 2);
      await send(s(), src, [msg('m', { senderId: 'AKIDX' })], T0);
      expect((await receive(s(), src, { now: T0, visibility: 10, redrive })).messages).toHaveLength(
        1,
      );
      expect(
        (await receive(s(), src, { now: T0 + 10_000, visibility: 10, redrive })).messages,
      ).toHaveLength(1);
      const third = await receive(s(), src, { now: T0 + 20_000, visibility: 10, redrive });
      expect(third.messages).toEqual([]);
      expect(third.movedToDeadLetter).toBe(1);
      expect(await s().queuesCount({ id: src.id, now: T0 + 20_000 })).toEqual({
        visible: 0,
        inFlight: 0,
        delayed: 0,
      });

      const [moved] = (await receive(s(), dlq, { now: T0 + 20_000 })).messages;
      expect(moved).toMatchObject({
        messageId: 'm',
        sentAt: T0,
        receiveCount: 3,
        firstReceivedAt: T0,
        senderId: 'AKIDX',
        deadLetterSourceArn: arnOf(src),
        sequenceNumber: null,
      });
      expect(body(moved!)).toBe('m');
    });

    it('keeps the original enqueue time in a standard dead-letter queue (retention)', async () => {
      const src = await createQueue(s(), 'src');
      const dlq = await createQueue(s(), 'dlq');
      await send(s(), src, [msg('m')], T0);
      await receive(s(), src, { now: T0, visibility: 0 });
      await receive(s(), src, { now: T0 + 50_000, redrive: redriveTo(dlq, src, 1) });
      expect((await receive(s(), dlq, { now: T0 + 60_001, retention: 60 })).messages).toEqual([]);
      expect(ids((await receive(s(), dlq, { now: T0 + 60_001, retention: 120 })).messages)).toEqual(
        ['m'],
      );
    });

    it('keeps filling the batch from further messages', async () => {
      const src = await createQueue(s(), 'src');
      const dlq = await createQueue(s(), 'dlq');
      await send(s(), src, [msg('d1'), msg('d2'), msg('d3')], T0);
      await receive(s(), src, { now: T0, visibility: 0 });
      await send(s(), src, [msg('fresh')], T0 + 1000);
      const r = await receive(s(), src, {
        now: T0 + 1000,
        max: 1,
        redrive: redriveTo(dlq, src, 1),
      });
      expect(ids(r.messages)).toEqual(['fresh']);
      expect(r.movedToDeadLetter).toBe(3);
      expect(await s().queuesCount({ id: dlq.id, now: T0 + 1000 })).toEqual({
        visible: 3,
        inFlight: 0,
        delayed: 0,
      });
    });

    it('moves FIFO messages with their group, a new sequence number and a fresh enqueue time', async () => {
      const src = await createQueue(s(), 'src.fifo');
      const dlq = await createQueue(s(), 'dlq.fifo');
      const redrive = redriveTo(dlq, src, 1);
      const [sent] = await send(s(), src, [msg('a1', { groupId: 'A', dedupId: 'd-a1' })], T0);
      await receive(s(), src, { now: T0, visibility: 10, redrive });
      await send(s(), src, [msg('a2', { groupId: 'A', dedupId: 'd-a2' })], T0 + 5000);
      const r = await receive(s(), src, { now: T0 + 10_000, redrive });
      expect(ids(r.messages)).toEqual(['a2']);
      expect(r.movedToDeadLetter).toBe(1);
      // Retention restarts at the move (T0 + 10 s) in a FIFO dead-letter queue.
      const [moved] = (await receive(s(), dlq, { now: T0 + 69_000, retention: 60 })).messages;
      expect(moved).toMatchObject({
        messageId: 'a1',
        groupId: 'A',
        dedupId: 'd-a1',
        sentAt: T0,
        deadLetterSourceArn: arnOf(src),
      });
      expect(moved?.sequenceNumber).toMatch(/^\d{20}$/);
      expect(BigInt(moved!.sequenceNumber!) > BigInt(sent!.sequenceNumber!)).toBe(true);
    });

    it('wakes the dead-letter queue', async () => {
      const src = await createQueue(s(), 'src');
      const dlq = await createQueue(s(), 'dlq');
      await send(s(), src, [msg('m')], T0);
      await receive(s(), src, { now: T0, visibility: 0 });
      const event = nextEvent(s(), (e) => e.kind === 'queue' && e.queueId === dlq.id);
      await receive(s(), src, { now: T0 + 1, redrive: redriveTo(dlq, src, 1) });
      await expect(event).resolves.toEqual({ kind: 'queue', queueId: dlq.id });
    });
  });

  describe('messagesMove (redrive)', () => {
    it('moves messages back to their source queue with a fresh receive count', async () => {
      const src = await createQueue(s(), 'src');
      const dlq = await createQueue(s(), 'dlq');
      await send(s(), src, [msg('m')], T0);
      await receive(s(), src, { now: T0, visibility: 0 });
      await receive(s(), src, { now: T0 + 1, redrive: redriveTo(dlq, src, 1) });
      expect(
        await s().messagesMove({ sourceQueueId: dlq.id, limit: 10, now: T0 + 100_000 }),
      ).toEqual({ moved: 1 });
      expect(await s().queuesCount({ id: dlq.id, now: T0 + 100_000 })).toEqual({
        visible: 0,
        inFlight: 0,
        delayed: 0,
      });
      // Retention restarts at the move.
      const [back] = (await receive(s(), src, { now: T0 + 130_000, retention: 60 })).messages;
      expect(back).toMatchObject({
        messageId: 'm',
        sentAt: T0,
        receiveCount: 1,
        deadLetterSourceArn: null,
      });
      expect(body(back!)).toBe('m');
    });

    it('moves to a fixed destination, oldest first, up to the limit, skipping in-flight messages', async () => {
      const dlq = await createQueue(s(), 'dlq');
      const dst = await createQueue(s(), 'dst');
      await send(s(), dlq, [msg('x1')], T0);
      await send(s(), dlq, [msg('x2')], T0 + 1);
      await send(s(), dlq, [msg('x3')], T0 + 2);
      await send(s(), dlq, [msg('x4')], T0 + 3);
      // x1 goes in flight and must stay put.
      expect(
        ids((await receive(s(), dlq, { now: T0 + 10, max: 1, visibility: 60 })).messages),
      ).toEqual(['x1']);
      expect(
        await s().messagesMove({
          sourceQueueId: dlq.id,
          destinationQueueId: dst.id,
          limit: 2,
          now: T0 + 20,
        }),
      ).toEqual({ moved: 2 });
      expect(ids((await receive(s(), dst, { now: T0 + 30 })).messages)).toEqual(['x2', 'x3']);
      expect(
        await s().messagesMove({
          sourceQueueId: dlq.id,
          destinationQueueId: dst.id,
          limit: 10,
          now: T0 + 40,
        }),
      ).toEqual({ moved: 1 });
      expect(await s().queuesCount({ id: dlq.id, now: T0 + 40 })).toEqual({
        visible: 0,
        inFlight: 1,
        delayed: 0,
      });
    });

    it('stops at a message whose source queue no longer exists', async () => {
      const src = await createQueue(s(), 'src');
      const dlq = await createQueue(s(), 'dlq');
      await send(s(), dlq, [msg('ok', { deadLetterSourceArn: arnOf(src) })], T0);
      await send(
        s(),
        dlq,
        [msg('orphan', { deadLetterSourceArn: arnOf(src).replace(/src$/, 'missing') })],
        T0 + 1,
      );
      await send(s(), dlq, [msg('after', { deadLetterSourceArn: arnOf(src) })], T0 + 2);
      const result = await s().messagesMove({ sourceQueueId: dlq.id, limit: 10, now: T0 + 10 });
      expect(result.moved).toBe(1);
      expect(result.unmovable?.reason).toEqual(expect.any(String));
      expect(await s().queuesCount({ id: dlq.id, now: T0 + 10 })).toEqual({
        visible: 2,
        inFlight: 0,
        delayed: 0,
      });
      expect(ids((await receive(s(), src, { now: T0 + 10 })).messages)).toEqual(['ok']);
    });

    it('moves FIFO messages keeping group order', async () => {
      const dlq = await createQueue(s(), 'dlq.fifo');
      const dst = await createQueue(s(), 'dst.fifo');
      await send(
        s(),
        dlq,
        [msg('a1', { groupId: 'A', dedupId: 'a1' }), msg('a2', { groupId: 'A', dedupId: 'a2' })],
        T0,
      );
      expect(
        await s().messagesMove({
          sourceQueueId: dlq.id,
          destinationQueueId: dst.id,
          limit: 10,
          now: T0 + 1,
        }),
      ).toEqual({ moved: 2 });
      const { messages } = await receive(s(), dst, { now: T0 + 2 });
      expect(ids(messages)).toEqual(['a1', 'a2']);
      expect(messages.every((m) => /^\d{20}$/.test(m.sequenceNumber ?? ''))).toBe(true);
    });
  });
}
