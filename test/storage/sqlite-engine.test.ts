/**
 * SQLite-engine specifics beyond the conformance suite: durability settings of the live
 * database, group commit (many calls, few commits, no acknowledgement before its commit),
 * savepoint isolation of failing operations, errors across the thread boundary, close(),
 * worker failure, reopening and concurrent migration.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors/domain-error.js';
import type { QueueRecord } from '../../src/core/ports/storage.js';
import { loadMigrations } from '../../src/storage/sqlite/migrate.js';
import {
  createSqliteStorage,
  type AckRecord,
  type SqliteStorage,
} from '../../src/storage/sqlite/sqlite-storage.js';
import { T0, createQueue, msg } from './conformance/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'switchyard-sqlite-engine-'));
let n = 0;
const freshPath = () => join(dir, `engine-${++n}.sqlite`);
const opened: SqliteStorage[] = [];

async function open(path = freshPath(), clock?: () => number): Promise<SqliteStorage> {
  const storage = await createSqliteStorage({ path, ...(clock ? { clock } : {}) });
  opened.push(storage);
  return storage;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sendOne(s: SqliteStorage, q: QueueRecord, id: string) {
  return s.messagesSend({ queueId: q.id, fifo: false, messages: [msg(id)], now: T0 });
}

describe('sqlite engine: durability settings', () => {
  it('runs a file database in WAL mode with synchronous=FULL', async () => {
    const s = await open();
    expect(await s.pragma()).toMatchObject({
      journalMode: 'wal',
      synchronous: 2,
      busyTimeout: 5000,
    });
  });

  it('keeps synchronous=FULL for :memory: (which has no WAL)', async () => {
    const s = await open(':memory:');
    expect(await s.pragma()).toMatchObject({ journalMode: 'memory', synchronous: 2 });
  });
});

describe('sqlite engine: group commit', () => {
  it('commits 200 concurrent sends in far fewer transactions, acknowledging each after its commit', async () => {
    const path = freshPath();
    const s = await open(path);
    const q = await createQueue(s, 'q');
    const reader = new Database(path, { readonly: true });
    const visible = reader.prepare('SELECT count(*) AS n FROM messages WHERE message_id = ?');
    const acks: AckRecord[] = [];
    s.setAckObserver((a) => acks.push(a));
    const before = s.stats().commits;
    // Each promise checks, as it settles, that an independent connection already sees the row.
    const seenAtAck = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        sendOne(s, q, `m${i}`).then(() => (visible.get(`m${i}`) as { n: number }).n),
      ),
    );
    reader.close();
    s.setAckObserver(undefined);
    expect(seenAtAck).toEqual(Array.from({ length: 200 }, () => 1));
    const commits = s.stats().commits - before;
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThanOrEqual(20);
    expect(acks).toHaveLength(200);
    for (const ack of acks) {
      expect(ack.ok).toBe(true);
      expect(ack.commitSeq).toBeGreaterThan(0);
      expect(ack.committedSeqAtAck).toBeGreaterThanOrEqual(ack.commitSeq);
      expect(ack.commitReturnedAt).toBeLessThanOrEqual(ack.resolvedAt);
    }
    const stats = s.stats();
    expect(stats.largestGroup).toBeGreaterThanOrEqual(10);
    expect(stats.ops).toBeGreaterThanOrEqual(201);
  });

  it('caps the group size', async () => {
    const s = await createSqliteStorage({ path: ':memory:', maxGroupSize: 8 });
    opened.push(s);
    const q = await createQueue(s, 'q');
    await Promise.all(Array.from({ length: 100 }, (_, i) => sendOne(s, q, `m${i}`)));
    expect(s.stats().largestGroup).toBeLessThanOrEqual(8);
  });

  it('rolls back only the operation that threw, and rebuilds its DomainError', async () => {
    const s = await open();
    const q = await createQueue(s, 'q.fifo');
    const other = await createQueue(s, 'other');
    const acks: AckRecord[] = [];
    s.setAckObserver((a) => acks.push(a));
    // Group membership depends on timing: keep the worker busy with a large call, queue the pair
    // behind it, and retry until both land in one transaction (nearly always the first time).
    let attempts = 0;
    let shared = false;
    while (!shared && attempts < 10) {
      const i = attempts++;
      const busy = s.messagesSend({
        queueId: other.id,
        fifo: false,
        messages: Array.from({ length: 2000 }, (_, k) => msg(`busy-${i}-${k}`)),
        now: T0,
      });
      acks.length = 0;
      // Writes one message, then throws on the second (no group id): the whole call is undone.
      const failing = s.messagesSend({
        queueId: q.id,
        fifo: true,
        messages: [
          msg(`undone-${i}`, { groupId: 'G', dedupId: `x-${i}` }),
          msg(`no-group-${i}`, { dedupId: `y-${i}` }),
        ],
        now: T0,
      });
      const succeeding = s.messagesSend({
        queueId: q.id,
        fifo: true,
        messages: [msg(`kept-${i}`, { groupId: 'G', dedupId: `z-${i}` })],
        now: T0,
      });
      await busy;
      const error: unknown = await failing.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).id).toBe('MissingParameter');
      await expect(succeeding).resolves.toMatchObject([{ messageId: `kept-${i}` }]);
      const [failAck, okAck] = acks.filter((a) => a.op === 'messagesSend').slice(-2);
      expect(failAck?.ok).toBe(false);
      expect(okAck?.ok).toBe(true);
      shared = failAck?.commitSeq === okAck?.commitSeq;
    }
    expect(shared).toBe(true);
    const r = await s.messagesReceive({
      queueId: q.id,
      fifo: true,
      max: 10,
      visibilityTimeoutSeconds: 30,
      retentionSeconds: 3600,
      now: T0,
    });
    expect(r.messages.map((m) => m.messageId)).toEqual(
      Array.from({ length: attempts }, (_, i) => `kept-${i}`),
    );
    // The undone message's deduplication id was not recorded either.
    const [again] = await s.messagesSend({
      queueId: q.id,
      fifo: true,
      messages: [msg('x-again', { groupId: 'H', dedupId: 'x-0' })],
      now: T0,
    });
    expect(again?.duplicate).toBe(false);
  });

  it('reports non-domain errors as plain errors with their message', async () => {
    const s = await open(':memory:');
    const error: unknown = await s
      .queuesGet({ account: true as unknown as string, region: 'r', name: 'n' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DomainError);
    expect((error as Error).message).toMatch(/bind/i);
    await expect(s.healthCheck()).resolves.toBeUndefined();
  });

  it('rejects a send to a queue that does not exist', async () => {
    const s = await open(':memory:');
    await expect(
      s.messagesSend({ queueId: 424242, fifo: false, messages: [msg('m')], now: T0 }),
    ).rejects.toMatchObject({
      id: 'QueueDoesNotExist',
    });
  });
});

describe('sqlite engine: lifecycle', () => {
  it('close() lets in-flight calls finish, then refuses calls with ServiceUnavailable', async () => {
    const s = await createSqliteStorage({ path: freshPath() });
    const q = await createQueue(s, 'q');
    const inFlight = Array.from({ length: 50 }, (_, i) => sendOne(s, q, `m${i}`));
    const closing = s.close();
    await expect(Promise.all(inFlight)).resolves.toHaveLength(50);
    await closing;
    await expect(s.close()).resolves.toBeUndefined();
    const error: unknown = await s.healthCheck().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).id).toBe('ServiceUnavailable');
    await expect(s.queuesGetById({ id: q.id })).rejects.toBeInstanceOf(DomainError);
  });

  it('keeps committed data across close and reopen, migrating only once', async () => {
    const path = freshPath();
    const first = await createSqliteStorage({ path });
    const q = await createQueue(first, 'q');
    await sendOne(first, q, 'durable');
    await first.close();
    const second = await open(path);
    expect(await second.queuesCount({ id: q.id, now: T0 })).toEqual({
      visible: 1,
      inFlight: 0,
      delayed: 0,
    });
    const db = new Database(path, { readonly: true });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    db.close();
    expect(versions).toEqual(loadMigrations().map((m) => ({ version: m.version })));
    expect(versions.length).toBeGreaterThanOrEqual(3);
  });

  it('lets two engines open (and migrate) the same new file concurrently', async () => {
    const path = freshPath();
    const [a, b] = await Promise.all([open(path), open(path)]);
    const q = await createQueue(a, 'shared');
    expect((await b.queuesGetById({ id: q.id }))?.name).toBe('shared');
  });

  it('fails to open an unusable path with a clear error', async () => {
    await expect(
      createSqliteStorage({ path: join(dir, 'missing-dir', 'x', 'db.sqlite') }),
    ).rejects.toThrow(/directory|open/i);
  });

  it('settles pending calls and rejects later ones with ServiceUnavailable when the worker dies', async () => {
    const s = await createSqliteStorage({ path: ':memory:' });
    const q = await createQueue(s, 'q');
    const worker = (s as unknown as { worker: { terminate(): Promise<number> } }).worker;
    // A long call, so the worker most likely dies mid-transaction; either way it must not hang.
    const pending = s.messagesSend({
      queueId: q.id,
      fifo: false,
      messages: Array.from({ length: 20_000 }, (_, i) => msg(`m${i}`)),
      now: T0,
    });
    await worker.terminate();
    const outcome = await pending.then(
      () => 'committed',
      (e: unknown) => (e instanceof DomainError ? e.id : String(e)),
    );
    expect(['committed', 'ServiceUnavailable']).toContain(outcome);
    await expect(s.healthCheck()).rejects.toMatchObject({ id: 'ServiceUnavailable' });
    await s.close();
  });
});

describe('sqlite engine: deleting a large queue', () => {
  it('leaves a large backlog to the sweep, batch by batch, never delivering it', async () => {
    const path = freshPath();
    const s = await open(path);
    const q = await createQueue(s, 'big');
    const batches = 1001; // 10,010 messages: above the inline-delete limit
    await Promise.all(
      Array.from({ length: batches }, (_, b) =>
        s.messagesSend({
          queueId: q.id,
          fifo: false,
          messages: Array.from({ length: 10 }, (_, k) => msg(`m${b * 10 + k}`)),
          now: T0,
        }),
      ),
    );
    expect(await s.queuesDelete({ id: q.id, now: T0 + 1 })).toBe(true);
    const left = () => {
      const db = new Database(path, { readonly: true });
      const row = db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number };
      db.close();
      return row.n;
    };
    expect(left()).toBe(10_010);
    const r = await s.messagesReceive({
      queueId: q.id,
      fifo: false,
      max: 10,
      visibilityTimeoutSeconds: 30,
      retentionSeconds: 3600,
      now: T0 + 2,
    });
    expect(r.messages).toEqual([]);
    expect(await s.messagesExpire({ limit: 5000, now: T0 + 3 })).toBe(5000);
    expect(await s.messagesExpire({ limit: 5000, now: T0 + 3 })).toBe(5000);
    expect(await s.messagesExpire({ limit: 5000, now: T0 + 3 })).toBe(10);
    expect(await s.messagesExpire({ limit: 5000, now: T0 + 3 })).toBe(0);
    expect(left()).toBe(0);
  });
});

describe('sqlite engine: clock', () => {
  it('uses the configured clock when a call passes no now', async () => {
    const s = await open(':memory:', () => T0 + 42);
    expect(s.clock()).toBe(T0 + 42);
    const q = await createQueue(s, 'q');
    await s.messagesSend({ queueId: q.id, fifo: false, messages: [msg('m')] });
    const r = await s.messagesReceive({
      queueId: q.id,
      fifo: false,
      max: 1,
      visibilityTimeoutSeconds: 30,
      retentionSeconds: 60,
    });
    expect(r.messages[0]).toMatchObject({ sentAt: T0 + 42, firstReceivedAt: T0 + 42 });
    expect(r.nextDueAt).toBe(T0 + 42 + 30_000);
  });

  it('uses the process clock at execution time by default', async () => {
    const s = await open(':memory:');
    const before = Date.now();
    const q = await createQueue(s, 'q', { now: before });
    await s.messagesSend({ queueId: q.id, fifo: false, messages: [msg('m')] });
    const [m] = (
      await s.messagesReceive({
        queueId: q.id,
        fifo: false,
        max: 1,
        visibilityTimeoutSeconds: 30,
        retentionSeconds: 60,
      })
    ).messages;
    expect(m!.sentAt).toBeGreaterThanOrEqual(before);
    expect(m!.sentAt).toBeLessThanOrEqual(Date.now());
  });
});
