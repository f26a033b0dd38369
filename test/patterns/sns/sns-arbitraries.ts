/**
 * fast-check generators for SNS filter policies (both scopes) and messages over a small
 * shared vocabulary, so that generated messages often touch the keys and values generated
 * policies test. Messages cover every attribute type, unreadable attributes, empty attribute
 * sets, and bodies that are not JSON objects.
 */
import fc from 'fast-check';
import type {
  FilterPolicyScope,
  SnsMessage,
  SnsMessageAttributeValue,
} from '../../../src/core/patterns/index.js';

const key = fc.constantFrom('a', 'b', 'c');
const str = fc.constantFrom('', 'x', 'xy', 'X', 'y', 'ab', '10.0.0.7', '5');
const num = fc.constantFrom(0, 1, -1, 2.5, 5, 100);
const scalar = fc.oneof(str, num, fc.boolean(), fc.constant(null));

const matchExpression: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  str.map((s) => ({ prefix: s })),
  str.map((s) => ({ suffix: s })),
  str.map((s) => ({ 'equals-ignore-case': s })),
  fc
    .oneof(str, num, fc.array(fc.oneof(str, num), { minLength: 1, maxLength: 2 }))
    .map((v) => ({ 'anything-but': v })),
  fc.constantFrom('x', 'a', '1').map((p) => ({ 'anything-but': { prefix: p } })),
  { weight: 2, arbitrary: fc.boolean().map((b) => ({ exists: b })) },
  fc.tuple(fc.constantFrom('>', '>=', '<', '<=', '='), num).map(([o, n]) => ({ numeric: [o, n] })),
  fc.constant({ numeric: ['>', 0, '<=', 5] }),
  fc.constant({ cidr: '10.0.0.0/24' }),
);

const leaf = fc.array(matchExpression, { minLength: 1, maxLength: 3 });

function withOr(
  fields: fc.Arbitrary<Record<string, unknown>>,
  alternative: fc.Arbitrary<Record<string, unknown>>,
  freq: number,
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fields, fc.option(fc.array(alternative, { minLength: 2, maxLength: 3 }), { freq }))
    .map(([f, or]) => (or ? { ...f, $or: or } : f));
}

const fieldsOf = (value: fc.Arbitrary<unknown>) =>
  fc.dictionary(key, value, { minKeys: 1, maxKeys: 2 });

const flatPolicy = withOr(fieldsOf(leaf), fieldsOf(leaf), 3);
const level2 = fieldsOf(leaf);
const level1 = withOr(fieldsOf(fc.oneof(leaf, leaf, level2)), level2, 5);
const nestedPolicy = withOr(fieldsOf(fc.oneof(leaf, leaf, level1)), level1, 3);

/** A policy as JSON with its scope (may still be rejected, e.g. by the complexity limit). */
export const scopedPolicyJson: fc.Arbitrary<{ scope: FilterPolicyScope; policy: unknown }> =
  fc.oneof(
    flatPolicy.map((policy) => ({ scope: 'MessageAttributes' as const, policy })),
    nestedPolicy.map((policy) => ({ scope: 'MessageBody' as const, policy })),
  );

const attribute: fc.Arbitrary<SnsMessageAttributeValue> = fc.oneof(
  { weight: 3, arbitrary: str.map((Value) => ({ Type: 'String', Value })) },
  { weight: 2, arbitrary: num.map((n) => ({ Type: 'Number', Value: String(n) })) },
  {
    weight: 3,
    arbitrary: fc
      .array(scalar, { maxLength: 3 })
      .map((xs) => ({ Type: 'String.Array', Value: JSON.stringify(xs) })),
  },
  fc.constant({ DataType: 'Binary', BinaryValue: 'AQID' }),
  fc.constantFrom('nope', '{}', '"x"').map((Value) => ({ Type: 'String.Array', Value })),
  fc.constant({ Type: 'Number', Value: 'NaN' }),
);

const eventScalar = fc.oneof(str, num, fc.boolean(), fc.constant(null));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    eventScalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
}));
const flat = fc.oneof(eventScalar, fc.array(eventScalar, { maxLength: 3 }));
const nested = fc.oneof(
  flat,
  fc.record({ a: flat, b: flat, c: flat }, { requiredKeys: [] }),
  fc.array(fc.record({ a: flat, b: flat }, { requiredKeys: [] }), { maxLength: 3 }),
);

const body: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(key, value, { maxKeys: 3 }).map((b) => JSON.stringify(b)) },
  {
    weight: 3,
    arbitrary: fc
      .record({ a: nested, b: nested, c: nested }, { requiredKeys: ['a'] })
      .map((b) => JSON.stringify(b)),
  },
  fc.constantFrom('not json', '[1]', '"x"', '5', '', 'null'),
);

export const snsMessage: fc.Arbitrary<SnsMessage> = fc.record({
  body,
  attributes: fc.dictionary(key, attribute, { maxKeys: 3 }),
});
