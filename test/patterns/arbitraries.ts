/**
 * fast-check generators for patterns and events over a small shared vocabulary, so that
 * generated events often touch the fields and values generated patterns test.
 */
import fc from 'fast-check';

const key = fc.constantFrom('a', 'b', 'c');
const str = fc.constantFrom('', 'x', 'xy', 'X', 'y', 'ab', '10.0.0.7', '5');
const num = fc.constantFrom(0, 1, -1, 2.5, 5, 100);
const scalar = fc.oneof(str, num, fc.boolean(), fc.constant(null));

const matchExpression: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  str.map((s) => ({ prefix: s })),
  str.map((s) => ({ suffix: s })),
  str.map((s) => ({ 'equals-ignore-case': s })),
  str.map((s) => ({ prefix: { 'equals-ignore-case': s } })),
  str.map((s) => ({ suffix: { 'equals-ignore-case': s } })),
  fc.constantFrom('x*', '*y', '*', 'a*b', 'x').map((w) => ({ wildcard: w })),
  fc
    .oneof(str, num, fc.array(str, { minLength: 1, maxLength: 2 }))
    .map((v) => ({ 'anything-but': v })),
  fc.constantFrom('x', 'a').map((p) => ({ 'anything-but': { prefix: p } })),
  fc.constantFrom('y', 'b').map((p) => ({ 'anything-but': { suffix: p } })),
  str.map((p) => ({ 'anything-but': { 'equals-ignore-case': p } })),
  fc.constantFrom('x*', '*').map((p) => ({ 'anything-but': { wildcard: p } })),
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
const level2 = fieldsOf(leaf);
const level1 = withOr(fieldsOf(fc.oneof(leaf, leaf, level2)), level2, 5);
const node = withOr(fieldsOf(fc.oneof(leaf, leaf, level1)), level1, 3);

/** A pattern as a JSON value (may still be rejected, e.g. by the wildcard complexity check). */
export const patternJson: fc.Arbitrary<Record<string, unknown>> = node;

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

/** Events: a mix of arbitrary trees and fuller records that patterns hit more often. */
export const eventJson: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.dictionary(key, value, { maxKeys: 3 }),
  fc.record({ a: nested, b: nested, c: nested }, { requiredKeys: ['a'] }),
);
