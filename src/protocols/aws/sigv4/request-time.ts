/**
 * The request time of SigV4 authentication and the clock checks on it (RequestExpired).
 *
 * Header auth takes `X-Amz-Date`, else the HTTP `Date` header, and must be within ±5 minutes
 * of the server clock (the boundary itself is accepted). Presigned URLs are valid until
 * X-Amz-Date + X-Amz-Expires and, against clock skew, from 5 minutes before X-Amz-Date.
 * Messages follow AWS's, e.g. `Signature expired: 20240101T000000Z is now earlier than
 * 20240101T000500Z (20240101T001000Z - 5 min.)`.
 */
import { DomainError } from '../../../core/errors/domain-error.js';
import { formatAmzDate, incomplete, parseAmzDate } from './auth-params.js';

/** Allowed clock skew for header auth, and how far ahead a presigned X-Amz-Date may be. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

type Headers = Record<string, string | string[] | undefined>;

/** One header as a string (several values joined by `,`), or undefined. */
export function header(headers: Headers, name: string): string | undefined {
  if (!Object.hasOwn(headers, name)) return undefined;
  const v = headers[name];
  if (typeof v === 'string') return v;
  return Array.isArray(v) ? v.join(',') : undefined;
}

/** The request time of header auth: X-Amz-Date, else the Date header. */
export function headerDate(headers: Headers): { amzDate: string; dateMs: number } {
  const amz = header(headers, 'x-amz-date');
  if (amz !== undefined) {
    const dateMs = parseAmzDate(amz);
    if (dateMs === undefined)
      throw incomplete(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'".`);
    return { amzDate: amz, dateMs };
  }
  const date = header(headers, 'date');
  if (date === undefined)
    throw incomplete(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  const parsed = Date.parse(date);
  if (!Number.isFinite(parsed)) throw incomplete('The Date header is not a valid HTTP date.');
  const dateMs = Math.floor(parsed / 1000) * 1000;
  return { amzDate: formatAmzDate(dateMs), dateMs };
}

function notYetCurrent(amzDate: string, now: number): DomainError {
  return new DomainError(
    'RequestExpired',
    `Signature not yet current: ${amzDate} is still later than ` +
      `${formatAmzDate(now + MAX_SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`,
  );
}

export function checkSkew(amzDate: string, dateMs: number, now: number): void {
  if (dateMs < now - MAX_SKEW_MS)
    throw new DomainError(
      'RequestExpired',
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} ` +
        `(${formatAmzDate(now)} - 5 min.)`,
    );
  if (dateMs > now + MAX_SKEW_MS) throw notYetCurrent(amzDate, now);
}

export function checkPresignedExpiry(
  amzDate: string,
  dateMs: number,
  expires: number,
  now: number,
): void {
  const end = dateMs + expires * 1000;
  if (now > end)
    throw new DomainError(
      'RequestExpired',
      `Request has expired: X-Amz-Date ${amzDate} + X-Amz-Expires ${expires} s ended at ` +
        `${formatAmzDate(end)}; it is now ${formatAmzDate(now)}.`,
    );
  if (dateMs > now + MAX_SKEW_MS) throw notYetCurrent(amzDate, now);
}
