/**
 * Queue lifecycle and configuration: create (idempotent), delete, look up, list, attributes,
 * purge, tags, permissions (the queue policy document) and dead-letter source listing. The
 * message hot paths live in MessageService, redrive tasks in MoveTaskService; this class owns
 * both so the protocol edge talks to one object.
 */
import { PayloadCipher } from '../crypto/payload-cipher.js';
import { DomainError } from '../errors/domain-error.js';
import type { QueueRecord, Storage } from '../ports/storage.js';
import { DELETED_NAME_REUSE_SECONDS, PURGE_INTERVAL_SECONDS } from './limits.js';
import { MessageService, type Caller } from './message-service.js';
import { MoveTaskService } from './move-task-service.js';
import { QueueDirectory, type QueueScope } from './queue-directory.js';
import {
  assertCreateQueueCompatible,
  assertDeadLetterQueueType,
  deadLetterTargetDoesNotExist,
  normalizeCreateAttributes,
  normalizeSetAttributes,
  parseRedriveAllowPolicy,
  resolveQueueType,
  selectAttributeNames,
} from './queue-attributes.js';
import { parseQueueArn, queueArn } from './queue-name.js';
import { readRedrivePolicy } from './queue-settings.js';
import type { QueueWaiters } from './queue-waiters.js';
import { applyTagChanges, tagQueue, untagQueue } from './tags.js';
import {
  addPermissionStatement,
  removePermissionStatement,
  type PermissionGrant,
} from './queue-policy.js';

export interface QueueServiceDeps {
  storage: Storage;
  cipher: PayloadCipher;
  waiters: QueueWaiters;
  clock: () => number;
}

export class QueueService {
  readonly directory: QueueDirectory;
  readonly messages: MessageService;
  readonly moveTasks: MoveTaskService;
  private readonly storage: Storage;
  private readonly clock: () => number;

  constructor(deps: QueueServiceDeps) {
    this.storage = deps.storage;
    this.clock = deps.clock;
    this.directory = new QueueDirectory(deps.storage, deps.clock);
    this.messages = new MessageService({ ...deps, directory: this.directory });
    this.moveTasks = new MoveTaskService({
      storage: deps.storage,
      directory: this.directory,
      clock: deps.clock,
    });
  }

  async create(
    caller: QueueScope,
    p: { name: string; attributes: Record<string, string>; tags: Record<string, string> },
  ): Promise<QueueRecord> {
    const { fifo } = resolveQueueType(p.name, p.attributes);
    const attributes = normalizeCreateAttributes(p.attributes, { fifo, name: p.name });
    const tags = applyTagChanges({}, p.tags, p.name);
    await this.checkRedriveTarget(
      caller,
      attributes.RedrivePolicy,
      fifo,
      queueArn(caller.region, caller.accountId, p.name),
    );
    const existing = await this.storage.queuesGet({
      account: caller.accountId,
      region: caller.region,
      name: p.name,
    });
    if (existing) return this.sameOrConflict(existing, p.attributes, fifo, p.name, p.tags);
    const deletedAt = await this.storage.queuesDeletedAt({
      account: caller.accountId,
      region: caller.region,
      name: p.name,
      withinMs: DELETED_NAME_REUSE_SECONDS * 1000,
    });
    if (deletedAt !== null) throw new DomainError('QueueDeletedRecently');
    const { queue, created } = await this.storage.queuesCreate({
      account: caller.accountId,
      region: caller.region,
      name: p.name,
      fifo,
      attributes,
      tags,
      keySalt: PayloadCipher.newSalt(),
    });
    if (!created) return this.sameOrConflict(queue, p.attributes, fifo, p.name, p.tags);
    this.directory.remember(queue);
    return queue;
  }

  /** AWS: CreateQueue on an existing name succeeds when the given attributes match. */
  private sameOrConflict(
    existing: QueueRecord,
    given: Record<string, string>,
    fifo: boolean,
    name: string,
    tags: Record<string, string>,
  ): QueueRecord {
    assertCreateQueueCompatible(existing.attributes, given, { fifo, name });
    for (const [k, v] of Object.entries(tags)) {
      if (existing.tags[k] !== v) {
        throw new DomainError(
          'QueueNameExists',
          `A queue already exists with the same name and a different value for tag ${k}`,
        );
      }
    }
    return existing;
  }

  async delete(caller: QueueScope, name: string): Promise<void> {
    const queue = await this.directory.require(caller, name);
    await this.storage.queuesDelete({ id: queue.id });
    this.directory.forget(caller, name);
  }

  async get(caller: QueueScope, name: string): Promise<QueueRecord> {
    return this.directory.require(caller, name);
  }

  async list(caller: QueueScope, p: { prefix?: string; maxResults?: number; nextToken?: string }) {
    return pageOfQueues(p, (after, limit) =>
      this.storage.queuesList({
        account: caller.accountId,
        region: caller.region,
        ...(p.prefix !== undefined ? { prefix: p.prefix } : {}),
        ...(after !== undefined ? { after } : {}),
        limit,
      }),
    );
  }

  async getAttributes(
    caller: QueueScope,
    name: string,
    names: string[],
  ): Promise<Record<string, string>> {
    const queue = await this.directory.require(caller, name);
    const wanted = selectAttributeNames(names, { fifo: queue.fifo });
    const out: Record<string, string> = {};
    const needCounts = [...wanted].some((n) => n.startsWith('ApproximateNumberOfMessages'));
    const counts = needCounts ? await this.storage.queuesCount({ id: queue.id }) : undefined;
    for (const n of wanted) {
      switch (n) {
        case 'QueueArn':
          out.QueueArn = queueArn(queue.region, queue.account, queue.name);
          break;
        case 'ApproximateNumberOfMessages':
          out[n] = String(counts!.visible);
          break;
        case 'ApproximateNumberOfMessagesNotVisible':
          out[n] = String(counts!.inFlight);
          break;
        case 'ApproximateNumberOfMessagesDelayed':
          out[n] = String(counts!.delayed);
          break;
        case 'CreatedTimestamp':
          out[n] = String(Math.floor(queue.createdAt / 1000));
          break;
        case 'LastModifiedTimestamp':
          out[n] = String(Math.floor(queue.lastModifiedAt / 1000));
          break;
        default: {
          const v = queue.attributes[n];
          if (v !== undefined) out[n] = v;
        }
      }
    }
    return out;
  }

  async setAttributes(
    caller: QueueScope,
    name: string,
    attributes: Record<string, string>,
  ): Promise<void> {
    const queue = await this.directory.require(caller, name);
    const merged = normalizeSetAttributes(queue.attributes, attributes, {
      fifo: queue.fifo,
      name: queue.name,
    });
    if (attributes.RedrivePolicy !== undefined) {
      await this.checkRedriveTarget(
        caller,
        merged.RedrivePolicy,
        queue.fifo,
        queueArn(queue.region, queue.account, queue.name),
      );
    }
    const updated = await this.storage.queuesUpdate({ id: queue.id, attributes: merged });
    if (updated) this.directory.remember(updated);
  }

  async purge(caller: QueueScope, name: string): Promise<void> {
    const queue = await this.directory.require(caller, name);
    const now = this.clock();
    const fresh = await this.storage.queuesGetById({ id: queue.id });
    if (!fresh) throw new DomainError('QueueDoesNotExist');
    if (fresh.lastPurgeAt !== null && now - fresh.lastPurgeAt < PURGE_INTERVAL_SECONDS * 1000) {
      throw new DomainError(
        'PurgeQueueInProgress',
        `Only one PurgeQueue operation on ${queue.name} is allowed every 60 seconds.`,
      );
    }
    const updated = await this.storage.queuesUpdate({ id: queue.id, lastPurgeAt: now });
    if (updated) this.directory.remember(updated);
    await this.storage.messagesPurge({ queueId: queue.id, now });
  }

  async listDeadLetterSources(
    caller: QueueScope,
    name: string,
    p: { maxResults?: number; nextToken?: string },
  ) {
    const queue = await this.directory.require(caller, name);
    return pageOfQueues(p, (after, limit) =>
      this.storage.queuesListDeadLetterSources({
        account: caller.accountId,
        region: caller.region,
        deadLetterArn: queueArn(queue.region, queue.account, queue.name),
        ...(after !== undefined ? { after } : {}),
        limit,
      }),
    );
  }

  async tag(caller: QueueScope, name: string, tags: Record<string, string>): Promise<void> {
    const queue = await this.directory.require(caller, name);
    const updated = await this.storage.queuesUpdate({
      id: queue.id,
      tags: tagQueue(queue.tags, tags, queue.name),
    });
    if (updated) this.directory.remember(updated);
  }

  async untag(caller: QueueScope, name: string, keys: string[]): Promise<void> {
    const queue = await this.directory.require(caller, name);
    const updated = await this.storage.queuesUpdate({
      id: queue.id,
      tags: untagQueue(queue.tags, keys),
    });
    if (updated) this.directory.remember(updated);
  }

  async listTags(caller: QueueScope, name: string): Promise<Record<string, string>> {
    return (await this.directory.require(caller, name)).tags;
  }

  async addPermission(caller: QueueScope, name: string, grant: PermissionGrant): Promise<void> {
    const queue = await this.directory.require(caller, name);
    const arn = queueArn(queue.region, queue.account, queue.name);
    const policy = addPermissionStatement(queue.attributes.Policy, arn, grant);
    const updated = await this.storage.queuesUpdate({
      id: queue.id,
      attributes: { ...queue.attributes, Policy: policy },
    });
    if (updated) this.directory.remember(updated);
  }

  async removePermission(caller: QueueScope, name: string, label: string): Promise<void> {
    const queue = await this.directory.require(caller, name);
    const policy = removePermissionStatement(queue.attributes.Policy, label);
    const attributes = { ...queue.attributes };
    if (policy === undefined) delete attributes.Policy;
    else attributes.Policy = policy;
    const updated = await this.storage.queuesUpdate({ id: queue.id, attributes });
    if (updated) this.directory.remember(updated);
  }

  /**
   * A RedrivePolicy's target must exist, be of the same type (FIFO ↔ FIFO) and, through its
   * RedriveAllowPolicy, accept this source queue.
   */
  private async checkRedriveTarget(
    caller: QueueScope,
    value: string | undefined,
    fifo: boolean,
    sourceArn: string,
  ): Promise<void> {
    const policy = readRedrivePolicy(value);
    if (!policy) return;
    const arn = parseQueueArn(policy.deadLetterTargetArn);
    const target = arn
      ? await this.directory.find({ region: arn.region, accountId: arn.account }, arn.name)
      : undefined;
    if (!target || target.account !== caller.accountId) throw deadLetterTargetDoesNotExist(value!);
    assertDeadLetterQueueType(value!, { sourceFifo: fifo, targetFifo: target.fifo });
    const allow = target.attributes.RedriveAllowPolicy
      ? parseRedriveAllowPolicy(target.attributes.RedriveAllowPolicy)
      : undefined;
    const allowed =
      !allow ||
      allow.redrivePermission === 'allowAll' ||
      (allow.redrivePermission === 'byQueue' && (allow.sourceQueueArns ?? []).includes(sourceArn));
    if (!allowed) {
      throw new DomainError(
        'InvalidParameterValue',
        `Value ${value} for parameter RedrivePolicy is invalid. Reason: Queue ${sourceArn} is not allowed to use ${policy.deadLetterTargetArn} as a dead-letter queue (RedriveAllowPolicy).`,
      );
    }
  }
}

export type { Caller };

/**
 * One page of a name-ordered queue listing: MaxResults 1–1000 (default 1000), and a NextToken
 * only when MaxResults was given and more queues remain (AWS). Fetches one row more than the page
 * to know whether more remain.
 */
async function pageOfQueues(
  p: { maxResults?: number; nextToken?: string },
  fetch: (after: string | undefined, limit: number) => Promise<QueueRecord[]>,
): Promise<{ queues: QueueRecord[]; nextToken: string | undefined }> {
  if (p.maxResults !== undefined && (p.maxResults < 1 || p.maxResults > 1000)) {
    throw new DomainError(
      'InvalidParameterValue',
      `Value ${p.maxResults} for parameter MaxResults is invalid. Reason: must be between 1 and 1000.`,
    );
  }
  const after = p.nextToken !== undefined ? decodeToken(p.nextToken) : undefined;
  const limit = p.maxResults ?? 1000;
  const rows = await fetch(after, limit + 1);
  const page = rows.slice(0, limit);
  const more = p.maxResults !== undefined && rows.length > limit;
  return { queues: page, nextToken: more ? encodeToken(page[page.length - 1]!.name) : undefined };
}

/** Pagination tokens carry the last name returned (queues are listed in name order). */
function encodeToken(name: string): string {
  return Buffer.from(JSON.stringify({ after: name })).toString('base64');
}

function decodeToken(token: string): string {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { after?: unknown };
    if (typeof v.after === 'string') return v.after;
  } catch {
    // fall through
  }
  throw new DomainError('InvalidParameterValue', 'Invalid NextToken value.');
}
