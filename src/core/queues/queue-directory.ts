/**
 * Finds queues by name or ARN for the services, with a short-lived cache.
 *
 * Every SQS call needs its queue's record (settings, key salt), so lookups are cached for
 * `ttlMs` (1 s by default) and dropped at once when this node changes the queue. Another node's
 * change is seen within the TTL — AWS documents up to 60 s for attribute changes to propagate.
 */
import { DomainError } from '../errors/domain-error.js';
import type { QueueRecord, Storage } from '../ports/storage.js';

export interface QueueScope {
  accountId: string;
  region: string;
}

interface Entry {
  queue: QueueRecord | undefined;
  at: number;
}

export class QueueDirectory {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly storage: Storage,
    private readonly clock: () => number,
    private readonly ttlMs = 1000,
  ) {}

  private key(scope: QueueScope, name: string): string {
    return `${scope.accountId}\u0000${scope.region}\u0000${name}`;
  }

  async find(scope: QueueScope, name: string): Promise<QueueRecord | undefined> {
    const key = this.key(scope, name);
    const now = this.clock();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.queue;
    const queue = await this.storage.queuesGet({
      account: scope.accountId,
      region: scope.region,
      name,
    });
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, { queue, at: now });
    return queue;
  }

  async require(scope: QueueScope, name: string): Promise<QueueRecord> {
    const queue = await this.find(scope, name);
    if (!queue) throw new DomainError('QueueDoesNotExist');
    return queue;
  }

  remember(queue: QueueRecord): void {
    this.cache.set(this.key({ accountId: queue.account, region: queue.region }, queue.name), {
      queue,
      at: this.clock(),
    });
  }

  forget(scope: QueueScope, name: string): void {
    this.cache.delete(this.key(scope, name));
  }
}
