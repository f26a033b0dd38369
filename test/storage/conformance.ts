/**
 * The storage conformance suite: every engine must pass it unchanged (SQLite now, PostgreSQL
 * next). It uses the storage contract only, on a fake clock (explicit `now` everywhere), with a
 * fresh storage per test from `factory`.
 *
 *   runStorageConformance('sqlite :memory:', () => createSqliteStorage({ path: ':memory:' }));
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Storage } from '../../src/core/ports/storage.js';
import { moveTaskTests, outboxTests, timerTests } from './conformance/async-work.js';
import { deadLetterTests } from './conformance/dead-letter.js';
import { fifoTests } from './conformance/fifo.js';
import { leaseTests } from './conformance/leases.js';
import { messageTests } from './conformance/messages.js';
import { queueTests } from './conformance/queues.js';

export function runStorageConformance(name: string, factory: () => Promise<Storage>): void {
  describe(`storage conformance: ${name}`, () => {
    let storage: Storage | undefined;
    const current = (): Storage => {
      if (!storage) throw new Error('storage not opened');
      return storage;
    };
    beforeEach(async () => {
      storage = await factory();
    });
    afterEach(async () => {
      await storage?.close();
      storage = undefined;
    });

    queueTests(current);
    messageTests(current);
    fifoTests(current);
    deadLetterTests(current);
    moveTaskTests(current);
    outboxTests(current);
    timerTests(current);
    leaseTests(current);
  });
}
