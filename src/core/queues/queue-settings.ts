/**
 * A queue's attributes parsed into the typed settings the message paths need. Attributes are
 * stored in AWS's canonical string form; this is the one place that reads them as numbers.
 */
import type { QueueRecord } from '../ports/storage.js';

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export interface QueueSettings {
  delaySeconds: number;
  maximumMessageSize: number;
  messageRetentionPeriod: number;
  receiveMessageWaitTimeSeconds: number;
  visibilityTimeout: number;
  encrypted: boolean;
  contentBasedDeduplication: boolean;
  deduplicationScope: 'messageGroup' | 'queue';
  redrivePolicy: RedrivePolicy | undefined;
}

const cache = new WeakMap<QueueRecord, QueueSettings>();

function num(attrs: Record<string, string>, name: string, dflt: number): number {
  const v = attrs[name];
  const n = v === undefined ? NaN : Number(v);
  return Number.isFinite(n) ? n : dflt;
}

/** Reads a stored (already validated) RedrivePolicy; lenient: undefined when absent or unreadable. */
export function readRedrivePolicy(value: string | undefined): RedrivePolicy | undefined {
  if (!value) return undefined;
  try {
    const p = JSON.parse(value) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    const max = Number(p.maxReceiveCount);
    if (typeof p.deadLetterTargetArn !== 'string' || !Number.isInteger(max)) return undefined;
    return { deadLetterTargetArn: p.deadLetterTargetArn, maxReceiveCount: max };
  } catch {
    return undefined;
  }
}

export function settingsOf(queue: QueueRecord): QueueSettings {
  let s = cache.get(queue);
  if (s) return s;
  const a = queue.attributes;
  s = {
    delaySeconds: num(a, 'DelaySeconds', 0),
    maximumMessageSize: num(a, 'MaximumMessageSize', 1048576),
    messageRetentionPeriod: num(a, 'MessageRetentionPeriod', 345600),
    receiveMessageWaitTimeSeconds: num(a, 'ReceiveMessageWaitTimeSeconds', 0),
    visibilityTimeout: num(a, 'VisibilityTimeout', 30),
    encrypted: a.SqsManagedSseEnabled === 'true' || a.KmsMasterKeyId !== undefined,
    contentBasedDeduplication: a.ContentBasedDeduplication === 'true',
    deduplicationScope: a.DeduplicationScope === 'messageGroup' ? 'messageGroup' : 'queue',
    redrivePolicy: readRedrivePolicy(a.RedrivePolicy),
  };
  cache.set(queue, s);
  return s;
}
