import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentDeduplicationId,
  encodeMessageAttributesForMd5,
  md5Hex,
  md5OfMessageAttributes,
} from '../../../src/core/queues/md5.js';
import type { MessageAttributes } from '../../../src/core/queues/types.js';

const str = (stringValue: string, dataType = 'String') => ({ dataType, stringValue });
const bin = (bytes: string | Uint8Array, dataType = 'Binary') => ({
  dataType,
  binaryValue: typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes,
});

describe('md5Hex', () => {
  // Bodies and digests recorded from real SQS in LocalStack's snapshot tests (test_sqs.snapshot.json).
  it.each([
    ['msg', '6e2baaf3b97dbeef01c0043275f9a0e7'],
    ['test', '098f6bcd4621d373cade4e832627b4f6'],
    ['message-body-1', '19c9e282d65f9733bc6b35d50062c7ee'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
  ])('MD5 of %j is %s', (body, digest) => {
    expect(md5Hex(body)).toBe(digest);
  });

  it('hashes the UTF-8 encoding', () => {
    expect(md5Hex('é😀')).toBe(
      createHash('md5')
        .update(Buffer.from([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]))
        .digest('hex'),
    );
  });
});

describe('md5OfMessageAttributes: known answers', () => {
  const cases: [string, MessageAttributes, string][] = [
    // Recorded from real SQS (LocalStack snapshots of validated tests).
    ['one String (AWS)', { Foo: str('Bar') }, 'ae7155c6026991b6d54b11589678bf9c'],
    [
      'three Strings (AWS)',
      { General: str('Kenobi'), Hello: str('There'), 'Help.Me': str('Me') },
      '4c360f3fdafd970e05fae2f149d997f5',
    ],
    [
      'two Strings (AWS)',
      { Hello: str('There'), General: str('Kenobi') },
      'fca026605781cb4126a1e9044df24232',
    ],
    ['Hello (AWS)', { Hello: str('There') }, 'a311262e065454b75da111d535b8dacd'],
    [
      'prefix filter (AWS)',
      { 'Help.Me': str('Me'), Hello: str('There') },
      '83fee93c1bcd8b9a5a923ffacdc636c7',
    ],
    [
      'Binary with a control byte (AWS)',
      { attr1: bin('traceparent\x1e00-774062d6c37081a5a0b9b5b88e30627c-2d2482211f6489da-01') },
      '8cbe4db156db8a94db8b801b7addb984',
    ],
    // README vectors of the npm package aws-md5-of-message-attributes.
    ['String', { attribName1: str('attribValue 1') }, '19e27d4e946b072f3f58da80d94fd778'],
    [
      'custom Number.float',
      { customNumberTypeAttrib: str('4563442423554324324264524243.32543234', 'Number.float') },
      '9fe1b90bbd9965bdf77bac517c7d2495',
    ],
    ['Binary', { binaryAttribute: bin('Hello binary world!') }, '31a92b15d92f8db860eda32aceb656c3'],
    [
      'three mixed',
      {
        attribName1: str('attribValue 1'),
        customNumberTypeAttrib: str('4563442423554324324264524243.32543234', 'Number.float'),
        binaryAttribute: bin('Hello binary world!'),
      },
      'c932db14a896c663f83c260297d594ff',
    ],
    // Inqnuam/local-aws-sqs test suite (SDK and CLI responses).
    [
      'Number.bigint',
      { UserId: str('1234567890123456789012', 'Number.bigint') },
      '797ab158d73dcb5242dedc4412c8e855',
    ],
    [
      'two Numbers',
      { data1: str('1', 'Number'), data2: str('2', 'Number') },
      'b53b5acf24e7fd9567705bd8027b1c76',
    ],
    [
      'system attribute AWSTraceHeader',
      { AWSTraceHeader: str('some-trace-id') },
      'fdce4f2818803f2f73becc09a54792c0',
    ],
  ];
  it.each(cases)('%s', (_label, attrs, digest) => {
    expect(md5OfMessageAttributes(attrs)).toBe(digest);
  });

  it('is undefined for no attributes', () => {
    expect(md5OfMessageAttributes({})).toBeUndefined();
    expect(md5OfMessageAttributes(undefined)).toBeUndefined();
  });
});

describe('md5OfMessageAttributes: encoding built by hand', () => {
  const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

  it('String: length-prefixed name, type, transport byte 1, length-prefixed value', () => {
    // prettier-ignore
    const bytes = Uint8Array.from([
      ...be32(3), ...ascii('Foo'),
      ...be32(6), ...ascii('String'),
      1,
      ...be32(3), ...ascii('Bar'),
    ]);
    expect(encodeMessageAttributesForMd5({ Foo: str('Bar') }).equals(bytes)).toBe(true);
    const digest = createHash('md5').update(bytes).digest('hex');
    expect(digest).toBe('ae7155c6026991b6d54b11589678bf9c');
    expect(md5OfMessageAttributes({ Foo: str('Bar') })).toBe(digest);
  });

  it('two attributes in name order; Binary uses transport byte 2 and raw bytes', () => {
    // prettier-ignore
    const bytes = Uint8Array.from([
      ...be32(1), ...ascii('a'), ...be32(6), ...ascii('Binary'), 2, ...be32(3), 0x00, 0xff, 0x10,
      ...be32(1), ...ascii('b'), ...be32(10), ...ascii('Number.int'), 1, ...be32(2), ...ascii('42'),
    ]);
    const attrs = { b: str('42', 'Number.int'), a: bin(Uint8Array.from([0x00, 0xff, 0x10])) };
    expect(encodeMessageAttributesForMd5(attrs).equals(bytes)).toBe(true);
    expect(md5OfMessageAttributes(attrs)).toBe(createHash('md5').update(bytes).digest('hex'));
  });

  it('lengths count UTF-8 bytes, not characters', () => {
    // prettier-ignore
    const bytes = Uint8Array.from([
      ...be32(3), ...ascii('n'), 0xc3, 0xa9,
      ...be32(6), ...ascii('String'), 1,
      ...be32(4), 0xf0, 0x9f, 0x98, 0x80,
    ]);
    expect(encodeMessageAttributesForMd5({ né: str('😀') }).equals(bytes)).toBe(true);
  });

  it('sorts names in UTF-16 code unit order, as the Java SDK does (upper case first)', () => {
    const forward = md5OfMessageAttributes({ B: str('1'), a: str('2') });
    const reverse = md5OfMessageAttributes({ a: str('2'), B: str('1') });
    expect(forward).toBe(reverse);
    const bytes = Buffer.concat([
      encodeMessageAttributesForMd5({ B: str('1') }),
      encodeMessageAttributesForMd5({ a: str('2') }),
    ]);
    expect(forward).toBe(createHash('md5').update(bytes).digest('hex'));
  });

  it('a Binary view into a larger buffer hashes only its own bytes', () => {
    const backing = Uint8Array.from([9, 9, 1, 2, 3, 9]);
    expect(md5OfMessageAttributes({ x: bin(backing.subarray(2, 5)) })).toBe(
      md5OfMessageAttributes({ x: bin(Uint8Array.from([1, 2, 3])) }),
    );
  });
});

describe('contentDeduplicationId', () => {
  it('is the hex SHA-256 of the UTF-8 body', () => {
    expect(contentDeduplicationId('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
