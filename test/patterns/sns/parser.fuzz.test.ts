/**
 * Parser fuzzing: whatever the input — random text, random JSON, trees of operator words,
 * mutated valid policies, huge and deep policies — parseSnsFilterPolicy returns a policy or
 * throws InvalidFilterPolicyError (worded "Invalid parameter: …"), never anything else, in
 * bounded time (no assertion on time; a pathological input would hang the run).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidFilterPolicyError,
  parseSnsFilterPolicy,
  type FilterPolicyScope,
} from '../../../src/core/patterns/index.js';
import { scopedPolicyJson } from './sns-arbitraries.js';

const SCOPES: readonly FilterPolicyScope[] = ['MessageAttributes', 'MessageBody'];

function outcome(text: string): void {
  for (const scope of SCOPES) {
    try {
      const p = parseSnsFilterPolicy(text, { scope });
      expect(p.scope).toBe(scope);
    } catch (e) {
      if (!(e instanceof InvalidFilterPolicyError)) throw e;
      expect(e.message.startsWith('Invalid parameter: ')).toBe(true);
    }
  }
}

const WORDS = [
  'prefix',
  'suffix',
  'numeric',
  'anything-but',
  'equals-ignore-case',
  'exists',
  'cidr',
  'wildcard',
  '$or',
];

describe('parseSnsFilterPolicy under fuzzing', () => {
  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => outcome(s)),
      { numRuns: 300 },
    );
  });

  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (s) => outcome(s)),
      { numRuns: 300 },
    );
  });

  it('random objects using operator names', () => {
    const word = fc.constantFrom(...WORDS, 'a', 'b');
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    const tree = fc.dictionary(word, fc.oneof(anyJson, fc.array(fc.dictionary(word, anyJson))));
    fc.assert(
      fc.property(tree, (t) => outcome(JSON.stringify(t))),
      { numRuns: 400 },
    );
  });

  it('truncated and spliced valid policies', () => {
    fc.assert(
      fc.property(scopedPolicyJson, fc.nat(), fc.string({ maxLength: 5 }), (p, cut, junk) => {
        const text = JSON.stringify(p.policy);
        const at = cut % (text.length + 1);
        outcome(text.slice(0, at) + junk + text.slice(at));
      }),
      { numRuns: 300 },
    );
  });

  it('large, wide and deep policies stay bounded', () => {
    const shape = fc.oneof(
      fc.nat(20_000).map((n) => '{"a":'.repeat(n) + '["x"]' + '}'.repeat(n)),
      fc.nat(5_000).map((n) => '{"$or":[{"x":["1"]},'.repeat(n) + '{"y":["2"]}' + ']}'.repeat(n)),
      fc.nat(20_000).map((n) => JSON.stringify({ k: Array.from({ length: n }, (_, i) => i) })),
      fc
        .nat(2_000)
        .map((n) =>
          JSON.stringify({ $or: Array.from({ length: n + 2 }, (_, i) => ({ [`k${i}`]: [i] })) }),
        ),
    );
    fc.assert(
      fc.property(shape, (text) => outcome(text)),
      { numRuns: 40 },
    );
  });
});
