/**
 * Scalar conversions shared by the AWS codecs: timestamps (ISO 8601, epoch seconds, RFC 822),
 * strict base64, integer ranges. Parsers return `undefined` for text they cannot read; the
 * calling codec turns that into its protocol's error.
 */
import type { TimestampFormat } from './model.js';

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
const MAX_DATE_MS = 8.64e15;

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const EPOCH_SECONDS = /^-?\d{1,15}(?:\.\d{1,9})?$/;
const RFC_822 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Date from ISO 8601 (any fraction, Z or offset), epoch seconds, or RFC 822; else undefined. */
export function parseTimestamp(text: string): Date | undefined {
  if (EPOCH_SECONDS.test(text)) return dateFromMs(Number(text) * 1000);
  const m = ISO_8601.exec(text);
  if (m) return isoDate(m);
  if (RFC_822.test(text)) return dateFromMs(Date.parse(text));
  return undefined;
}

/** Date from JSON epoch seconds (may be fractional). */
export function dateFromEpochSeconds(seconds: number): Date | undefined {
  return dateFromMs(seconds * 1000);
}

function dateFromMs(ms: number): Date | undefined {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return undefined;
  return new Date(Math.round(ms));
}

function isoDate(m: RegExpExecArray): Date | undefined {
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (y === undefined || mo === undefined || d === undefined) return undefined;
  if (h === undefined || mi === undefined || s === undefined) return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  let utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined; // e.g. 02-30
  if (m[9]) {
    const offset = (Number(m[10]) * 60 + Number(m[11])) * 60_000;
    utc += m[9] === '+' ? -offset : offset;
  }
  return dateFromMs(utc);
}

/** A timestamp value from a handler (Date, epoch seconds, or parsable text) as a Date. */
export function toDate(value: unknown): Date {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number'
        ? dateFromEpochSeconds(value)
        : typeof value === 'string'
          ? parseTimestamp(value)
          : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new TypeError(`not a timestamp: ${String(value)}`);
  return date;
}

/** ISO 8601 as AWS writes it: milliseconds only when there are any. */
export function isoTimestamp(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

export function formatTimestamp(value: unknown, format: TimestampFormat): string | number {
  const date = toDate(value);
  if (format === 'unixTimestamp') return date.getTime() / 1000;
  if (format === 'rfc822') return date.toUTCString();
  return isoTimestamp(date);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bytes from standard base64 (padding optional); undefined when the text is not base64. */
export function parseBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const unpadded = text.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return undefined;
  if (text.length !== unpadded.length && text.length % 4 !== 0) return undefined;
  return Buffer.from(unpadded, 'base64');
}

/** Base64 of a blob value from a handler (Buffer/Uint8Array, or a string taken as UTF-8). */
export function toBase64(value: unknown): string {
  if (value instanceof Uint8Array) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('base64');
  throw new TypeError('blob value must be a Uint8Array or string');
}

/** Shortens user input quoted in an error message. */
export function quote(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max)}...` : text;
}
