/** Conformance: queue records — create, look-up, list, update, delete, recently deleted, redrive sources. */
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  REGION,
  T0,
  arnOf,
  createQueue,
  receive,
  send,
  msg,
  type GetStorage,
} from './helpers.js';

export function queueTests(s: GetStorage): void {
  describe('queues', () => {
    it('creates a queue and returns the stored record', async () => {
      const { queue, created } = await s().queuesCreate({
        account: ACCOUNT,
        region: REGION,
        name: 'orders',
        fifo: false,
        attributes: { VisibilityTimeout: '45' },
        tags: { team: 'a' },
        keySalt: 'c2FsdA==',
        now: T0,
      });
      expect(created).toBe(true);
      expect(queue).toEqual({
        id: expect.any(Number),
        account: ACCOUNT,
        region: REGION,
        name: 'orders',
        fifo: false,
        attributes: { VisibilityTimeout: '45' },
        tags: { team: 'a' },
        keySalt: 'c2FsdA==',
        createdAt: T0,
        lastModifiedAt: T0,
        lastPurgeAt: null,
      });
    });

    it('returns the existing queue with created: false, whatever the new attributes', async () => {
      const first = await createQueue(s(), 'orders', { attributes: { VisibilityTimeout: '45' } });
      const again = await s().queuesCreate({
        account: ACCOUNT,
        region: REGION,
        name: 'orders',
        fifo: false,
        attributes: { VisibilityTimeout: '99' },
        tags: {},
        keySalt: 'other',
        now: T0 + 1000,
      });
      expect(again.created).toBe(false);
      expect(again.queue).toEqual(first);
    });

    it('scopes names by account and region', async () => {
      const a = await createQueue(s(), 'q');
      const b = await createQueue(s(), 'q', { account: '999999999999' });
      const c = await createQueue(s(), 'q', { region: 'eu-west-1' });
      expect(new Set([a.id, b.id, c.id]).size).toBe(3);
      expect(
        (await s().queuesGet({ account: '999999999999', region: REGION, name: 'q' }))?.id,
      ).toBe(b.id);
    });

    it('gets by key and by id; unknown ones are undefined', async () => {
      const q = await createQueue(s(), 'jobs.fifo');
      expect(await s().queuesGet({ account: ACCOUNT, region: REGION, name: 'jobs.fifo' })).toEqual(
        q,
      );
      expect(await s().queuesGetById({ id: q.id })).toEqual(q);
      expect(q.fifo).toBe(true);
      expect(
        await s().queuesGet({ account: ACCOUNT, region: REGION, name: 'nope' }),
      ).toBeUndefined();
      expect(await s().queuesGetById({ id: q.id + 1000 })).toBeUndefined();
    });

    it('lists in name order with prefix, exclusive cursor and limit', async () => {
      for (const name of ['b-2', 'a-1', 'b-1', 'B-3', 'c_1', 'b_x']) await createQueue(s(), name);
      await createQueue(s(), 'b-9', { account: '999999999999' });
      const list = (p: { prefix?: string; after?: string; limit: number }) =>
        s()
          .queuesList({ account: ACCOUNT, region: REGION, ...p })
          .then((qs) => qs.map((q) => q.name));
      expect(await list({ limit: 100 })).toEqual(['B-3', 'a-1', 'b-1', 'b-2', 'b_x', 'c_1']);
      expect(await list({ prefix: 'b', limit: 100 })).toEqual(['b-1', 'b-2', 'b_x']);
      expect(await list({ prefix: 'b_', limit: 100 })).toEqual(['b_x']); // '_' is not a wildcard
      expect(await list({ prefix: 'b', limit: 2 })).toEqual(['b-1', 'b-2']);
      expect(await list({ prefix: 'b', after: 'b-2', limit: 2 })).toEqual(['b_x']);
      expect(await list({ after: 'b_x', limit: 100 })).toEqual(['c_1']);
      expect(await list({ prefix: 'zz', limit: 100 })).toEqual([]);
      // Paging through everything visits each queue once.
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await list({ limit: 4, ...(after !== undefined ? { after } : {}) });
        seen.push(...page);
        if (page.length < 4) break;
        after = page[page.length - 1];
      }
      expect(seen).toEqual(['B-3', 'a-1', 'b-1', 'b-2', 'b_x', 'c_1']);
    });

    it('updates attributes (bumping lastModifiedAt), tags and lastPurgeAt; replaces whole maps', async () => {
      const q = await createQueue(s(), 'q', { attributes: { A: '1', B: '2' }, tags: { t: '1' } });
      const u1 = await s().queuesUpdate({ id: q.id, attributes: { A: '3' }, now: T0 + 5000 });
      expect(u1?.attributes).toEqual({ A: '3' });
      expect(u1?.tags).toEqual({ t: '1' });
      expect(u1?.lastModifiedAt).toBe(T0 + 5000);
      const u2 = await s().queuesUpdate({ id: q.id, tags: { x: 'y' }, now: T0 + 6000 });
      expect(u2?.tags).toEqual({ x: 'y' });
      expect(u2?.attributes).toEqual({ A: '3' });
      const u3 = await s().queuesUpdate({ id: q.id, lastPurgeAt: T0 + 7000, now: T0 + 7000 });
      expect(u3?.lastPurgeAt).toBe(T0 + 7000);
      expect(await s().queuesGetById({ id: q.id })).toEqual(u3);
      expect(await s().queuesUpdate({ id: q.id + 1000, tags: {} })).toBeUndefined();
    });

    it('deletes the queue with its messages and remembers the name', async () => {
      const q = await createQueue(s(), 'gone');
      await send(s(), q, [msg('m1'), msg('m2')], T0);
      expect(await s().queuesDelete({ id: q.id, now: T0 + 10_000 })).toBe(true);
      expect(await s().queuesGetById({ id: q.id })).toBeUndefined();
      expect(await s().queuesCount({ id: q.id, now: T0 + 10_000 })).toEqual({
        visible: 0,
        inFlight: 0,
        delayed: 0,
      });
      expect((await receive(s(), q, { now: T0 + 10_000 })).messages).toEqual([]);
      expect(await s().queuesDelete({ id: q.id, now: T0 + 11_000 })).toBe(false);

      const key = { account: ACCOUNT, region: REGION, name: 'gone' };
      expect(await s().queuesDeletedAt({ ...key, withinMs: 60_000, now: T0 + 30_000 })).toBe(
        T0 + 10_000,
      );
      expect(await s().queuesDeletedAt({ ...key, withinMs: 60_000, now: T0 + 70_000 })).toBeNull();
      expect(
        await s().queuesDeletedAt({ ...key, name: 'never', withinMs: 60_000, now: T0 + 30_000 }),
      ).toBeNull();

      const again = await createQueue(s(), 'gone', { now: T0 + 80_000 });
      expect(again.id).not.toBe(q.id);
      expect(await s().queuesCount({ id: again.id, now: T0 + 80_000 })).toEqual({
        visible: 0,
        inFlight: 0,
        delayed: 0,
      });
    });

    it('lists the queues whose RedrivePolicy names a dead-letter queue', async () => {
      const dlq = await createQueue(s(), 'dlq');
      const arn = arnOf(dlq);
      const policy = (target: string) =>
        JSON.stringify({ deadLetterTargetArn: target, maxReceiveCount: 3 });
      for (const name of ['src-c', 'src-a', 'src-b'])
        await createQueue(s(), name, { attributes: { RedrivePolicy: policy(arn) } });
      await createQueue(s(), 'other', { attributes: { RedrivePolicy: policy(`${arn}-x`) } });
      await createQueue(s(), 'broken', { attributes: { RedrivePolicy: '{not json' } });
      await createQueue(s(), 'plain');
      const page = (after?: string) =>
        s()
          .queuesListDeadLetterSources({
            account: ACCOUNT,
            region: REGION,
            deadLetterArn: arn,
            limit: 2,
            ...(after ? { after } : {}),
          })
          .then((qs) => qs.map((q) => q.name));
      expect(await page()).toEqual(['src-a', 'src-b']);
      expect(await page('src-b')).toEqual(['src-c']);
    });

    it('answers healthCheck and reads its clock', async () => {
      await expect(s().healthCheck()).resolves.toBeUndefined();
      expect(Number.isInteger(s().clock())).toBe(true);
    });
  });
}
