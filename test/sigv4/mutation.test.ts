/**
 * Mutation tests: changing any single byte of any signed part of a valid request — method,
 * path, query, each signed header value, body, X-Amz-Date, the credential (access key, date,
 * region, service) or the signature — must be rejected, with the right error id. Systematic
 * loops over every position (with a bounded set of replacement characters), plus fast-check
 * for random positions and bytes.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorId } from '../../src/core/errors/catalogue.js';
import { type SigV4Request, verifySigV4 } from '../../src/protocols/aws/sigv4/verify.js';
import { AKID, NEIGHBOUR_AKID, T0, errorId, lookup, smithyPresign, smithySign } from './helpers.js';

/** Replacement characters tried at every position (printable ASCII sample plus bytes ≥ 0x80). */
const REPLACEMENTS = [...'aZ09-_.~/%?&=+ ,;:!*()\'"@#$', '\t', '\u00e9', '\u00ff'];

const verdict = (req: SigV4Request, now = T0): ErrorId | 'accepted' =>
  errorId(() => verifySigV4(req, { lookup, now }));

const replaceAt = (s: string, i: number, c: string): string => s.slice(0, i) + c + s.slice(i + 1);

/** A hex digit of a `%XX` escape changed only in case encodes the same byte. */
function sameEscape(s: string, i: number, c: string): boolean {
  const inEscape = s[i - 1] === '%' || s[i - 2] === '%';
  return inEscape && /[0-9a-f]/i.test(c) && c.toLowerCase() === s[i]!.toLowerCase();
}

function* mutations(s: string, from = 0, to = s.length): Generator<[number, string]> {
  for (let i = from; i < to; i++)
    for (const c of REPLACEMENTS) if (c !== s[i] && !sameEscape(s, i, c)) yield [i, c];
}

let base: SigV4Request;
let unchecked: SigV4Request; // signed without x-amz-content-sha256
let auth: string;

beforeAll(async () => {
  const spec = {
    method: 'POST',
    path: '/000000000000/my-queue',
    query: { Action: 'SendMessage', Note: 'a b/c', Uni: '☃' },
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-amz-meta-tag': 'alpha-beta',
    },
    body: 'MessageBody=' + 'hello-world-'.repeat(12),
  };
  base = await smithySign(spec);
  unchecked = await smithySign(spec, { applyChecksum: false });
  auth = String(base.headers.authorization);
  expect(verdict(base)).toBe('accepted');
  expect(verdict(unchecked)).toBe('accepted');
});

describe('every single-byte mutation is rejected', () => {
  it('method', () => {
    for (const [i, c] of mutations(base.method))
      expect(verdict({ ...base, method: replaceAt(base.method, i, c) })).toBe(
        'SignatureDoesNotMatch',
      );
  });

  it('path and query', () => {
    const url = base.rawUrl;
    for (const [i, c] of mutations(url)) {
      const rawUrl = replaceAt(url, i, c);
      expect(verdict({ ...base, rawUrl }), rawUrl).toBe('SignatureDoesNotMatch');
    }
  });

  it('each signed header value', () => {
    const names = /SignedHeaders=([^,]*)/.exec(auth)![1]!.split(';');
    expect(names).toEqual(
      expect.arrayContaining(['host', 'content-type', 'x-amz-date', 'x-amz-content-sha256']),
    );
    for (const name of names) {
      const value = String(base.headers[name]);
      for (const [i, c] of mutations(value)) {
        const mutated = replaceAt(value, i, c);
        const got = verdict({ ...base, headers: { ...base.headers, [name]: mutated } });
        if (name === 'x-amz-date')
          expect(['IncompleteSignature', 'RequestExpired', 'SignatureDoesNotMatch']).toContain(got);
        else expect(got, `${name}: ${mutated}`).toBe('SignatureDoesNotMatch');
      }
    }
  });

  it('X-Amz-Date: a changed date is expired or out of scope, a changed time is a mismatch', () => {
    const date = String(base.headers['x-amz-date']); // 20240115T123045Z
    for (const [i, c] of mutations(date)) {
      const mutated = replaceAt(date, i, c);
      const got = verdict({ ...base, headers: { ...base.headers, 'x-amz-date': mutated } });
      if (!/^\d{8}T\d{6}Z$/.test(mutated) || Number.isNaN(Date.parse(isoOf(mutated))))
        expect(got).toBe('IncompleteSignature');
      else if (Math.abs(Date.parse(isoOf(mutated)) - T0) > 300_000)
        expect(got, mutated).toBe('RequestExpired');
      else expect(got).toBe('SignatureDoesNotMatch');
    }
  });

  it('body (checked by hash header, and by signature when no hash header is sent)', () => {
    for (const req of [base, unchecked]) {
      const body = req.body;
      for (let i = 0; i < body.length; i++) {
        for (const b of [0, 0x20, 0x41, 0x7f, 0x80, 0xff]) {
          if (body[i] === b) continue;
          const mutated = Buffer.from(body);
          mutated[i] = b;
          expect(verdict({ ...req, body: mutated })).toBe('SignatureDoesNotMatch');
        }
      }
      expect(verdict({ ...req, body: Buffer.concat([body, Buffer.from('x')]) })).toBe(
        'SignatureDoesNotMatch',
      );
      expect(verdict({ ...req, body: body.subarray(1) })).toBe('SignatureDoesNotMatch');
    }
  });

  it('credential: access key id, date, region, service', () => {
    const start = auth.indexOf('Credential=') + 'Credential='.length;
    const credential = auth.slice(start, auth.indexOf(',', start));
    const [akid, date, region, service] = credential.split('/') as [string, string, string, string];
    const at = (part: number) =>
      start + credential.split('/').slice(0, part).join('/').length + (part ? 1 : 0);
    const check = (
      from: number,
      len: number,
      expected: (c: string, mutatedAuth: string) => ErrorId,
    ) => {
      for (const [i, c] of mutations(auth, from, from + len)) {
        const mutatedAuth = replaceAt(auth, i, c);
        const got = verdict({ ...base, headers: { ...base.headers, authorization: mutatedAuth } });
        expect(got, mutatedAuth).toBe(expected(c, mutatedAuth));
      }
    };
    const splitsCredential = (c: string) => c === '/' || c === ',';
    check(at(0), akid.length, (c, m) =>
      splitsCredential(c)
        ? 'IncompleteSignature'
        : m.includes(`Credential=${NEIGHBOUR_AKID}/`)
          ? 'SignatureDoesNotMatch'
          : 'InvalidClientTokenId',
    );
    check(at(1), date.length, (c) =>
      /\d/.test(c) ? 'SignatureDoesNotMatch' : 'IncompleteSignature',
    );
    for (const [part, len] of [
      [2, region.length],
      [3, service.length],
    ] as const)
      check(at(part), len, (c) =>
        splitsCredential(c) ? 'IncompleteSignature' : 'SignatureDoesNotMatch',
      );
  });

  it('credential: the neighbouring key exists, so its mutation is a signature mismatch', () => {
    const mutated = auth.replace(`Credential=${AKID}/`, `Credential=${NEIGHBOUR_AKID}/`);
    expect(verdict({ ...base, headers: { ...base.headers, authorization: mutated } })).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('signature', () => {
    const start = auth.indexOf('Signature=') + 'Signature='.length;
    for (const [i, c] of mutations(auth, start)) {
      const mutated = replaceAt(auth, i, c);
      const got = verdict({ ...base, headers: { ...base.headers, authorization: mutated } });
      expect(got).toBe(c === ',' && i === start ? 'IncompleteSignature' : 'SignatureDoesNotMatch');
    }
    for (const hex of '0123456789abcdefABCDEF')
      for (let i = start; i < auth.length; i++) {
        if (auth[i] === hex) continue;
        const mutated = replaceAt(auth, i, hex);
        expect(verdict({ ...base, headers: { ...base.headers, authorization: mutated } })).toBe(
          'SignatureDoesNotMatch',
        );
      }
  });

  it('signed header list', () => {
    const start = auth.indexOf('SignedHeaders=') + 'SignedHeaders='.length;
    const end = auth.indexOf(',', start);
    for (const [i, c] of mutations(auth, start, end)) {
      const mutated = replaceAt(auth, i, c);
      const got = verdict({ ...base, headers: { ...base.headers, authorization: mutated } });
      expect(['IncompleteSignature', 'SignatureDoesNotMatch']).toContain(got);
    }
  });

  it('presigned URL: every byte of the whole URL', async () => {
    const req = await smithyPresign({
      path: '/000000000000/q1',
      query: { Action: 'ReceiveMessage', WaitTimeSeconds: '5' },
    });
    expect(verdict(req)).toBe('accepted');
    for (const [i, c] of mutations(req.rawUrl)) {
      const rawUrl = replaceAt(req.rawUrl, i, c);
      expect(verdict({ ...req, rawUrl }), rawUrl).not.toBe('accepted');
    }
  });
});

function isoOf(amz: string): string {
  return `${amz.slice(0, 4)}-${amz.slice(4, 6)}-${amz.slice(6, 8)}T${amz.slice(9, 11)}:${amz.slice(11, 13)}:${amz.slice(13, 15)}Z`;
}

describe('random mutations (fast-check)', () => {
  type Part = 'method' | 'url' | 'authorization' | 'x-amz-date' | 'host' | 'content-type' | 'body';
  const parts: Part[] = [
    'method',
    'url',
    'authorization',
    'x-amz-date',
    'host',
    'content-type',
    'body',
  ];

  function mutate(
    req: SigV4Request,
    part: Part,
    pos: number,
    byte: number,
  ): SigV4Request | undefined {
    if (part === 'body') {
      const body = Buffer.from(req.body);
      const i = pos % body.length;
      if (body[i] === byte) return undefined;
      body[i] = byte;
      return { ...req, body };
    }
    const s =
      part === 'method' ? req.method : part === 'url' ? req.rawUrl : String(req.headers[part]);
    const i = pos % s.length;
    const c = String.fromCharCode(byte);
    if (s[i] === c || sameEscape(s, i, c) || (/\s/.test(c) && /\s/.test(s[i]!))) return undefined;
    const m = replaceAt(s, i, c);
    if (part === 'method') return { ...req, method: m };
    if (part === 'url') return { ...req, rawUrl: m };
    return { ...req, headers: { ...req.headers, [part]: m } };
  }

  it('are never accepted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...parts),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        (part, pos, byte) => {
          const req = mutate(base, part, pos, byte);
          fc.pre(req !== undefined);
          if (req !== undefined) expect(verdict(req)).not.toBe('accepted');
        },
      ),
      { numRuns: 3000 },
    );
  });
});
