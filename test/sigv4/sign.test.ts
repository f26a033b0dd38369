/**
 * The minimal signer (sign.ts): byte-identical signatures to `@smithy/signature-v4` for the
 * same inputs, and requests it signs are accepted by the verifier.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SignRequestInput, signRequest } from '../../src/protocols/aws/sigv4/sign.js';
import { type SigV4Request, verifySigV4 } from '../../src/protocols/aws/sigv4/verify.js';
import { AKID, ACCOUNT, SECRET, T0, lookup, signer, httpRequest, wireQuery } from './helpers.js';

interface Case {
  method: string;
  host: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: string | Buffer;
}

function ours(c: Case, payloadHashHeader = true, now = T0): Record<string, string> {
  const input: SignRequestInput = {
    method: c.method,
    host: c.host,
    path: c.path,
    query: wireQuery(c.query),
    headers: c.headers,
    body: c.body,
    accessKeyId: AKID,
    secretAccessKey: SECRET,
    region: 'us-east-1',
    service: 'sqs',
    now: new Date(now),
    payloadHashHeader,
  };
  return signRequest(input);
}

async function reference(c: Case, applyChecksum = true, now = T0): Promise<Record<string, string>> {
  const req = httpRequest({ ...c, body: c.body });
  const signed = await signer({ applyChecksum }).sign(req, { signingDate: new Date(now) });
  return (signed as typeof req).headers;
}

/** The request as our server receives it when the signer's headers are added. */
function onTheWire(c: Case, added: Record<string, string>): SigV4Request {
  const qs = wireQuery(c.query);
  const headers: Record<string, string> = { host: c.host };
  for (const [k, v] of Object.entries({ ...c.headers, ...added }))
    headers[k.toLowerCase()] = Buffer.from(v, 'utf8').toString('latin1');
  return {
    method: c.method,
    rawUrl: c.path + (qs ? `?${qs}` : ''),
    headers,
    body: Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body),
  };
}

const FIXED: Case[] = [
  {
    method: 'POST',
    host: 'localhost:4566',
    path: '/',
    query: {},
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'AmazonSQS.ListQueues',
    },
    body: '{}',
  },
  {
    method: 'POST',
    host: 'localhost:4566',
    path: '/000000000000/my-queue',
    query: {},
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'User-Agent': 'switchyard-bench/1.0',
      'X-Amzn-Trace-Id': 'Root=1-abc',
    },
    body: 'Action=SendMessage&MessageBody=hi%20there',
  },
  {
    method: 'GET',
    host: 'sqs.internal',
    path: '/a%20b/./c/../d',
    query: { Action: 'ListQueues', 'we ird': 'x/y+z ☃', multi: ['2', '1'] },
    headers: { 'x-amz-meta-k': '  spaced   out  ' },
    body: '',
  },
];

describe('signRequest', () => {
  it.each(FIXED.map((c, i) => [i, c] as const))(
    'case %i is byte-identical to smithy',
    async (_, c) => {
      for (const hashHeader of [true, false]) {
        const mine = ours(c, hashHeader);
        const ref = await reference(c, hashHeader);
        expect(mine.authorization).toBe(ref.authorization);
        expect(mine['x-amz-date']).toBe(ref['x-amz-date']);
        expect(mine['x-amz-content-sha256']).toBe(ref['x-amz-content-sha256']);
        expect(verifySigV4(onTheWire(c, mine), { lookup, now: T0 })).toEqual({
          accessKeyId: AKID,
          accountId: ACCOUNT,
          region: 'us-east-1',
          service: 'sqs',
          presigned: false,
        });
      }
    },
  );

  it('returns only the headers to add, and a caller-supplied content hash is kept', () => {
    const c = FIXED[0]!;
    expect(Object.keys(ours(c)).sort()).toEqual([
      'authorization',
      'x-amz-content-sha256',
      'x-amz-date',
    ]);
    expect(Object.keys(ours(c, false)).sort()).toEqual(['authorization', 'x-amz-date']);
    const unsigned = {
      ...c,
      body: '',
      headers: { ...c.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    };
    const added = ours(unsigned);
    expect(added['x-amz-content-sha256']).toBeUndefined();
    expect(verifySigV4(onTheWire(unsigned, added), { lookup, now: T0 }).accessKeyId).toBe(AKID);
  });

  it('uses the current time by default', () => {
    const c = FIXED[0]!;
    const input: SignRequestInput = {
      ...c,
      query: '',
      accessKeyId: AKID,
      secretAccessKey: SECRET,
      region: 'us-east-1',
      service: 'sqs',
    };
    const added = signRequest(input);
    expect(verifySigV4(onTheWire(c, added), { lookup, now: Date.now() }).accessKeyId).toBe(AKID);
  });

  it('signs a different date with a freshly derived key', async () => {
    const c = FIXED[0]!;
    const later = T0 + 3 * 86_400_000;
    expect(ours(c, true, later).authorization).toBe(
      (await reference(c, true, later)).authorization,
    );
  });
});

const text = (max: number) =>
  fc
    .oneof(fc.string({ maxLength: max }), fc.string({ unit: 'grapheme', maxLength: max }))
    .map((s) => [...s].map((c) => (c !== '\t' && (c < ' ' || c === '\u007f') ? '_' : c)).join(''));
const caseArb: fc.Arbitrary<Case> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  host: fc.constantFrom('localhost:4566', 'sqs.us-east-1.example.com'),
  path: fc
    .array(
      fc.oneof(
        fc.stringMatching(/^[A-Za-z0-9\-._~!$&'()*+,;=:@%]{1,10}$/),
        fc.constantFrom('.', '..'),
      ),
      {
        maxLength: 5,
      },
    )
    .map((s) => '/' + s.join('/')),
  query: fc.dictionary(
    text(8).filter((k) => k !== '' && k !== '__proto__'),
    fc.oneof(text(12), fc.array(text(6), { minLength: 1, maxLength: 3 })),
    {
      maxKeys: 5,
    },
  ),
  headers: fc.dictionary(fc.stringMatching(/^x-(amz-meta|custom)-[a-z]{1,8}$/), text(16), {
    maxKeys: 4,
  }),
  body: fc.oneof(
    text(100),
    fc.uint8Array({ maxLength: 100 }).map((b) => Buffer.from(b)),
  ),
});

describe('property: byte-identical to smithy and accepted by the verifier', () => {
  it('random requests', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, fc.boolean(), async (c, hashHeader) => {
        const mine = ours(c, hashHeader);
        expect(mine.authorization).toBe((await reference(c, hashHeader)).authorization);
        expect(verifySigV4(onTheWire(c, mine), { lookup, now: T0 }).accessKeyId).toBe(AKID);
      }),
      { numRuns: 400 },
    );
  });
});
