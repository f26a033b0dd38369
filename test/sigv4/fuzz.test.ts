/**
 * Fuzzing the verifier: arbitrary Authorization headers, URLs, header maps and bodies only ever
 * produce a DomainError (never another exception, never success), each within a bounded time,
 * and peekCredentialScope never throws.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors/domain-error.js';
import {
  peekCredentialScope,
  type SigV4Request,
  verifySigV4,
} from '../../src/protocols/aws/sigv4/verify.js';
import { AKID, T0, lookup } from './helpers.js';

const BOUND_MS = 50;

const seen = new Set<string>();

function timed(req: SigV4Request): { ms: number; thrown: unknown } {
  const started = performance.now();
  try {
    verifySigV4(req, { lookup, now: T0 });
    return { ms: performance.now() - started, thrown: undefined };
  } catch (e) {
    return { ms: performance.now() - started, thrown: e };
  }
}

function check(req: SigV4Request): void {
  const first = timed(req);
  const thrown = first.thrown;
  let ms = first.ms;
  // A slow call is re-timed twice: a GC pause or a busy machine must not fail the bound,
  // slowness that comes from the input (a super-linear path) is there every time.
  for (let retry = 0; retry < 2 && ms >= BOUND_MS; retry++) ms = Math.min(ms, timed(req).ms);
  expect(ms).toBeLessThan(BOUND_MS);
  expect(thrown).toBeInstanceOf(DomainError);
  seen.add((thrown as DomainError).id);
  expect(() => peekCredentialScope(req)).not.toThrow();
}

const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** Pieces of real SigV4 syntax, so the fuzzer gets deep into the parsers. */
const fragment = fc.oneof(
  anyText,
  fc.constantFrom(
    'AWS4-HMAC-SHA256 ',
    'Credential=',
    'SignedHeaders=',
    'Signature=',
    `${AKID}/20240115/us-east-1/sqs/aws4_request`,
    `${AKID}/`,
    '20240115/',
    'us-east-1/',
    'sqs/',
    'aws4_request',
    'host;x-amz-date',
    'host',
    ', ',
    ',',
    '=',
    ';',
    '/',
    ' ',
    '0'.repeat(64),
    'a'.repeat(64),
  ),
);
const concatenated = fc.array(fragment, { maxLength: 12 }).map((a) => a.join(''));

/** Near-valid headers: each field valid, garbled or absent, in any order. */
const field = (name: string, valid: string, ...more: fc.Arbitrary<string>[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(`${name}=${valid}`) },
    ...more.map((m) => m.map((v) => `${name}=${v}`)),
    fc.constant(''),
    anyText.map((v) => `${name}=${v}`),
    fragment.map((v) => `${name}=${valid}${v}`),
  );
const structured = fc
  .tuple(
    fc.constantFrom('AWS4-HMAC-SHA256 ', 'AWS4-HMAC-SHA256  ', 'AWS4-HMAC-SHA256'),
    fc.shuffledSubarray(
      [
        field(
          'Credential',
          `${AKID}/20240115/us-east-1/sqs/aws4_request`,
          fc
            .stringMatching(/^AKID[A-Z0-9]{0,6}$/)
            .map((k) => `${k}/20240115/us-east-1/sqs/aws4_request`),
        ),
        field('SignedHeaders', 'host;x-amz-date'),
        field('Signature', '0'.repeat(64)),
      ],
      { minLength: 3 },
    ),
    fc.constantFrom(', ', ',', ' , '),
  )
  .chain(([alg, fields, sep]) => fc.tuple(...fields).map((f) => alg + f.join(sep)));
const authorization = fc.oneof(concatenated, structured);

const queryFragment = fc.oneof(
  anyText,
  fc.constantFrom(
    'X-Amz-Algorithm=AWS4-HMAC-SHA256',
    `X-Amz-Credential=${AKID}%2F20240115%2Fus-east-1%2Fsqs%2Faws4_request`,
    'X-Amz-Date=20240115T123045Z',
    'X-Amz-Expires=60',
    'X-Amz-Expires=604801',
    'X-Amz-SignedHeaders=host',
    `X-Amz-Signature=${'0'.repeat(64)}`,
    'X-Amz-Content-Sha256=UNSIGNED-PAYLOAD',
    'Action=SendMessage',
    '%',
    '%zz',
    '%C3%A9',
    '%ED%A0%80',
    '+',
    '=',
    '&',
    '?',
  ),
);
const rawUrl = fc
  .tuple(
    fc.oneof(anyText, fc.constant('/000000000000/q1')),
    fc.array(queryFragment, { maxLength: 10 }),
  )
  .map(([path, q]) => `${path}?${q.join('&')}`);

const headerValue = fc.oneof(anyText, fc.array(anyText, { maxLength: 3 }), fc.constant(undefined));
const headerName = fc.oneof(
  fc.constantFrom(
    'host',
    'x-amz-date',
    'date',
    'x-amz-content-sha256',
    'authorization',
    'content-type',
    '__proto__',
    'constructor',
    'toString',
  ),
  fc.string({ maxLength: 12 }),
);
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 8 });
const amzDate = fc.oneof(
  fc.constant('20240115T123045Z'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace(/[-:]|\.\d{3}/g, '')),
  anyText,
);

const request = fc.record({
  method: fc.oneof(fc.constantFrom('GET', 'POST'), anyText),
  rawUrl: fc.oneof(rawUrl, anyText),
  headers: fc
    .record({ authorization, 'x-amz-date': amzDate, host: anyText })
    .chain((base) => headers.map((extra) => ({ ...extra, ...base }))),
  body: fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
});

describe('fuzz: only DomainErrors, in bounded time', () => {
  it('arbitrary Authorization headers', () => {
    fc.assert(
      fc.property(authorization, amzDate, (auth, date) =>
        check({
          method: 'POST',
          rawUrl: '/',
          headers: { host: 'localhost', authorization: auth, 'x-amz-date': date },
          body: Buffer.alloc(0),
        }),
      ),
      { numRuns: 3000 },
    );
    // the generators reach every stage of verification
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'IncompleteSignature',
        'InvalidClientTokenId',
        'RequestExpired',
        'SignatureDoesNotMatch',
      ]),
    );
  });

  it('arbitrary URLs (presigned parameters)', () => {
    fc.assert(
      fc.property(rawUrl, (url) =>
        check({
          method: 'GET',
          rawUrl: url,
          headers: { host: 'localhost' },
          body: Buffer.alloc(0),
        }),
      ),
      { numRuns: 3000 },
    );
  });

  it('arbitrary header maps and whole requests', () => {
    fc.assert(
      fc.property(request, (req) => check(req)),
      { numRuns: 3000 },
    );
  });

  it('arbitrary header maps with a well-formed Authorization header', () => {
    const auth = `AWS4-HMAC-SHA256 Credential=${AKID}/20240115/us-east-1/sqs/aws4_request, SignedHeaders=__proto__;constructor;host;toString;x-amz-date, Signature=${'0'.repeat(64)}`;
    fc.assert(
      fc.property(headers, (extra) =>
        check({
          method: 'GET',
          rawUrl: '/',
          headers: { ...extra, authorization: auth, 'x-amz-date': '20240115T123045Z' },
          body: Buffer.alloc(0),
        }),
      ),
      { numRuns: 2000 },
    );
  });

  it('huge inputs stay fast', () => {
    const big = 'a'.repeat(200_000);
    const pct = '%E2%98%83'.repeat(20_000);
    const many = Array.from({ length: 20_000 }, (_, i) => `k${i % 97}=${i}`).join('&');
    for (const req of [
      {
        method: 'GET',
        rawUrl: `/${big}?${many}`,
        headers: { authorization: big },
        body: Buffer.alloc(0),
      },
      {
        method: 'GET',
        rawUrl: `/${pct}/${pct}?${pct}=${pct}&X-Amz-Signature=${pct}`,
        headers: {},
        body: Buffer.alloc(0),
      },
      {
        method: 'GET',
        rawUrl: '/',
        headers: { authorization: `AWS4-HMAC-SHA256 ${', '.repeat(50_000)}`, 'x-amz-date': big },
        body: Buffer.alloc(1 << 20),
      },
      {
        method: 'GET',
        rawUrl: `/?${many}`,
        headers: {
          authorization: `AWS4-HMAC-SHA256 Credential=${AKID}/20240115/us-east-1/sqs/aws4_request, SignedHeaders=host;${'x;'.repeat(10_000)}, Signature=0`,
          'x-amz-date': '20240115T123045Z',
          host: ' \t '.repeat(30_000),
        },
        body: Buffer.alloc(0),
      },
    ] satisfies SigV4Request[])
      check(req);
  });
});
