/**
 * Parser fuzzing: whatever the input — random text, random JSON, mutated valid patterns — the
 * parser returns a pattern or throws InvalidEventPatternError, never anything else, and in
 * bounded time (no assertion on time; a pathological input would hang the run).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidEventPatternError, parseEventPattern } from '../../src/core/patterns/index.js';
import { patternJson } from './arbitraries.js';

function outcome(text: string): 'ok' | 'invalid' {
  try {
    const p = parseEventPattern(text);
    expect(p.root.fields.length + p.root.anyOf.length).toBeGreaterThan(0);
    return 'ok';
  } catch (e) {
    if (e instanceof InvalidEventPatternError) return 'invalid';
    throw e;
  }
}

const OPERATOR_WORDS = [
  'prefix',
  'suffix',
  'numeric',
  'anything-but',
  'exists',
  'cidr',
  'wildcard',
  '$or',
];

describe('parseEventPattern under fuzzing', () => {
  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => void outcome(s)),
      { numRuns: 300 },
    );
  });

  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (s) => void outcome(s)),
      { numRuns: 300 },
    );
  });

  it('random objects using operator names', () => {
    const word = fc.constantFrom(...OPERATOR_WORDS, 'a', 'b');
    const anyJson = fc.jsonValue({ maxDepth: 3 });
    const tree = fc.dictionary(word, fc.oneof(anyJson, fc.array(fc.dictionary(word, anyJson))));
    fc.assert(
      fc.property(tree, (t) => void outcome(JSON.stringify(t))),
      { numRuns: 300 },
    );
  });

  it('truncated and spliced valid patterns', () => {
    fc.assert(
      fc.property(patternJson, fc.nat(), fc.string({ maxLength: 5 }), (p, cut, junk) => {
        const text = JSON.stringify(p);
        const at = cut % (text.length + 1);
        outcome(text.slice(0, at) + junk + text.slice(at));
      }),
      { numRuns: 300 },
    );
  });

  it('large wildcard-heavy patterns stay bounded', () => {
    const star = fc.stringMatching(/^[ab*]{1,60}$/).map((w) => w.replace(/\*+/g, '*'));
    fc.assert(
      fc.property(fc.array(star, { minLength: 1, maxLength: 30 }), (ws) => {
        void outcome(JSON.stringify({ k: ws.map((wildcard) => ({ wildcard })) }));
      }),
      { numRuns: 100 },
    );
  });
});
