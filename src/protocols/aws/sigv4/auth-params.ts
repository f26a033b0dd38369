/**
 * Parsing the SigV4 authentication parameters, without verifying anything: the
 * `Authorization` header (`AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`), the
 * credential scope (`AKID/YYYYMMDD/region/service/aws4_request`) and ISO 8601 basic dates
 * (`20240101T000000Z`). Problems are reported as IncompleteSignature with an AWS-like message
 * that never echoes the signature.
 */
import { DomainError } from '../../../core/errors/domain-error.js';
import { ALGORITHM } from './canonical.js';

export interface CredentialScope {
  accessKeyId: string;
  date: string; // YYYYMMDD
  region: string;
  service: string;
}

export interface AuthParams extends CredentialScope {
  /** `YYYYMMDD/region/service/aws4_request`, as it enters the string to sign. */
  scope: string;
  /** The signed header list exactly as given (`host;x-amz-date`), and split. */
  signedHeaders: string;
  headerNames: string[];
  signature: string;
}

export const incomplete = (message: string): DomainError =>
  new DomainError('IncompleteSignature', message);

const SCOPE_FORM = '"<AccessKeyId>/YYYYMMDD/REGION/SERVICE/aws4_request"';
const DATE8 = /^\d{8}$/;

/** Parses a credential; returns an error message instead of throwing (peek uses it too). */
export function parseCredential(credential: string): CredentialScope | string {
  const parts = credential.split('/');
  if (parts.length !== 5) return `Credential is malformed; expecting ${SCOPE_FORM}.`;
  const [accessKeyId = '', date = '', region = '', service = '', terminator] = parts;
  if (accessKeyId === '') return `Credential is malformed: the access key id is empty.`;
  if (!DATE8.test(date)) return `Credential is malformed: the date must be YYYYMMDD.`;
  if (region === '') return 'Credential should be scoped to a valid region.';
  if (service === '') return 'Credential should be scoped to a valid service.';
  if (terminator !== 'aws4_request')
    return "Credential should be scoped with a valid terminator: 'aws4_request'.";
  return { accessKeyId, date, region, service };
}

/** Splits a SignedHeaders list; `host` must be signed. */
export function parseSignedHeaders(list: string, where: string): string[] {
  const names = list.split(';');
  if (!names.includes('host'))
    throw incomplete(`'Host' or ':authority' must be a 'SignedHeader' in the ${where}.`);
  return names;
}

export function toAuthParams(
  credential: string,
  signedHeaders: string,
  signature: string,
  where: string,
): AuthParams {
  const scope = parseCredential(credential);
  if (typeof scope === 'string') throw incomplete(scope);
  return {
    accessKeyId: scope.accessKeyId,
    date: scope.date,
    region: scope.region,
    service: scope.service,
    scope: `${scope.date}/${scope.region}/${scope.service}/aws4_request`,
    signedHeaders,
    headerNames: parseSignedHeaders(signedHeaders, where),
    signature,
  };
}

type AuthField = 'Credential' | 'SignedHeaders' | 'Signature';
const FIELDS: readonly AuthField[] = ['Credential', 'SignedHeaders', 'Signature'];

/** Splits an Authorization header into its three fields (any order, `, ` or `,` separated). */
export function authorizationFields(header: string): Partial<Record<AuthField, string>> | string {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM)
    return `Unsupported authorization type; only '${ALGORITHM}' is accepted.`;
  const fields: Partial<Record<AuthField, string>> = {};
  for (const raw of header.slice(algorithm.length).split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if (!(FIELDS as readonly string[]).includes(name)) continue;
    if (fields[name as AuthField] !== undefined)
      return `Authorization header has more than one '${name}' parameter.`;
    fields[name as AuthField] = eq < 0 ? '' : part.slice(eq + 1).trim();
  }
  return fields;
}

/** Parses a whole Authorization header or throws IncompleteSignature. */
export function parseAuthorizationHeader(header: string): AuthParams {
  const fields = authorizationFields(header);
  if (typeof fields === 'string') throw incomplete(fields);
  const missing = FIELDS.filter((f) => !fields[f]).map(
    (f) => `Authorization header requires '${f}' parameter.`,
  );
  if (missing.length > 0) throw incomplete(missing.join(' '));
  return toAuthParams(
    fields.Credential ?? '',
    fields.SignedHeaders ?? '',
    fields.Signature ?? '',
    'AWS Authorization',
  );
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

// Most requests in any one second share their X-Amz-Date: remember the last one parsed.
let lastDate = '';
let lastDateMs = 0;

/** Epoch ms of an ISO 8601 basic date-time (`20240101T000000Z`), or undefined if invalid. */
export function parseAmzDate(s: string): number | undefined {
  if (s === lastDate) return lastDateMs;
  const ms = parseAmzDateUncached(s);
  if (ms !== undefined) {
    lastDate = s;
    lastDateMs = ms;
  }
  return ms;
}

function parseAmzDateUncached(s: string): number | undefined {
  const m = AMZ_DATE.exec(s);
  if (m === null) return undefined;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // unlike Date.UTC, keeps years 0000-0099 as written
  date.setUTCHours(h, mi, se);
  if (date.getUTCDate() !== d) return undefined; // e.g. 20240230
  return date.getTime();
}

/** The ISO 8601 basic form of an epoch ms (seconds precision). */
export function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
}
