/**
 * Shared fixtures of the storage conformance suite: a fake clock origin, queue and message
 * builders, and receive/event helpers. Everything goes through the storage contract only.
 */
import type {
  NewMessage,
  QueueRecord,
  ReceiveResult,
  RedriveTarget,
  Storage,
  StorageEvent,
  StoredMessage,
} from '../../../src/core/ports/storage.js';

/** Fake clock origin (ms); tests move time explicitly with `now`. */
export const T0 = 1_700_000_000_000;
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const DAY_S = 86_400;
export const DEFAULT_RETENTION_S = 345_600;
export const FIFO_WINDOW_MS = 300_000;

/** Accessor for the storage of the running test (created fresh per test). */
export type GetStorage = () => Storage;

export function arnOf(q: QueueRecord): string {
  return `arn:aws:sqs:${q.region}:${q.account}:${q.name}`;
}

export async function createQueue(
  s: Storage,
  name: string,
  opts: {
    fifo?: boolean;
    attributes?: Record<string, string>;
    tags?: Record<string, string>;
    now?: number;
    account?: string;
    region?: string;
  } = {},
): Promise<QueueRecord> {
  const fifo = opts.fifo ?? name.endsWith('.fifo');
  const { queue } = await s.queuesCreate({
    account: opts.account ?? ACCOUNT,
    region: opts.region ?? REGION,
    name,
    fifo,
    attributes: opts.attributes ?? (fifo ? { FifoQueue: 'true' } : {}),
    tags: opts.tags ?? {},
    keySalt: `salt-${name}`,
    now: opts.now ?? T0,
  });
  return queue;
}

/** A message whose payload is its id as UTF-8 (so `body()` reads it back). */
export function msg(messageId: string, extra: Partial<NewMessage> = {}): NewMessage {
  return {
    messageId,
    payload: new TextEncoder().encode(`body:${messageId}`),
    delaySeconds: 0,
    senderId: 'AKIDSENDER',
    ...extra,
  };
}

export function body(m: StoredMessage): string {
  return new TextDecoder().decode(m.payload).replace(/^body:/, '');
}

export function ids(messages: StoredMessage[]): string[] {
  return messages.map((m) => m.messageId);
}

export async function send(
  s: Storage,
  q: QueueRecord,
  messages: NewMessage[],
  now: number,
  dedupScope?: 'messageGroup' | 'queue',
) {
  return s.messagesSend({
    queueId: q.id,
    fifo: q.fifo,
    messages,
    now,
    ...(dedupScope ? { dedupScope } : {}),
  });
}

export interface ReceiveOpts {
  now: number;
  max?: number;
  visibility?: number;
  retention?: number;
  redrive?: RedriveTarget;
  attemptId?: string;
}

export async function receive(s: Storage, q: QueueRecord, o: ReceiveOpts): Promise<ReceiveResult> {
  return s.messagesReceive({
    queueId: q.id,
    fifo: q.fifo,
    max: o.max ?? 10,
    visibilityTimeoutSeconds: o.visibility ?? 30,
    retentionSeconds: o.retention ?? DEFAULT_RETENTION_S,
    now: o.now,
    ...(o.redrive ? { redrive: o.redrive } : {}),
    ...(o.attemptId !== undefined ? { attemptId: o.attemptId } : {}),
  });
}

export function refOf(m: StoredMessage) {
  return { rowId: m.rowId, nonce: m.receiptNonce };
}

/**
 * Resolves with the first event matching `match` that arrives after the call (subscribe
 * before acting); rejects after `timeoutMs`. Engines may deliver events asynchronously.
 */
export function nextEvent(
  s: Storage,
  match: (e: StorageEvent) => boolean,
  timeoutMs = 2000,
): Promise<StorageEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('no matching storage event'));
    }, timeoutMs);
    const unsubscribe = s.eventsSubscribe((e) => {
      if (!match(e)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(e);
    });
  });
}
