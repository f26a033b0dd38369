/**
 * Message operations of queues: send, receive (with long polling and dead-letter redrive),
 * delete and change visibility — the hot paths.
 *
 * Content is validated here, encoded with its attributes and sealed (AES-256-GCM when the queue
 * is encrypted) before it reaches storage; MD5 digests are computed from the plaintext on the way
 * in and out, so nothing derived from a body is stored in clear. Batches go to storage as one
 * call, hence one transaction and one group commit.
 */
import { randomUUID } from 'node:crypto';
import type { PayloadCipher } from '../crypto/payload-cipher.js';
import { DomainError, isDomainError } from '../errors/domain-error.js';
import type {
  EntryOutcome,
  NewMessage,
  QueueRecord,
  RedriveTarget,
  Storage,
  StoredMessage,
} from '../ports/storage.js';
import { md5Hex, md5OfMessageAttributes } from './md5.js';
import {
  validateReceiveParams,
  validateSendEntry,
  validateVisibilityTimeout,
  visibilityBeyondLimit,
} from './message-validation.js';
import { decodeContent, encodeContent } from './payload.js';
import type { QueueDirectory, QueueScope } from './queue-directory.js';
import { parseQueueArn, queueArn } from './queue-name.js';
import { settingsOf } from './queue-settings.js';
import type { QueueWaiters } from './queue-waiters.js';
import { decodeReceiptHandle, encodeReceiptHandle } from './receipt-handle.js';
import type { MessageAttributeInputs, MessageAttributes } from './types.js';
import { MAX_IN_FLIGHT_FIFO, MAX_IN_FLIGHT_STANDARD, MAX_VISIBILITY_TIMEOUT } from './limits.js';
import { validateFifoBatchEntries } from './batch-validation.js';

export interface Caller extends QueueScope {
  accessKeyId: string;
}

export interface SendEntry {
  body: string;
  delaySeconds?: number;
  attributes: MessageAttributeInputs;
  systemAttributes: MessageAttributeInputs;
  groupId?: string;
  dedupId?: string;
}

export type SendOutcome =
  | {
      ok: true;
      messageId: string;
      md5OfBody: string;
      md5OfMessageAttributes?: string;
      md5OfMessageSystemAttributes?: string;
      sequenceNumber?: string;
    }
  | { ok: false; error: DomainError };

export interface ReceiveRequest {
  max?: number;
  visibilityTimeout?: number;
  waitTimeSeconds?: number;
  attemptId?: string;
  /** System attribute names asked for (`All` for all). */
  systemAttributeNames: string[];
  /** Message attribute names asked for: exact names, `All`, `.*`, or `prefix.*`. */
  messageAttributeNames: string[];
}

export interface ReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  attributes: Record<string, string>;
  messageAttributes: MessageAttributes;
  md5OfMessageAttributes?: string;
}

export type EntryResult = { ok: true } | { ok: false; error: DomainError };

const SYSTEM_ATTRIBUTE_NAMES = [
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
  'SequenceNumber',
  'MessageDeduplicationId',
  'MessageGroupId',
  'AWSTraceHeader',
  'DeadLetterQueueSourceArn',
] as const;

interface InFlightSample {
  count: number;
  at: number;
}

export class MessageService {
  private readonly inFlight = new Map<number, InFlightSample>();

  constructor(
    private readonly deps: {
      storage: Storage;
      cipher: PayloadCipher;
      waiters: QueueWaiters;
      directory: QueueDirectory;
      clock: () => number;
    },
  ) {}

  /** Sends one message (`batch: false`) or a batch's entries, in one storage transaction. */
  async send(
    caller: Caller,
    queueName: string,
    entries: SendEntry[],
    opts: { batch: boolean },
  ): Promise<SendOutcome[]> {
    const queue = await this.deps.directory.require(caller, queueName);
    const settings = settingsOf(queue);
    const settingsForSend = {
      fifo: queue.fifo,
      maximumMessageSize: settings.maximumMessageSize,
      contentBasedDeduplication: settings.contentBasedDeduplication,
    };
    // AWS fails a whole FIFO batch when an entry lacks its group or deduplication id.
    if (opts.batch && queue.fifo) validateFifoBatchEntries(entries, settings);
    const outcomes: SendOutcome[] = new Array<SendOutcome>(entries.length);
    const pending: {
      index: number;
      message: NewMessage;
      digests: Omit<Extract<SendOutcome, { ok: true }>, 'ok' | 'messageId' | 'sequenceNumber'>;
    }[] = [];
    entries.forEach((entry, index) => {
      try {
        const v = validateSendEntry(entry, settingsForSend, { batch: opts.batch });
        const messageId = randomUUID();
        const traceHeader = v.systemAttributes.AWSTraceHeader?.stringValue;
        const content = encodeContent({
          body: v.body,
          attributes: v.attributes,
          ...(traceHeader !== undefined ? { traceHeader } : {}),
        });
        const message: NewMessage = {
          messageId,
          payload: this.deps.cipher.seal(content, {
            encrypt: settings.encrypted,
            salt: queue.keySalt,
            aad: messageId,
          }),
          delaySeconds: v.delaySeconds ?? settings.delaySeconds,
          senderId: caller.accessKeyId,
        };
        if (v.groupId !== undefined) message.groupId = v.groupId;
        if (v.dedupId !== undefined) message.dedupId = v.dedupId;
        const md5Attrs = md5OfMessageAttributes(v.attributes);
        const md5Sys = md5OfMessageAttributes(v.systemAttributes);
        pending.push({
          index,
          message,
          digests: {
            md5OfBody: md5Hex(v.body),
            ...(md5Attrs ? { md5OfMessageAttributes: md5Attrs } : {}),
            ...(md5Sys ? { md5OfMessageSystemAttributes: md5Sys } : {}),
          },
        });
      } catch (err) {
        if (!isDomainError(err)) throw err;
        outcomes[index] = { ok: false, error: err };
      }
    });
    if (pending.length > 0) {
      const results = await this.deps.storage.messagesSend({
        queueId: queue.id,
        fifo: queue.fifo,
        dedupScope: settings.deduplicationScope,
        messages: pending.map((p) => p.message),
      });
      pending.forEach((p, i) => {
        const r = results[i]!;
        outcomes[p.index] = {
          ok: true,
          messageId: r.messageId,
          ...p.digests,
          ...(r.sequenceNumber !== undefined ? { sequenceNumber: r.sequenceNumber } : {}),
        };
      });
    }
    return outcomes;
  }

  async receive(
    caller: Caller,
    queueName: string,
    req: ReceiveRequest,
    signal: AbortSignal,
  ): Promise<ReceivedMessage[]> {
    const queue = await this.deps.directory.require(caller, queueName);
    const settings = settingsOf(queue);
    validateReceiveParams(req, { fifo: queue.fifo });
    const max = req.max ?? 1;
    const visibilityTimeout = req.visibilityTimeout ?? settings.visibilityTimeout;
    const waitSeconds = req.waitTimeSeconds ?? settings.receiveMessageWaitTimeSeconds;
    await this.checkInFlightLimit(queue);
    const redrive = await this.redriveTarget(queue);
    const { clock, storage, waiters } = this.deps;
    const deadline = clock() + waitSeconds * 1000;
    for (;;) {
      const seen = waiters.sequence(queue.id);
      const result = await storage.messagesReceive({
        queueId: queue.id,
        fifo: queue.fifo,
        max,
        visibilityTimeoutSeconds: visibilityTimeout,
        retentionSeconds: settings.messageRetentionPeriod,
        ...(redrive ? { redrive } : {}),
        ...(req.attemptId !== undefined && queue.fifo ? { attemptId: req.attemptId } : {}),
      });
      if (result.messages.length > 0) {
        if (result.messages.length >= max) waiters.passOn(queue.id);
        this.countInFlight(queue.id, result.messages.length);
        return result.messages.map((m) => this.present(queue, m, req));
      }
      const now = clock();
      if (now >= deadline || signal.aborted) return [];
      const reason = await waiters.wait(queue.id, { dueAt: result.nextDueAt, deadline, now, seen });
      if (reason === 'shutdown' || (reason === 'deadline' && clock() >= deadline)) return [];
    }
  }

  async delete(caller: Caller, queueName: string, handles: string[]): Promise<EntryResult[]> {
    const queue = await this.deps.directory.require(caller, queueName);
    const results: EntryResult[] = new Array<EntryResult>(handles.length);
    const refs: { index: number; ref: ReturnType<typeof decodeReceiptHandle> }[] = [];
    handles.forEach((h, index) => {
      try {
        refs.push({ index, ref: decodeReceiptHandle(h, queue.id) });
      } catch (err) {
        if (!isDomainError(err)) throw err;
        results[index] = { ok: false, error: err };
      }
    });
    if (refs.length > 0) {
      const outcomes = await this.deps.storage.messagesDelete({
        queueId: queue.id,
        refs: refs.map((r) => r.ref),
      });
      // AWS: deleting with a stale handle, or a message already gone, succeeds.
      refs.forEach((r) => (results[r.index] = { ok: true }));
      const deleted = outcomes.filter((o) => o === 'ok').length;
      if (deleted > 0) this.countInFlight(queue.id, -deleted);
    }
    return results;
  }

  async changeVisibility(
    caller: Caller,
    queueName: string,
    entries: { receiptHandle: string; visibilityTimeout: number }[],
    opts: { batch: boolean },
  ): Promise<EntryResult[]> {
    const queue = await this.deps.directory.require(caller, queueName);
    const results: EntryResult[] = new Array<EntryResult>(entries.length);
    const changes: {
      index: number;
      handle: string;
      change: { ref: ReturnType<typeof decodeReceiptHandle>; visibilityTimeoutSeconds: number };
    }[] = [];
    entries.forEach((e, index) => {
      try {
        validateVisibilityTimeout(e.visibilityTimeout, { batch: opts.batch });
        changes.push({
          index,
          handle: e.receiptHandle,
          change: {
            ref: decodeReceiptHandle(e.receiptHandle, queue.id),
            visibilityTimeoutSeconds: e.visibilityTimeout,
          },
        });
      } catch (err) {
        if (!isDomainError(err)) throw err;
        results[index] = { ok: false, error: err };
      }
    });
    if (changes.length > 0) {
      const outcomes = await this.deps.storage.messagesChangeVisibility({
        queueId: queue.id,
        changes: changes.map((c) => c.change),
        maxTotalSeconds: MAX_VISIBILITY_TIMEOUT,
      });
      changes.forEach(
        (c, i) =>
          (results[c.index] = visibilityOutcome(
            outcomes[i]!,
            c.handle,
            c.change.visibilityTimeoutSeconds,
          )),
      );
    }
    return results;
  }

  private async redriveTarget(queue: QueueRecord): Promise<RedriveTarget | undefined> {
    const policy = settingsOf(queue).redrivePolicy;
    if (!policy) return undefined;
    const target = parseQueueArn(policy.deadLetterTargetArn);
    if (!target) return undefined;
    const dlq = await this.deps.directory.find(
      { accountId: target.account, region: target.region },
      target.name,
    );
    if (!dlq) return undefined; // AWS keeps delivering when the DLQ is gone
    return {
      deadLetterQueueId: dlq.id,
      deadLetterQueueFifo: dlq.fifo,
      maxReceiveCount: policy.maxReceiveCount,
      sourceArn: queueArn(queue.region, queue.account, queue.name),
    };
  }

  /** OverLimit once the queue holds the AWS maximum of in-flight messages (sampled each second). */
  private async checkInFlightLimit(queue: QueueRecord): Promise<void> {
    const now = this.deps.clock();
    let sample = this.inFlight.get(queue.id);
    if (!sample || now - sample.at > 1000) {
      const counts = await this.deps.storage.queuesCount({ id: queue.id });
      sample = { count: counts.inFlight, at: now };
      if (this.inFlight.size > 10_000) this.inFlight.clear();
      this.inFlight.set(queue.id, sample);
    }
    const limit = queue.fifo ? MAX_IN_FLIGHT_FIFO : MAX_IN_FLIGHT_STANDARD;
    if (sample.count >= limit) {
      throw new DomainError(
        'OverLimit',
        `Too many messages in flight: the queue already has ${sample.count} in-flight messages (limit ${limit}).`,
      );
    }
  }

  private countInFlight(queueId: number, delta: number): void {
    const sample = this.inFlight.get(queueId);
    if (sample) sample.count = Math.max(0, sample.count + delta);
  }

  private present(queue: QueueRecord, m: StoredMessage, req: ReceiveRequest): ReceivedMessage {
    const content = decodeContent(this.deps.cipher.open(m.payload, m.messageId));
    const attributes = systemAttributes(m, content.traceHeader, new Set(req.systemAttributeNames));
    const messageAttributes = selectMessageAttributes(
      content.attributes,
      req.messageAttributeNames,
    );
    const md5Attrs = md5OfMessageAttributes(messageAttributes);
    return {
      messageId: m.messageId,
      receiptHandle: encodeReceiptHandle(queue.id, { rowId: m.rowId, nonce: m.receiptNonce }),
      body: content.body,
      md5OfBody: md5Hex(content.body),
      attributes,
      messageAttributes,
      ...(md5Attrs ? { md5OfMessageAttributes: md5Attrs } : {}),
    };
  }
}

function visibilityOutcome(o: EntryOutcome, handle: string, timeout: number): EntryResult {
  if (o === 'ok') return { ok: true };
  if (o === 'beyond-limit') return { ok: false, error: visibilityBeyondLimit(timeout) };
  if (o === 'not-in-flight') {
    return { ok: false, error: new DomainError('MessageNotInflight') };
  }
  return {
    ok: false,
    error: new DomainError(
      'InvalidParameterValue',
      `Value ${handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`,
    ),
  };
}

function systemAttributes(
  m: StoredMessage,
  traceHeader: string | undefined,
  asked: Set<string>,
): Record<string, string> {
  const all = asked.has('All');
  const out: Record<string, string> = {};
  const want = (n: string) => all || asked.has(n);
  for (const name of SYSTEM_ATTRIBUTE_NAMES) {
    if (!want(name)) continue;
    switch (name) {
      case 'SenderId':
        out.SenderId = m.senderId;
        break;
      case 'SentTimestamp':
        out.SentTimestamp = String(m.sentAt);
        break;
      case 'ApproximateReceiveCount':
        out.ApproximateReceiveCount = String(m.receiveCount);
        break;
      case 'ApproximateFirstReceiveTimestamp':
        if (m.firstReceivedAt !== null)
          out.ApproximateFirstReceiveTimestamp = String(m.firstReceivedAt);
        break;
      case 'SequenceNumber':
        if (m.sequenceNumber !== null) out.SequenceNumber = m.sequenceNumber;
        break;
      case 'MessageDeduplicationId':
        if (m.dedupId !== null) out.MessageDeduplicationId = m.dedupId;
        break;
      case 'MessageGroupId':
        if (m.groupId !== null) out.MessageGroupId = m.groupId;
        break;
      case 'AWSTraceHeader':
        if (traceHeader !== undefined) out.AWSTraceHeader = traceHeader;
        break;
      case 'DeadLetterQueueSourceArn':
        if (m.deadLetterSourceArn !== null) out.DeadLetterQueueSourceArn = m.deadLetterSourceArn;
        break;
    }
  }
  return out;
}

function selectMessageAttributes(attrs: MessageAttributes, names: string[]): MessageAttributes {
  if (names.length === 0) return {};
  if (names.includes('All') || names.includes('.*')) return attrs;
  const prefixes = names.filter((n) => n.endsWith('.*')).map((n) => n.slice(0, -1));
  const exact = new Set(names);
  const out: MessageAttributes = {};
  for (const [name, v] of Object.entries(attrs)) {
    if (exact.has(name) || prefixes.some((p) => name.startsWith(p))) out[name] = v;
  }
  return out;
}
