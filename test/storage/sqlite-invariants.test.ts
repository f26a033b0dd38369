/**
 * Property tests of the SQLite engine's derived state under random workloads (fast-check):
 * queue counts (trigger-maintained totals minus scanned hidden/expired rows) equal a brute-force
 * count, every FIFO group row equals its recomputation from the messages, and FIFO receives
 * never return a message of a group that has another message in flight, nor out of order.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { QueueRecord, StoredMessage } from '../../src/core/ports/storage.js';
import {
  createSqliteStorage,
  type SqliteStorage,
} from '../../src/storage/sqlite/sqlite-storage.js';
import { T0, arnOf, createQueue, msg } from './conformance/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'switchyard-sqlite-props-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RETENTION_S = 120;

type Command =
  | { kind: 'send'; queue: number; count: number; delay: number; group: number }
  | { kind: 'receive'; queue: number; max: number; visibility: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'visibility'; pick: number; timeout: number }
  | { kind: 'purge'; queue: number }
  | { kind: 'expire'; limit: number }
  | { kind: 'move'; queue: number }
  | { kind: 'advance'; ms: number };

/** Mostly the two source queues (0 standard, 2 FIFO); their dead-letter queues (1, 3) now and then. */
const queueIndex = fc.constantFrom(0, 2, 0, 2, 0, 2, 1, 3);

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      queue: queueIndex,
      count: fc.integer({ min: 1, max: 5 }),
      delay: fc.constantFrom(0, 0, 5, 30),
      group: fc.nat(2),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      queue: queueIndex,
      max: fc.integer({ min: 1, max: 4 }),
      visibility: fc.constantFrom(0, 3, 10, 40),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('visibility' as const),
      pick: fc.nat(),
      timeout: fc.constantFrom(0, 2, 20),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge' as const), queue: queueIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('expire' as const), limit: fc.constantFrom(3, 50) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('move' as const), queue: fc.constantFrom(1, 3) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.constantFrom(1, 1000, 4000, 15_000, 60_000, 130_000),
    }),
  },
);

interface World {
  s: SqliteStorage;
  reader: Database.Database;
  queues: QueueRecord[];
  received: { queue: QueueRecord; m: StoredMessage }[];
  now: number;
  seq: number;
}

function bruteCounts(w: World, q: QueueRecord) {
  const cutoff = w.now - RETENTION_S * 1000;
  return w.reader
    .prepare(
      `SELECT coalesce(sum(visible_at <= @now AND enqueued_at >= @cutoff), 0) AS visible,
              coalesce(sum(visible_at > @now AND receive_count > 0 AND enqueued_at >= @cutoff), 0) AS inFlight,
              coalesce(sum(visible_at > @now AND receive_count = 0 AND enqueued_at >= @cutoff), 0) AS delayed
       FROM messages WHERE queue_id = @id`,
    )
    .get({ now: w.now, cutoff, id: q.id });
}

/** Recomputes every FIFO group row from the messages (head, and the lock of its received prefix). */
function expectedGroups(w: World, q: QueueRecord) {
  const rows = w.reader
    .prepare(
      'SELECT id, group_id, visible_at, receive_count FROM messages WHERE queue_id = ? ORDER BY group_id, id',
    )
    .all(q.id) as { id: number; group_id: string; visible_at: number; receive_count: number }[];
  const groups = new Map<string, { head_id: number; available_at: number; open: boolean }>();
  for (const r of rows) {
    let g = groups.get(r.group_id);
    if (!g) {
      g = { head_id: r.id, available_at: r.visible_at, open: r.receive_count > 0 };
      groups.set(r.group_id, g);
      continue;
    }
    if (g.open && r.receive_count > 0) g.available_at = Math.max(g.available_at, r.visible_at);
    else g.open = false;
  }
  return [...groups.entries()]
    .map(([group_id, g]) => ({ group_id, head_id: g.head_id, available_at: g.available_at }))
    .sort((a, b) => a.group_id.localeCompare(b.group_id));
}

function actualGroups(w: World, q: QueueRecord) {
  return w.reader
    .prepare(
      'SELECT group_id, head_id, available_at FROM fifo_groups WHERE queue_id = ? ORDER BY group_id',
    )
    .all(q.id) as { group_id: string }[];
}

async function run(w: World, c: Command): Promise<void> {
  const { s } = w;
  const [std, stdDlq, fifo, fifoDlq] = w.queues as [
    QueueRecord,
    QueueRecord,
    QueueRecord,
    QueueRecord,
  ];
  const q = w.queues[(c as { queue?: number }).queue ?? 0]!;
  const dlqFor = (x: QueueRecord) => (x === std ? stdDlq : x === fifo ? fifoDlq : undefined);
  switch (c.kind) {
    case 'send': {
      // Sent straight into a dead-letter queue, a message names its source (so moves can run).
      const source = q === stdDlq ? std : q === fifoDlq ? fifo : undefined;
      const messages = Array.from({ length: c.count }, () => {
        const id = `m${++w.seq}`;
        return msg(id, {
          delaySeconds: c.delay,
          ...(q.fifo ? { groupId: `g${c.group}`, dedupId: id } : {}),
          ...(source ? { deadLetterSourceArn: arnOf(source) } : {}),
        });
      });
      await s.messagesSend({ queueId: q.id, fifo: q.fifo, messages, now: w.now });
      return;
    }
    case 'receive': {
      const dlq = dlqFor(q);
      const r = await s.messagesReceive({
        queueId: q.id,
        fifo: q.fifo,
        max: c.max,
        visibilityTimeoutSeconds: c.visibility,
        retentionSeconds: RETENTION_S,
        now: w.now,
        ...(dlq
          ? {
              redrive: {
                deadLetterQueueId: dlq.id,
                deadLetterQueueFifo: dlq.fifo,
                maxReceiveCount: 2,
                sourceArn: arnOf(q),
              },
            }
          : {}),
      });
      if (q.fifo) checkFifoReceive(w, q, r.messages);
      for (const m of r.messages) w.received.push({ queue: q, m });
      return;
    }
    case 'delete':
    case 'visibility': {
      if (w.received.length === 0) return;
      const { queue, m } = w.received.splice(c.pick % w.received.length, 1)[0]!;
      const ref = { rowId: m.rowId, nonce: m.receiptNonce };
      if (c.kind === 'delete')
        await s.messagesDelete({ queueId: queue.id, refs: [ref], now: w.now });
      else
        await s.messagesChangeVisibility({
          queueId: queue.id,
          changes: [{ ref, visibilityTimeoutSeconds: c.timeout }],
          now: w.now,
        });
      return;
    }
    case 'purge':
      await s.messagesPurge({ queueId: q.id, now: w.now });
      return;
    case 'expire':
      await s.messagesExpire({ limit: c.limit, now: w.now });
      return;
    case 'move':
      await s.messagesMove({ sourceQueueId: q.id, limit: 3, now: w.now });
      return;
    case 'advance':
      w.now += c.ms;
      return;
  }
}

/** In-flight messages of a group block it; within a group a receive returns messages in id order. */
function checkFifoReceive(w: World, q: QueueRecord, messages: StoredMessage[]): void {
  const groups = new Set(messages.map((m) => m.groupId));
  for (const g of groups) {
    const returned = messages.filter((m) => m.groupId === g).map((m) => m.rowId);
    expect(returned).toEqual([...returned].sort((a, b) => a - b));
    const others = w.reader
      .prepare(
        `SELECT id FROM messages WHERE queue_id = ? AND group_id = ? AND receive_count > 0 AND visible_at > ?`,
      )
      .all(q.id, g, w.now) as { id: number }[];
    // Everything in flight in this group now is what this receive returned (unless visibility 0).
    for (const o of others) expect(returned).toContain(o.id);
  }
}

describe('sqlite engine: derived state under random workloads', () => {
  it('keeps counts and FIFO group rows equal to their brute-force recomputation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 10, maxLength: 80 }), async (commands) => {
        const path = join(dir, `props-${++n}.sqlite`);
        const s = await createSqliteStorage({ path });
        const reader = new Database(path, { readonly: true });
        try {
          const attrs = { MessageRetentionPeriod: String(RETENTION_S) };
          const w: World = { s, reader, queues: [], received: [], now: T0, seq: 0 };
          for (const name of ['std', 'std-dlq', 'q.fifo', 'q-dlq.fifo']) {
            w.queues.push(
              await createQueue(s, name, {
                attributes: name.endsWith('.fifo') ? { ...attrs, FifoQueue: 'true' } : attrs,
              }),
            );
          }
          for (const c of commands) {
            await run(w, c);
            for (const q of w.queues) {
              expect(await s.queuesCount({ id: q.id, now: w.now })).toEqual(bruteCounts(w, q));
              if (q.fifo) expect(actualGroups(w, q)).toEqual(expectedGroups(w, q));
            }
          }
        } finally {
          reader.close();
          await s.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
