/**
 * Engine-neutral rules of the queue storage, shared by the SQLite and PostgreSQL engines so both
 * behave identically: windows and limits, retention and redrive read from a queue's attributes,
 * receipt nonces and FIFO sequence numbers.
 */
import { randomBytes } from 'node:crypto';

/** Default MessageRetentionPeriod (4 days), seconds. */
export const DEFAULT_RETENTION_SECONDS = 345_600;
/** FIFO deduplication interval and ReceiveRequestAttemptId window. */
export const FIFO_WINDOW_MS = 300_000;
/** How long a deleted queue's name is remembered (QueueDeletedRecently). */
export const DELETED_QUEUE_MEMORY_MS = 60_000;
/** Upper bound on dead-letter moves in one receive, so a large backlog cannot stall a receive. */
export const MAX_MOVES_PER_RECEIVE = 256;
/** Failure reason recorded on a move task whose destination is gone. */
export const NON_EXISTENT_QUEUE = 'AWS.SimpleQueueService.NonExistentQueue';

const SQS_ARN = /^arn:[^:]+:sqs:([^:]+):([^:]+):([^:]+)$/;

/** Region, account and name of an SQS queue ARN, or undefined. */
export function queueKeyOfArn(
  arn: string | null,
): { region: string; account: string; name: string } | undefined {
  const match = arn === null ? null : SQS_ARN.exec(arn);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { region: match[1], account: match[2], name: match[3] };
}

/** A JSON object's string-valued entries (other values are dropped). */
export function parseStringMap(json: string): Record<string, string> {
  return stringEntries(JSON.parse(json));
}

export function stringEntries(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** The queue's MessageRetentionPeriod in ms. */
export function retentionMsOf(attributes: Record<string, string>): number {
  const raw = attributes['MessageRetentionPeriod'];
  const seconds = raw === undefined ? NaN : Number(raw);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_RETENTION_SECONDS) * 1000;
}

/** The dead-letter target ARN of a queue's RedrivePolicy attribute, if any. */
export function redriveTargetOf(attributes: Record<string, string>): string | undefined {
  const policy = attributes['RedrivePolicy'];
  if (!policy) return undefined;
  try {
    const parsed: unknown = JSON.parse(policy);
    if (parsed && typeof parsed === 'object' && 'deadLetterTargetArn' in parsed) {
      const arn = parsed.deadLetterTargetArn;
      return typeof arn === 'string' ? arn : undefined;
    }
  } catch {
    // A malformed policy names no target.
  }
  return undefined;
}

/** A fresh receipt nonce: 96 random bits. */
export function newNonce(): string {
  return randomBytes(12).toString('base64url');
}

/** 20-digit, increasing FIFO sequence number derived from the (never reused) row id. */
export function sequenceNumberFor(rowId: number): string {
  return (10n ** 19n + BigInt(rowId)).toString();
}
