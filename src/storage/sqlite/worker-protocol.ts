/**
 * The message protocol between the main-thread client (sqlite-storage.ts) and the writer worker
 * (writer-worker.ts): operation names and their typed params/results, the request and reply
 * envelopes, the per-commit group report, and how errors cross the thread boundary.
 *
 * DomainErrors cannot be structured-cloned as instances, so they travel as `{domainErrorId,
 * message}` and are rebuilt on the main thread; every other error travels as its message.
 */
import { ERRORS, type ErrorId } from '../../core/errors/catalogue.js';
import { DomainError, isDomainError } from '../../core/errors/domain-error.js';
import type { Storage } from '../../core/ports/storage.js';

/** Contract methods that run in the worker (everything except the main-thread-only ones). */
export type StorageOpName = Exclude<
  keyof Storage,
  'clock' | 'eventsSubscribe' | 'healthCheck' | 'close'
>;

/** What the live database reports about its durability settings. */
export interface PragmaReport {
  journalMode: string;
  /** 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
  synchronous: number;
  busyTimeout: number;
  foreignKeys: number;
}

/** Engine-internal operations (not part of the contract). */
export interface EngineOps {
  enginePing: { params: Record<string, never>; result: true };
  enginePragma: { params: Record<string, never>; result: PragmaReport };
}

export type OpName = StorageOpName | keyof EngineOps;

export type OpParams<K extends OpName> = K extends StorageOpName
  ? Parameters<Storage[K]>[0]
  : K extends keyof EngineOps
    ? EngineOps[K]['params']
    : never;

export type OpResult<K extends OpName> = K extends StorageOpName
  ? Awaited<ReturnType<Storage[K]>>
  : K extends keyof EngineOps
    ? EngineOps[K]['result']
    : never;

/** Main → worker. */
export type OpMessage = { type: 'op'; id: number; op: OpName; params: unknown };

/**
 * To the writer: one operation, the operations of one main-thread turn (posted together:
 * one structured clone and one wake-up instead of one per call), or the end of the session.
 */
export type ToWorker = OpMessage | { type: 'close' };
export type PortMessage = ToWorker | { type: 'ops'; requests: OpMessage[] };

export type SerializedError =
  | { kind: 'domain'; domainErrorId: ErrorId; message: string }
  | { kind: 'other'; name: string; message: string };

export type OpReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

/** What a commit woke up: queues that may now have receivable messages, new outbox/timer rows. */
export interface CommitEvents {
  queueIds: number[];
  outbox: boolean;
  timer: boolean;
}

/**
 * One group's outcome, posted only after COMMIT returned (or after the group was rolled back,
 * `committed: false`, every reply then an error).
 */
export interface GroupReport {
  type: 'group';
  committed: boolean;
  /** Monotonic commit counter of this worker; the commit that holds these replies. */
  commitSeq: number;
  groupSize: number;
  /** Wall time (ms, epoch-based high resolution) when COMMIT returned. */
  commitReturnedAt: number;
  /** Duration of the COMMIT statement (the fsync), ms. */
  commitMs: number;
  /** Duration of the whole transaction, BEGIN to COMMIT returned, ms. */
  txMs: number;
  replies: OpReply[];
  events: CommitEvents;
}

/** Worker → main. */
export type FromWorker =
  { type: 'ready' } | { type: 'init-error'; message: string } | GroupReport | { type: 'closed' };

/** What a worker needs to open a database session. */
export interface WorkerInit {
  path: string;
  maxGroupSize: number;
}

export function serializeError(e: unknown): SerializedError {
  if (isDomainError(e)) return { kind: 'domain', domainErrorId: e.id, message: e.message };
  if (e instanceof Error) return { kind: 'other', name: e.name, message: e.message };
  return { kind: 'other', name: 'Error', message: String(e) };
}

export function deserializeError(s: SerializedError): Error {
  if (s.kind === 'domain' && s.domainErrorId in ERRORS)
    return new DomainError(s.domainErrorId, s.message);
  const err = new Error(s.message);
  if (s.kind === 'other') err.name = s.name;
  return err;
}

/** High-resolution wall clock comparable across threads (each has its own timeOrigin). */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}
