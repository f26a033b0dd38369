/**
 * How PostgreSQL failures surface through the storage contract: a lost or refused connection,
 * a server shutting down or out of connections → ServiceUnavailable (503, the AWS retryable
 * code), so clients back off and retry instead of hanging or seeing a 500; serialization
 * failures and deadlocks → retried by the engine; everything else passes through unchanged.
 */
import { DomainError } from '../../core/errors/domain-error.js';

/** SQLSTATE classes and codes that mean "the database is not reachable right now". */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '57014', // query_canceled (statement timeout): the database is overloaded
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

function codeOf(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

/** True when the error means the connection or the server is gone (not a bad statement). */
export function isConnectionError(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && (UNAVAILABLE_CODES.has(code) || NETWORK_CODES.has(code))) return true;
  if (code?.startsWith('08')) return true; // connection_exception class
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|Query read timeout/i.test(
    message,
  );
}

/** Serialization failure or deadlock: the transaction may simply be run again. */
export function isRetryable(error: unknown): boolean {
  const code = codeOf(error);
  return code === '40001' || code === '40P01';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return codeOf(error) === '23503';
}

export function unavailable(error: unknown): DomainError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError('ServiceUnavailable', `Storage engine unavailable: ${reason}`);
}
