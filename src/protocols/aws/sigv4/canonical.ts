/**
 * The SigV4 canonical request and string to sign, built from a request exactly as it arrived
 * on the wire (shared by the verifier and the signer, so both always agree).
 *
 *   METHOD \n canonical-path \n canonical-query \n name:value\n... \n signed;headers \n payload-hash
 *
 * Rules (non-S3 services, the way the AWS SDKs' signer applies them):
 * - path: segments normalised (empty and `.` dropped, `..` pops), then every segment of the
 *   already percent-encoded path is encoded once more (`%2F` in a name becomes `%252F`);
 * - query: every parameter but `X-Amz-Signature`, key and value in RFC 3986 canonical form,
 *   sorted by key then value;
 * - headers: the signed names in the order given, values with CR/LF turned into spaces, runs
 *   of spaces/tabs collapsed and the ends trimmed, several values joined by `,`.
 * Header values are byte strings (Node reads header bytes as latin1), so the canonical request
 * is hashed as latin1; values holding chars above U+00FF are first re-read as UTF-8 bytes.
 */
import { hash } from 'node:crypto';
import { encodeAll, normalizeComponent } from './uri-encoding.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Hex SHA-256 of bytes, or of a string's UTF-8 encoding. */
export function sha256Hex(data: Buffer | string): string {
  if (data.length === 0) return EMPTY_SHA256;
  return hash('sha256', data, 'hex');
}

/** A path whose canonical form is itself: no empty, `.` or `..` segments, nothing to encode. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/;

export function canonicalPath(rawPath: string): string {
  if (PLAIN_PATH.test(rawPath)) return rawPath;
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(encodeAll(segment));
  }
  const lead = rawPath.startsWith('/') ? '/' : '';
  const trail = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  return lead + segments.join('/') + trail;
}

/** One query parameter, key and value already in canonical (normalised) encoding. */
export interface QueryParam {
  key: string;
  value: string;
}

/** Splits a raw query string (without `?`) into canonical parameters, in wire order. */
export function parseQuery(rawQuery: string): QueryParam[] {
  const params: QueryParam[] = [];
  if (rawQuery === '') return params;
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    params.push({ key: normalizeComponent(key), value: normalizeComponent(value) });
  }
  return params;
}

const byKeyThenValue = (a: QueryParam, b: QueryParam): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;

export function canonicalQuery(params: readonly QueryParam[]): string {
  if (params.length === 0) return '';
  const kept = params.filter((p) => p.key.toLowerCase() !== 'x-amz-signature');
  kept.sort(byKeyThenValue);
  let out = '';
  for (let i = 0; i < kept.length; i++) {
    const p = kept[i]!;
    out += (i === 0 ? '' : '&') + p.key + '=' + p.value;
  }
  return out;
}

const NEEDS_TRIM = /[\t\r\n]| {2}|^ | $/;
const WIDE_CHAR = /[\u0100-\uffff]/;

function canonicalValue(v: string): string {
  const latin1 = WIDE_CHAR.test(v) ? Buffer.from(v, 'utf8').toString('latin1') : v;
  if (!NEEDS_TRIM.test(latin1)) return latin1;
  return latin1
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
}

/** The canonical value of one header: absent is empty, several values are joined by `,`. */
export function canonicalHeaderValue(v: string | readonly string[] | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return canonicalValue(v);
  return v.map(canonicalValue).join(',');
}

export interface CanonicalParts {
  method: string;
  path: string; // canonical
  query: string; // canonical
  /** Lower-case names in signed order, and `name:value\n` lines for each. */
  signedHeaders: string;
  headerLines: string;
  payloadHash: string;
}

export function canonicalRequest(p: CanonicalParts): string {
  return `${p.method}\n${p.path}\n${p.query}\n${p.headerLines}\n${p.signedHeaders}\n${p.payloadHash}`;
}

/** `AWS4-HMAC-SHA256 \n 20240101T000000Z \n scope \n hex(sha256(canonical request))`. */
export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  const digest = hash('sha256', Buffer.from(canonical, 'latin1'), 'hex');
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${digest}`;
}
