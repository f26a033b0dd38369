/**
 * Reading presigned-URL authentication (`X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`,
 * `X-Amz-Expires`, `X-Amz-SignedHeaders`, `X-Amz-Signature` query parameters).
 *
 * AWS (S3) reports malformed presigned parameters as `AuthorizationQueryParametersError`;
 * Switchyard's catalogue has no such entry and the non-S3 services answer with the generic
 * authentication codes, so every problem here is IncompleteSignature with S3's wording,
 * e.g. "X-Amz-Expires must be less than a week (in seconds) that is 604800".
 */
import { type AuthParams, incomplete, parseAmzDate, toAuthParams } from './auth-params.js';
import { ALGORITHM, type QueryParam } from './canonical.js';
import { decodeComponent } from './uri-encoding.js';

/** Longest presigned validity AWS allows: 7 days, in seconds. */
export const MAX_PRESIGNED_EXPIRES = 604_800;

export interface PresignedAuth {
  auth: AuthParams;
  amzDate: string;
  dateMs: number;
  expiresSeconds: number;
}

const REQUIRED = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-Date',
  'X-Amz-SignedHeaders',
  'X-Amz-Expires',
] as const;
type Required = (typeof REQUIRED)[number];

const MISSING =
  "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', " +
  "'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', and 'X-Amz-Expires'. " +
  'Re-examine the query-string parameters.';

/** True when the query carries presigned authentication (or an attempt at it). */
export function looksPresigned(params: readonly QueryParam[]): boolean {
  return params.some((p) => p.key === 'X-Amz-Signature' || p.key === 'X-Amz-Algorithm');
}

/** The decoded value of a parameter, or undefined; a repeated parameter is an error. */
export function singleParam(params: readonly QueryParam[], key: string): string | undefined {
  let found: string | undefined;
  for (const p of params) {
    if (p.key !== key) continue;
    if (found !== undefined) throw incomplete(`Query parameter '${key}' appears more than once.`);
    found = decodeComponent(p.value);
  }
  return found;
}

export function parsePresigned(params: readonly QueryParam[]): PresignedAuth {
  const v = {} as Record<Required, string>;
  for (const key of REQUIRED) {
    const value = singleParam(params, key);
    if (value === undefined || value === '') throw incomplete(MISSING);
    v[key] = value;
  }
  if (v['X-Amz-Algorithm'] !== ALGORITHM)
    throw incomplete(`X-Amz-Algorithm only supports "${ALGORITHM}".`);
  const dateMs = parseAmzDate(v['X-Amz-Date']);
  if (dateMs === undefined)
    throw incomplete(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'".`);
  const expires = v['X-Amz-Expires'];
  if (!/^\d{1,16}$/.test(expires)) throw incomplete('X-Amz-Expires should be a number.');
  const expiresSeconds = Number(expires);
  if (expiresSeconds < 1) throw incomplete('X-Amz-Expires must be at least 1 second.');
  if (expiresSeconds > MAX_PRESIGNED_EXPIRES)
    throw incomplete(
      `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGNED_EXPIRES}.`,
    );
  const auth = toAuthParams(
    v['X-Amz-Credential'],
    v['X-Amz-SignedHeaders'],
    v['X-Amz-Signature'],
    'X-Amz-SignedHeaders',
  );
  return { auth, amzDate: v['X-Amz-Date'], dateMs, expiresSeconds };
}
