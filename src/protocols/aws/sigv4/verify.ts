/**
 * Server-side AWS Signature Version 4 verification (header and presigned-URL forms), run on
 * every request. Checks, in order (the first failure decides the error):
 *
 *  1. scheme: an Authorization header, else presigned query parameters, else
 *     MissingAuthenticationToken;
 *  2. form of the parameters, credential scope, date and `host` being signed →
 *     IncompleteSignature;
 *  3. the access key id is known → InvalidClientTokenId;
 *  4. time: header auth within ±5 min of `now`; presigned not past X-Amz-Date + X-Amz-Expires
 *     and not more than 5 min ahead → RequestExpired;
 *  5. the scope date is the request's date; a declared `x-amz-content-sha256` matches the
 *     body; the signature matches (constant-time) → SignatureDoesNotMatch.
 *
 * Cost: one SHA-256 of the body, one of the canonical request and one HMAC; the four-HMAC
 * signing key derivation is cached (signing-key.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../../core/errors/domain-error.js';
import {
  type AuthParams,
  authorizationFields,
  parseAuthorizationHeader,
  parseCredential,
} from './auth-params.js';
import {
  canonicalHeaderValue,
  canonicalPath,
  canonicalQuery,
  canonicalRequest,
  parseQuery,
  type QueryParam,
  sha256Hex,
  stringToSign,
} from './canonical.js';
import { looksPresigned, parsePresigned, singleParam } from './presigned.js';
import { checkPresignedExpiry, checkSkew, header, headerDate } from './request-time.js';
import { signatureHex, signingKey } from './signing-key.js';
import { decodeComponent } from './uri-encoding.js';

export interface SigV4Request {
  method: string;
  /** Path plus raw query string exactly as received, e.g. `/000000000000/q1?Action=X`. */
  rawUrl: string;
  /** Node's IncomingHttpHeaders: lower-case names, values as latin1 byte strings. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
export interface Credential {
  secretAccessKey: string;
  accountId: string;
}
export interface VerifiedCaller {
  accessKeyId: string;
  accountId: string;
  region: string;
  service: string;
  presigned: boolean;
}

export { MAX_SKEW_MS } from './request-time.js';

type Headers = SigV4Request['headers'];

const mismatch = (message?: string): DomainError =>
  new DomainError('SignatureDoesNotMatch', message);

function splitUrl(rawUrl: string): { path: string; params: QueryParam[] } {
  const q = rawUrl.indexOf('?');
  if (q < 0) return { path: rawUrl, params: [] };
  return { path: rawUrl.slice(0, q), params: parseQuery(rawUrl.slice(q + 1)) };
}

/** The payload hash entering the canonical request; a declared hash must be the body's. */
function payloadHash(req: SigV4Request, params: QueryParam[], presigned: boolean): string {
  let declared = header(req.headers, 'x-amz-content-sha256');
  if (declared === undefined && presigned) declared = singleParam(params, 'X-Amz-Content-Sha256');
  if (declared === undefined) return sha256Hex(req.body);
  if (declared === 'UNSIGNED-PAYLOAD') {
    if (req.body.length > 0)
      throw mismatch('UNSIGNED-PAYLOAD is accepted only for requests without a body.');
    return declared;
  }
  if (declared !== sha256Hex(req.body))
    throw mismatch("The provided 'x-amz-content-sha256' header does not match what was computed.");
  return declared;
}

function headerLines(auth: AuthParams, headers: Headers): string {
  let lines = '';
  for (const name of auth.headerNames) {
    const key = name.toLowerCase();
    const v = Object.hasOwn(headers, key) ? headers[key] : undefined;
    lines += `${name}:${canonicalHeaderValue(v)}\n`;
  }
  return lines;
}

export function verifySigV4(
  req: SigV4Request,
  opts: { lookup: (accessKeyId: string) => Credential | undefined; now: number },
): VerifiedCaller {
  // Fail closed: with NaN every clock comparison would be false, i.e. never expired.
  if (!Number.isFinite(opts.now)) throw new TypeError('verifySigV4: now must be epoch ms');
  const { path, params } = splitUrl(req.rawUrl);
  const authorization = header(req.headers, 'authorization');
  let auth: AuthParams;
  let amzDate: string;
  let dateMs: number;
  let expiresSeconds = 0;
  const presigned = authorization === undefined || authorization === '';
  if (!presigned) {
    auth = parseAuthorizationHeader(authorization);
    ({ amzDate, dateMs } = headerDate(req.headers));
  } else if (looksPresigned(params)) {
    ({ auth, amzDate, dateMs, expiresSeconds } = parsePresigned(params));
  } else {
    throw new DomainError('MissingAuthenticationToken');
  }

  const credential = opts.lookup(auth.accessKeyId);
  if (credential === undefined) throw new DomainError('InvalidClientTokenId');

  if (presigned) checkPresignedExpiry(amzDate, dateMs, expiresSeconds, opts.now);
  else checkSkew(amzDate, dateMs, opts.now);

  if (auth.date !== amzDate.slice(0, 8))
    throw mismatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from ` +
        `HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );

  const canonical = canonicalRequest({
    method: req.method,
    path: canonicalPath(path),
    query: canonicalQuery(params),
    headerLines: headerLines(auth, req.headers),
    signedHeaders: auth.signedHeaders,
    payloadHash: payloadHash(req, params, presigned),
  });
  const key = signingKey(credential.secretAccessKey, auth.date, auth.region, auth.service);
  const expected = signatureHex(key, stringToSign(amzDate, auth.scope, canonical));
  const given = auth.signature;
  if (
    given.length !== expected.length ||
    !timingSafeEqual(Buffer.from(given, 'latin1'), Buffer.from(expected, 'latin1'))
  )
    throw mismatch();

  return {
    accessKeyId: auth.accessKeyId,
    accountId: credential.accountId,
    region: auth.region,
    service: auth.service,
    presigned,
  };
}

/** Cheap parse without verification: the credential scope, or undefined (for routing). */
export function peekCredentialScope(
  req: SigV4Request,
): { accessKeyId: string; region: string; service: string } | undefined {
  let credential: string | undefined;
  const authorization = header(req.headers, 'authorization');
  if (authorization !== undefined && authorization !== '') {
    const fields = authorizationFields(authorization);
    if (typeof fields !== 'string') credential = fields.Credential;
  } else {
    const q = req.rawUrl.indexOf('?');
    const prefix = 'X-Amz-Credential=';
    const part =
      q < 0
        ? undefined
        : req.rawUrl
            .slice(q + 1)
            .split('&')
            .find((p) => p.startsWith(prefix));
    if (part !== undefined) credential = decodeComponent(part.slice(prefix.length));
  }
  if (credential === undefined) return undefined;
  const scope = parseCredential(credential);
  if (typeof scope === 'string') return undefined;
  return { accessKeyId: scope.accessKeyId, region: scope.region, service: scope.service };
}
