/** Property tests: any input yields a result or a DomainError (never another exception), and generated valid input passes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/core/errors/domain-error.js';
import {
  validateBatchEntries,
  validateBatchPayloadSize,
} from '../../../src/core/queues/batch-validation.js';
import { md5OfMessageAttributes } from '../../../src/core/queues/md5.js';
import {
  hasOnlyAllowedCharacters,
  isValidSqsNumber,
  messageSize,
  validateMessageAttributes,
  validateMessageBody,
  validateSendEntry,
} from '../../../src/core/queues/message-validation.js';
import {
  assertCreateQueueCompatible,
  normalizeCreateAttributes,
  normalizeSetAttributes,
  parseRedriveAllowPolicy,
  parseRedrivePolicy,
  resolveQueueType,
} from '../../../src/core/queues/queue-attributes.js';
import { tagQueue } from '../../../src/core/queues/tags.js';
import type { MessageAttributeInput } from '../../../src/core/queues/types.js';

const RUNS = { numRuns: 300 };

/** Runs `fn`; fails the property if it throws anything but a DomainError. */
function onlyDomainErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    if (isDomainError(e)) return true;
    throw e;
  }
}

/** Any UTF-16 string, lone surrogates included. */
const anyString = (maxLength = 40) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength })
      .map((units) => String.fromCharCode(...units)),
    fc.constantFrom(
      '',
      'String',
      'Number',
      'Binary',
      'Number.x',
      'AWS.x',
      '__proto__',
      '1e126',
      '-0.5',
    ),
  );

/** Independent reading of the XML Char production, code point by code point. */
function allowedByCodePoints(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (!(c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xfffd))) return false;
  }
  return true;
}

const anyAttribute: fc.Arbitrary<MessageAttributeInput> = fc.record(
  {
    dataType: anyString(),
    stringValue: anyString(),
    binaryValue: fc.uint8Array({ maxLength: 8 }),
    stringListValues: fc.array(anyString(5), { maxLength: 2 }),
  },
  { requiredKeys: ['dataType'] },
);

const validName = fc
  .array(fc.constantFrom(...'abcXYZ019_-'), { minLength: 1, maxLength: 20 })
  .chain((chars) =>
    fc
      .array(fc.constantFrom(...'abcXYZ019_-'), { maxLength: 5 })
      .map((tail) => [...chars, ...(tail.length ? ['.', ...tail] : [])].join('')),
  )
  .filter((n) => !/^(aws|amazon)\./i.test(n));

const validValue = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
  .filter(hasOnlyAllowedCharacters);
const validAttribute: fc.Arbitrary<MessageAttributeInput> = fc.oneof(
  fc.record({ dataType: fc.constantFrom('String', 'String.json'), stringValue: validValue }),
  fc.record({
    dataType: fc.constantFrom('Number', 'Number.int'),
    stringValue: fc.bigInt({ min: -(10n ** 37n), max: 10n ** 37n }).map(String),
  }),
  fc.record({
    dataType: fc.constantFrom('Number', 'Number.float'),
    stringValue: fc
      .tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: -100, max: 100 }))
      .map(([m, e]) => `${m}e${e}`),
  }),
  fc.record({
    dataType: fc.constantFrom('Binary', 'Binary.gz'),
    binaryValue: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
);

describe('properties: message rules', () => {
  it('body validation agrees with an independent reading of the allowed characters', () => {
    fc.assert(
      fc.property(anyString(60), (body) => {
        expect(hasOnlyAllowedCharacters(body)).toBe(allowedByCodePoints(body));
        return onlyDomainErrors(() => validateMessageBody(body));
      }),
      RUNS,
    );
  });

  it('random attribute maps raise nothing but DomainError', () => {
    const sparse = fc.option(anyAttribute, {
      nil: undefined,
    }) as fc.Arbitrary<MessageAttributeInput>;
    fc.assert(
      fc.property(fc.dictionary(anyString(), sparse, { maxKeys: 12 }), (attrs) =>
        onlyDomainErrors(() => validateMessageAttributes(attrs)),
      ),
      RUNS,
    );
  });

  it('random SendMessage entries raise nothing but DomainError, on either queue type', () => {
    const entry = fc.record(
      {
        body: anyString(),
        delaySeconds: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double()),
        attributes: fc.dictionary(anyString(10), anyAttribute, { maxKeys: 3 }),
        systemAttributes: fc.dictionary(fc.constantFrom('AWSTraceHeader', 'Other'), anyAttribute, {
          maxKeys: 2,
        }),
        groupId: anyString(),
        dedupId: anyString(),
      },
      { requiredKeys: ['body'] },
    );
    const queue = fc.record({
      fifo: fc.boolean(),
      maximumMessageSize: fc.integer({ min: 1024, max: 1_048_576 }),
      contentBasedDeduplication: fc.boolean(),
    });
    fc.assert(
      fc.property(entry, queue, fc.boolean(), (e, q, batch) =>
        onlyDomainErrors(() => validateSendEntry(e, q, { batch })),
      ),
      RUNS,
    );
  });

  it('generated valid attributes pass, keep their values and digest independently of order', () => {
    fc.assert(
      fc.property(
        fc.dictionary(validName, validAttribute, { minKeys: 1, maxKeys: 10 }),
        (attrs) => {
          const out = validateMessageAttributes(attrs);
          expect(Object.keys(out)).toEqual(Object.keys(attrs));
          const reversed = Object.fromEntries(Object.entries(out).reverse());
          expect(md5OfMessageAttributes(reversed)).toBe(md5OfMessageAttributes(out));
          expect(messageSize('b', out)).toBeGreaterThan(1);
        },
      ),
      RUNS,
    );
  });

  it('generated valid messages pass on both queue types', () => {
    const ascii = fc.string({
      unit: fc.constantFrom(...'abcXYZ09!#-_~'),
      minLength: 1,
      maxLength: 128,
    });
    fc.assert(
      fc.property(
        validValue,
        fc.dictionary(validName, validAttribute, { maxKeys: 10 }),
        ascii,
        ascii,
        fc.integer({ min: 0, max: 900 }),
        (body, attributes, groupId, dedupId, delaySeconds) => {
          const settings = { maximumMessageSize: 1_048_576, contentBasedDeduplication: false };
          expect(
            validateSendEntry(
              { body, attributes, groupId, delaySeconds },
              { ...settings, fifo: false },
            ).groupId,
          ).toBe(groupId);
          expect(
            validateSendEntry({ body, attributes, groupId, dedupId }, { ...settings, fifo: true })
              .dedupId,
          ).toBe(dedupId);
        },
      ),
      RUNS,
    );
  });

  it('integers of up to 38 digits are numbers', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n }), (n) =>
        isValidSqsNumber(n.toString()),
      ),
      RUNS,
    );
  });
});

describe('properties: queue attributes, batches, tags', () => {
  const anyAttributes = fc.dictionary(
    fc.constantFrom(
      'DelaySeconds',
      'MaximumMessageSize',
      'Policy',
      'RedrivePolicy',
      'RedriveAllowPolicy',
      'KmsMasterKeyId',
      'SqsManagedSseEnabled',
      'FifoQueue',
      'DeduplicationScope',
      'FifoThroughputLimit',
      'QueueArn',
      'Bogus',
    ),
    anyString(),
    { maxKeys: 5 },
  );

  it('random attribute maps raise nothing but DomainError', () => {
    fc.assert(
      fc.property(anyString(20), anyAttributes, fc.boolean(), (name, attrs, fifo) =>
        onlyDomainErrors(() => {
          resolveQueueType(name, attrs);
          normalizeSetAttributes(normalizeCreateAttributes(attrs, { fifo }), attrs, { fifo });
        }),
      ),
      RUNS,
    );
  });

  it('random JSON-ish redrive policies raise nothing but DomainError', () => {
    const json = fc.oneof(
      anyString(),
      fc.json(),
      fc
        .record({
          deadLetterTargetArn: anyString(),
          maxReceiveCount: fc.oneof(fc.integer(), anyString(), fc.double()),
        })
        .map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(
        json,
        (raw) =>
          onlyDomainErrors(() => parseRedrivePolicy(raw)) &&
          onlyDomainErrors(() => parseRedriveAllowPolicy(raw)),
      ),
      RUNS,
    );
  });

  it('valid create attributes are idempotent against themselves', () => {
    const valid = fc.record(
      {
        DelaySeconds: fc.integer({ min: 0, max: 900 }).map(String),
        MaximumMessageSize: fc.integer({ min: 1024, max: 1_048_576 }).map(String),
        MessageRetentionPeriod: fc.integer({ min: 60, max: 1_209_600 }).map(String),
        VisibilityTimeout: fc.integer({ min: 0, max: 43_200 }).map(String),
        RedrivePolicy: fc.integer({ min: 1, max: 1000 }).map((n) =>
          JSON.stringify({
            maxReceiveCount: n,
            deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
          }),
        ),
        SqsManagedSseEnabled: fc.constantFrom('true', 'false'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(valid, (input) => {
        const created = normalizeCreateAttributes(input, { fifo: false });
        assertCreateQueueCompatible(created, input, { fifo: false });
        expect(normalizeSetAttributes(created, { ...created }, { fifo: false })).toEqual(created);
      }),
      RUNS,
    );
  });

  it('random batches raise nothing but DomainError', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: anyString(), body: anyString() }), { maxLength: 12 }),
        (entries) =>
          onlyDomainErrors(() => {
            validateBatchEntries(entries, 'SendMessageBatchRequestEntry');
            validateBatchPayloadSize(entries);
          }),
      ),
      RUNS,
    );
  });

  it('random tags raise nothing but DomainError', () => {
    fc.assert(
      fc.property(fc.dictionary(anyString(), anyString(), { maxKeys: 60 }), (tags) =>
        onlyDomainErrors(() => tagQueue({}, tags, 'q')),
      ),
      RUNS,
    );
  });
});
