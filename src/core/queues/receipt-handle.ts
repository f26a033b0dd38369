/**
 * Receipt handles: opaque to clients, they name the queue, the stored message and the random
 * nonce of one receive. A handle of another queue, or one that does not parse, is invalid; a
 * handle of an earlier receive is stale (AWS: delete succeeds but leaves the message).
 */
import { DomainError } from '../errors/domain-error.js';
import type { ReceiptRef } from '../ports/storage.js';

const PREFIX = 'SY1';

export function encodeReceiptHandle(queueId: number, ref: ReceiptRef): string {
  return Buffer.from(`${PREFIX}|${queueId}|${ref.rowId}|${ref.nonce}`).toString('base64');
}

/** Parses a handle for `queueId`; throws ReceiptHandleIsInvalid. */
export function decodeReceiptHandle(handle: string, queueId: number): ReceiptRef {
  const invalid = () =>
    new DomainError(
      'ReceiptHandleIsInvalid',
      `The input receipt handle "${handle.slice(0, 200)}" is not a valid receipt handle.`,
    );
  if (handle.length === 0 || handle.length > 1024 || !/^[A-Za-z0-9+/]+={0,2}$/.test(handle))
    throw invalid();
  const parts = Buffer.from(handle, 'base64').toString('latin1').split('|');
  if (parts.length !== 4 || parts[0] !== PREFIX) throw invalid();
  const [, q, row, nonce] = parts as [string, string, string, string];
  if (!/^\d{1,15}$/.test(q) || !/^\d{1,15}$/.test(row) || !/^[A-Za-z0-9_-]{8,64}$/.test(nonce))
    throw invalid();
  if (Number(q) !== queueId) throw invalid();
  return { rowId: Number(row), nonce };
}
