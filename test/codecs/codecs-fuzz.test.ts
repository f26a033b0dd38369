/**
 * Fuzzing the codecs with fast-check: arbitrary form parameters and arbitrary JSON bodies for
 * every SQS operation (and the synthetic model) either decode or fail with a DomainError —
 * never another exception, a hang or a stack overflow; any string written into XML comes back
 * from a parser unchanged when it is legal XML text, and the document is always well-formed.
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors/domain-error.js';
import { loadServiceModel, type ServiceModel } from '../../src/protocols/aws/codecs/model.js';
import { decodeQueryInput } from '../../src/protocols/aws/codecs/query-decode.js';
import { validateJsonInput } from '../../src/protocols/aws/codecs/json-validate.js';
import { encodeQueryResponse } from '../../src/protocols/aws/codecs/xml-encode.js';
import { synthetic } from './synthetic-model.js';

const sqs = loadServiceModel('sqs');
const models: ServiceModel[] = [sqs, synthetic];

/** Calls fn; DomainErrors are fine, anything else fails the property. */
function onlyDomainErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
  }
}

/** Every wire name the models use, so generated parameters hit real members often. */
function vocabulary(m: ServiceModel): string[] {
  const words = new Set(['member', 'entry', 'key', 'value', 'Name', 'Value', 'Action', 'Version']);
  for (const shape of Object.values(m.shapes)) {
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      words.add(name);
      if (ref.locationName) words.add(ref.locationName);
    }
    for (const ref of [shape.member, shape.key, shape.value]) {
      if (ref?.locationName) words.add(ref.locationName);
    }
  }
  return [...words];
}

const segment = (words: string[]) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...words) },
    { weight: 3, arbitrary: fc.constantFrom('1', '2', '3', '10', '0', '01', '-1', '999999999999') },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );

/** Common required members, so that decoding often gets past MissingParameter. */
const REQUIRED: Array<[string, string]> = [
  ['QueueUrl', 'u'],
  ['QueueName', 'q'],
  ['Name', 'n'],
  ['ReceiptHandle', 'r'],
  ['MessageBody', 'b'],
  ['Label', 'l'],
  ['SourceArn', 'a'],
  ['TaskHandle', 't'],
];

const scalarText = fc.oneof(
  fc.constantFrom(
    '',
    'true',
    'False',
    '1',
    '-7',
    '2.5e3',
    'NaN',
    'AQID',
    '2024-01-01T00:00:00Z',
    '1700000000',
  ),
  fc.string({ maxLength: 12 }),
);

describe('fuzz: query decoding', () => {
  for (const m of models) {
    const words = vocabulary(m);
    const params = fc.array(
      fc.tuple(
        fc.array(segment(words), { minLength: 1, maxLength: 7 }).map((s) => s.join('.')),
        scalarText,
      ),
      { maxLength: 30 },
    );
    it(`${m.service}: any parameters decode or raise a DomainError`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...Object.keys(m.operations)), params, (op, random) => {
          const pairs = [...REQUIRED, ...random];
          onlyDomainErrors(() => decodeQueryInput(m, op, new URLSearchParams(pairs)));
          onlyDomainErrors(() => decodeQueryInput(m, op, new Map(pairs)));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('survives large and deep inputs', () => {
    const many = new URLSearchParams();
    for (let i = 1; i <= 20_000; i++) many.append(`Attribute.${i}.Name`, `n${i}`);
    onlyDomainErrors(() => decodeQueryInput(sqs, 'SetQueueAttributes', many));
    const deep = new URLSearchParams([
      [`Tree${'.Child'.repeat(100_000)}`, 'x'],
      ['Name', 'n'],
    ]);
    onlyDomainErrors(() => decodeQueryInput(synthetic, 'Do', deep));
    const longName = new URLSearchParams([
      ['QueueUrl', 'u'],
      [`Attribute.${'9'.repeat(100_000)}.Name`, 'x'],
    ]);
    onlyDomainErrors(() => decodeQueryInput(sqs, 'SetQueueAttributes', longName));
  });
});

describe('fuzz: JSON validation', () => {
  /** JSON values biased towards the models' member names. */
  const jsonFor = (m: ServiceModel) => {
    const words = vocabulary(m);
    return fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom(...words), tie('value'), { maxKeys: 6 }),
      ),
    })).value;
  };

  for (const m of models) {
    it(`${m.service}: any JSON body validates or raises a DomainError`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...Object.keys(m.operations)), jsonFor(m), (op, body) => {
          onlyDomainErrors(() => validateJsonInput(m, op, body));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('survives deep nesting of every kind', () => {
    let list: unknown = [];
    let object: unknown = {};
    let tree: unknown = {};
    for (let i = 0; i < 100_000; i++) {
      list = [list];
      object = { Entries: object, Attributes: object };
      tree = { Child: tree };
      if (i === 20) object = {};
    }
    for (const op of Object.keys(sqs.operations)) {
      onlyDomainErrors(() =>
        validateJsonInput(sqs, op, { QueueUrl: 'u', Entries: list, Attributes: object }),
      );
    }
    onlyDomainErrors(() => validateJsonInput(synthetic, 'Do', { Name: 'n', Tree: tree }));
  });
});

describe('fuzz: XML text', () => {
  const parser = new XMLParser({ trimValues: false, parseTagValue: false, htmlEntities: true });
  const legal = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
  const bodyOf = (body: string) => {
    const xml = encodeQueryResponse(sqs, 'SendMessage', { MessageId: body }, 'r');
    return {
      xml,
      parsed: parser.parse(xml) as {
        SendMessageResponse: { SendMessageResult: { MessageId: string } };
      },
    };
  };

  it('round-trips every string XML 1.0 can carry (tab, LF, CR, BMP, astral)', () => {
    fc.assert(
      fc.property(fc.stringMatching(legal), (text) => {
        const { parsed } = bodyOf(`[${text}]`); // brackets: the parser drops empty text nodes
        expect(parsed.SendMessageResponse.SendMessageResult.MessageId).toBe(`[${text}]`);
      }),
      { numRuns: 2000 },
    );
  });

  it('always produces a well-formed document, even from illegal characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'grapheme', maxLength: 5 }),
        (a, b) => {
          const broken = `${a}\u0000\uD800${b}\uFFFF`;
          const { xml } = bodyOf(broken);
          expect(XMLValidator.validate(xml)).toBe(true);
          // eslint-disable-next-line no-control-regex -- asserting control characters are gone
          expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
        },
      ),
      { numRuns: 500 },
    );
  });
});
