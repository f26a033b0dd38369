/**
 * Unit tests of the canonical forms (path, query, header values), percent-encoding, date
 * parsing and the signing-key cache and HMAC.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmzDate, parseAmzDate } from '../../src/protocols/aws/sigv4/auth-params.js';
import {
  canonicalHeaderValue,
  canonicalPath,
  canonicalQuery,
  parseQuery,
} from '../../src/protocols/aws/sigv4/canonical.js';
import {
  clearSigningKeyCache,
  signatureHex,
  signingKey,
} from '../../src/protocols/aws/sigv4/signing-key.js';
import {
  decodeComponent,
  encodeAll,
  normalizeComponent,
} from '../../src/protocols/aws/sigv4/uri-encoding.js';

describe('canonicalPath (non-S3: normalised, then encoded again)', () => {
  it.each([
    ['/', '/'],
    ['', ''],
    ['/000000000000/my-queue', '/000000000000/my-queue'],
    ['/a//b/', '/a/b/'],
    ['/a/./b/../c', '/a/c'],
    ['/../..', '/'],
    ['/a/b/..', '/a'],
    ['/a%20b', '/a%2520b'],
    ['/a%2Fb', '/a%252Fb'],
    ["/$!*()'+,;=:@", '/%24%21%2A%28%29%27%2B%2C%3B%3D%3A%40'],
    ['/.hidden/x~y_z-1.2', '/.hidden/x~y_z-1.2'],
    ['/caf\u00e9', '/caf%E9'], // a latin1 byte string from Node: one byte
    ['/☃', '/%E2%98%83'], // a wide char from an in-memory caller: UTF-8
    ['/\ud800', '/%EF%BF%BD'], // a lone surrogate never throws
  ])('%j → %j', (raw, canonical) => {
    expect(canonicalPath(raw)).toBe(canonical);
  });
});

describe('query canonicalisation', () => {
  it.each([
    ['a', 'a'],
    ['%7e%7E~', '~~~'],
    ['%2f', '%2F'],
    ['+', '%2B'],
    ['a b', 'a%20b'],
    ['%', '%25'],
    ['%zz', '%25zz'],
    ['%4', '%254'],
    ['%C3%A9', '%C3%A9'],
    ['\u00e9', '%E9'],
    ['☃', '%E2%98%83'],
    ['\udc00x', '%EF%BF%BDx'],
  ])('normalizeComponent(%j) = %j', (raw, canonical) => {
    expect(normalizeComponent(raw)).toBe(canonical);
  });

  it('sorts by key then value, drops X-Amz-Signature, keeps empty values', () => {
    const q = 'b=2&a=z&a=y&X-Amz-Signature=abc&x-amz-signature=def&A=1&flag&&c=';
    expect(canonicalQuery(parseQuery(q))).toBe('A=1&a=y&a=z&b=2&c=&flag=');
  });

  it('sorts on the key alone, not on "key=value"', () => {
    expect(canonicalQuery(parseQuery('a-b=1&a=2'))).toBe('a=2&a-b=1');
  });

  it('only splits a parameter at its first "="', () => {
    expect(canonicalQuery(parseQuery('a=b=c'))).toBe('a=b%3Dc');
  });

  it('property: normalising is idempotent and agrees with the RFC 3986 encoder', () => {
    const rfc3986 = (s: string) =>
      encodeURIComponent(s).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const encoded = rfc3986(s);
        expect(normalizeComponent(encoded)).toBe(encoded);
        const lowerEscapes = encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
        expect(normalizeComponent(lowerEscapes)).toBe(encoded);
        expect(Buffer.from(decodeComponent(encoded), 'latin1').toString('utf8')).toBe(s);
        expect(normalizeComponent(normalizeComponent(s))).toBe(normalizeComponent(s));
      }),
    );
  });

  it('encodeAll encodes % too', () => {
    expect(encodeAll('a%20b')).toBe('a%2520b');
  });
});

describe('canonicalHeaderValue', () => {
  it.each([
    ['plain', 'plain'],
    ['  lead and trail  ', 'lead and trail'],
    ['inner   runs\t\tof \t whitespace', 'inner runs of whitespace'],
    ['line\r\nbreak', 'line break'],
    ['', ''],
    ['   ', ''],
    ['☃', '\u00e2\u0098\u0083'], // wide chars become their UTF-8 bytes (a byte string)
  ])('%j → %j', (value, canonical) => {
    expect(canonicalHeaderValue(value)).toBe(canonical);
  });

  it('absent is empty and several values are joined with ","', () => {
    expect(canonicalHeaderValue(undefined)).toBe('');
    expect(canonicalHeaderValue([' a ', 'b  c'])).toBe('a,b c');
  });
});

describe('X-Amz-Date parsing', () => {
  it('reads ISO 8601 basic dates strictly', () => {
    expect(parseAmzDate('20240115T123045Z')).toBe(Date.UTC(2024, 0, 15, 12, 30, 45));
    expect(parseAmzDate('20240229T235959Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    for (const bad of [
      '20230229T000000Z',
      '20241301T000000Z',
      '20240100T000000Z',
      '20240115T240000Z',
      '20240115T126000Z',
      '20240115T123060Z',
      '20240115T123045',
      '2024-01-15T12:30:45Z',
      '٢٠٢٤٠١١٥T123045Z',
    ])
      expect(parseAmzDate(bad), bad).toBeUndefined();
  });

  it('round-trips with formatAmzDate', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => {
          const s = formatAmzDate(d.getTime());
          expect(parseAmzDate(s)).toBe(Math.floor(d.getTime() / 1000) * 1000);
        },
      ),
    );
  });
});

describe('signing keys and HMAC', () => {
  const reference = (secret: string, date: string, region: string, service: string) => {
    let k: Buffer = createHmac('sha256', `AWS4${secret}`).update(date).digest();
    for (const part of [region, service, 'aws4_request'])
      k = createHmac('sha256', k).update(part).digest();
    return k;
  };

  it('derives the same key as the SigV4 definition, and the pad-based HMAC equals createHmac', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.stringMatching(/^[a-z0-9-]{1,15}$/),
        fc.string({ maxLength: 400 }),
        (secret, region, sts) => {
          const key = signingKey(secret, '20240115', region, 'sqs');
          expect(key.key).toEqual(reference(secret, '20240115', region, 'sqs'));
          expect(signatureHex(key, sts)).toBe(
            createHmac('sha256', key.key).update(sts, 'latin1').digest('hex'),
          );
        },
      ),
    );
  });

  it('caches per scope, stays correct past the cache bound, and never mixes scopes', () => {
    clearSigningKeyCache();
    const a = signingKey('s', '20240115', 'us-east-1', 'sqs');
    expect(signingKey('s', '20240115', 'us-east-1', 'sqs')).toBe(a);
    // "a/b" + "c" and "a" + "b/c" must not collide
    expect(signingKey('s', '20240115', 'a/b', 'c').key).not.toEqual(
      signingKey('s', '20240115', 'a', 'b/c').key,
    );
    for (let i = 0; i < 1500; i++) signingKey('s', '20240115', `r${i}`, 'sqs');
    const again = signingKey('s', '20240115', 'us-east-1', 'sqs');
    expect(again).not.toBe(a); // evicted and derived afresh
    expect(again.key).toEqual(a.key);
  });
});
