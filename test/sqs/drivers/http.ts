/**
 * Raw HTTP for the behaviour suite: one request with node:http (full control over the Host
 * header, the body bytes and the Authorization header), SigV4-signed with the project's
 * signer, plus the two error shapes parsed into one form. The signing options exist so the
 * bad-signature cases can craft what a broken or hostile client would send.
 */
import http from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import { signRequest } from '../../../src/protocols/aws/sigv4/sign.js';

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function httpRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: opts.method ?? 'POST', headers: opts.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

export interface SignOptions {
  /** `none` sends no Authorization header at all. */
  auth?: 'sigv4' | 'none';
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
  service?: string;
  /** Signing time (default: now). */
  now?: Date;
  /** Change one hex digit of the signature after signing. */
  tamperSignature?: boolean;
}

/** POSTs `body` to `endpoint` + `path`, signed (header form) unless `auth: 'none'`. */
export async function signedPost(
  endpoint: string,
  path: string,
  body: string | Buffer,
  headers: Record<string, string>,
  sign: SignOptions = {},
): Promise<HttpResult> {
  const url = new URL(path, endpoint);
  const all: Record<string, string> = { host: url.host, ...headers };
  if (sign.auth !== 'none') {
    const added = signRequest({
      method: 'POST',
      host: url.host,
      path: url.pathname,
      query: url.search.slice(1),
      headers: all,
      body,
      accessKeyId: sign.accessKeyId ?? 'test',
      secretAccessKey: sign.secretAccessKey ?? 'test',
      region: sign.region ?? 'us-east-1',
      service: sign.service ?? 'sqs',
      ...(sign.now ? { now: sign.now } : {}),
    });
    if (sign.tamperSignature) {
      added.authorization = added.authorization!.replace(
        /Signature=([0-9a-f])/,
        (_m, c: string) => `Signature=${c === '0' ? '1' : '0'}`,
      );
    }
    Object.assign(all, added);
  }
  return httpRequest(url.toString(), { headers: all, body });
}

/** An error as a client sees it: the code its protocol carries, HTTP status and message. */
export class SqsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** JSON only: the `x-amzn-query-error` header (the code botocore reports). */
    readonly queryErrorHeader?: string,
    /** JSON only: the shape name of the body's `__type`. */
    readonly jsonType?: string,
  ) {
    super(`${code} (${status}): ${message}`);
    this.name = 'SqsError';
  }
  get errorMessage(): string {
    return this.message.replace(/^[^:]*: /, '');
  }
}

export const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
});

/** `<ErrorResponse><Error><Code>…` → SqsError (query protocol). */
export function queryError(res: HttpResult): SqsError {
  let doc: { ErrorResponse?: { Error?: { Code?: unknown; Message?: unknown } } } | undefined;
  try {
    doc = xml.parse(res.body);
  } catch {
    return new SqsError('<unparseable>', res.body.slice(0, 200), res.status);
  }
  const err = doc?.ErrorResponse?.Error;
  if (!err || typeof err.Code !== 'string')
    return new SqsError('<no ErrorResponse>', res.body.slice(0, 200), res.status);
  return new SqsError(err.Code, typeof err.Message === 'string' ? err.Message : '', res.status);
}

/** `{"__type": "ns#Code", "message"}` → SqsError with the shape name (JSON protocol). */
export function jsonError(res: HttpResult): SqsError {
  let doc: { __type?: unknown; message?: unknown; Message?: unknown } | null;
  try {
    doc = JSON.parse(res.body);
  } catch {
    return new SqsError('<unparseable>', res.body.slice(0, 200), res.status);
  }
  const type = typeof doc?.__type === 'string' ? doc.__type : '<no __type>';
  const header = res.headers['x-amzn-query-error'];
  const shape = type.slice(type.lastIndexOf('#') + 1);
  return new SqsError(
    shape,
    [doc?.message, doc?.Message].find((m): m is string => typeof m === 'string') ?? '',
    res.status,
    typeof header === 'string' ? header : undefined,
    shape,
  );
}
