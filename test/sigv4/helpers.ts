/**
 * Shared fixtures for the SigV4 tests: credentials, a fixed clock, and requests signed by the
 * reference signer (`@smithy/signature-v4`) turned into what our HTTP server would receive
 * (header names lower-cased, header values as Node's latin1 byte strings, the query string
 * serialised the way the SDK's HTTP handler does).
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { expect } from 'vitest';
import { DomainError } from '../../src/core/errors/domain-error.js';
import type { ErrorId } from '../../src/core/errors/catalogue.js';
import type { Credential, SigV4Request } from '../../src/protocols/aws/sigv4/verify.js';

export const AKID = 'AKIDSWITCHYARD00001';
export const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
export const ACCOUNT = '000000000000';
/** A second key one character away from AKID, with another secret and account. */
export const NEIGHBOUR_AKID = 'AKIDSWITCHYARD00002';
export const NEIGHBOUR_ACCOUNT = '111111111111';

export const T0 = Date.UTC(2024, 0, 15, 12, 30, 45);
export const REGION = 'us-east-1';
export const SERVICE = 'sqs';

export function lookup(accessKeyId: string): Credential | undefined {
  if (accessKeyId === AKID) return { secretAccessKey: SECRET, accountId: ACCOUNT };
  if (accessKeyId === NEIGHBOUR_AKID)
    return { secretAccessKey: 'another-secret', accountId: NEIGHBOUR_ACCOUNT };
  return undefined;
}

export interface RequestSpec {
  method?: string;
  host?: string;
  path?: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface SignOptions {
  now?: number;
  applyChecksum?: boolean;
  sessionToken?: string;
  region?: string;
  service?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export function signer(o: SignOptions = {}): SignatureV4 {
  return new SignatureV4({
    service: o.service ?? SERVICE,
    region: o.region ?? REGION,
    sha256: Sha256,
    applyChecksum: o.applyChecksum ?? true,
    credentials: {
      accessKeyId: o.accessKeyId ?? AKID,
      secretAccessKey: o.secretAccessKey ?? SECRET,
      ...(o.sessionToken !== undefined ? { sessionToken: o.sessionToken } : {}),
    },
  });
}

export function httpRequest(spec: RequestSpec): HttpRequest {
  const host = spec.host ?? 'localhost:4566';
  return new HttpRequest({
    method: spec.method ?? 'POST',
    protocol: 'http:',
    hostname: host,
    path: spec.path ?? '/',
    query: spec.query ?? {},
    headers: { host, ...(spec.headers ?? {}) },
    ...(spec.body !== undefined ? { body: spec.body } : {}),
  });
}

/** RFC 3986 escaping as the SDK's query-string builder does it. */
export const escapeUri = (s: string): string =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The query string the SDK's HTTP handler puts on the wire. */
export function wireQuery(query: Record<string, string | string[] | null>): string {
  const parts: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (Array.isArray(value))
      for (const v of value) parts.push(`${escapeUri(key)}=${escapeUri(v)}`);
    else if (typeof value === 'string') parts.push(`${escapeUri(key)}=${escapeUri(value)}`);
    else parts.push(escapeUri(key));
  }
  return parts.join('&');
}

/** What Node hands our server for a request the SDK sends: lower-case names, latin1 values. */
export function toWire(req: HttpRequest): SigV4Request {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name.toLowerCase()] = Buffer.from(value, 'utf8').toString('latin1');
  }
  const qs = wireQuery(req.query);
  const body: unknown = req.body;
  return {
    method: req.method,
    rawUrl: req.path + (qs === '' ? '' : `?${qs}`),
    headers,
    body:
      body === undefined || body === null
        ? Buffer.alloc(0)
        : Buffer.isBuffer(body)
          ? body
          : Buffer.from(body as string, 'utf8'),
  };
}

export async function smithySign(spec: RequestSpec, o: SignOptions = {}): Promise<SigV4Request> {
  const signed = await signer(o).sign(httpRequest(spec), { signingDate: new Date(o.now ?? T0) });
  return toWire(signed as HttpRequest);
}

export async function smithyPresign(
  spec: RequestSpec,
  o: SignOptions & { expiresIn?: number } = {},
): Promise<SigV4Request> {
  const signed = await signer(o).presign(httpRequest({ method: 'GET', ...spec }), {
    signingDate: new Date(o.now ?? T0),
    expiresIn: o.expiresIn ?? 3600,
  });
  return toWire(signed as HttpRequest);
}

/** Runs `fn` and returns the DomainError id it throws; fails the test on anything else. */
export function errorId(fn: () => unknown): ErrorId | 'accepted' {
  try {
    fn();
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).id;
  }
}

export function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}

export const withHeaders = (
  req: SigV4Request,
  headers: Record<string, string | string[] | undefined>,
): SigV4Request => ({ ...req, headers: { ...req.headers, ...headers } });

export const authHeader = (req: SigV4Request): string => {
  const v = req.headers.authorization;
  if (typeof v !== 'string') throw new Error('no authorization header');
  return v;
};
