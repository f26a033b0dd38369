/**
 * Differential fuzzing: for generated patterns and events, the compiled rule set returns
 * exactly the rules the naive reference matcher accepts — with several rules per set, and
 * after rules are removed, replaced and the trie rebuilt.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CompiledRuleSet,
  matchesReference,
  parseEventPattern,
  type EventPattern,
} from '../../src/core/patterns/index.js';
import { eventJson, patternJson } from './arbitraries.js';

function tryParse(json: unknown): EventPattern | null {
  try {
    return parseEventPattern(JSON.stringify(json));
  } catch {
    return null;
  }
}

const validPattern = patternJson.map(tryParse).filter((p): p is EventPattern => p !== null);

function expected(patterns: readonly EventPattern[], event: unknown, skip = new Set<number>()) {
  return patterns.flatMap((p, i) => (!skip.has(i) && matchesReference(p, event) ? [i] : []));
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('compiled matcher vs reference matcher', () => {
  it('agree on single patterns', () => {
    fc.assert(
      fc.property(
        validPattern,
        fc.array(eventJson, { minLength: 1, maxLength: 5 }),
        (p, events) => {
          const set = new CompiledRuleSet<number>();
          set.add(0, p);
          for (const e of events) expect(set.match(e)).toEqual(matchesReference(p, e) ? [0] : []);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agree with many rules in one set', () => {
    fc.assert(
      fc.property(
        fc.array(validPattern, { minLength: 2, maxLength: 12 }),
        fc.array(eventJson, { minLength: 1, maxLength: 6 }),
        (patterns, events) => {
          const set = new CompiledRuleSet<number>();
          patterns.forEach((p, i) => set.add(i, p));
          for (const e of events) expect(sorted(set.match(e))).toEqual(expected(patterns, e));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('agree after removals, replacements and rebuilds', () => {
    fc.assert(
      fc.property(
        fc.array(validPattern, { minLength: 3, maxLength: 10 }),
        fc.array(fc.nat(9), { maxLength: 6 }),
        eventJson,
        (patterns, removals, event) => {
          const set = new CompiledRuleSet<number>();
          patterns.forEach((p, i) => set.add(i, p));
          const removed = new Set<number>();
          for (const r of removals) {
            if (r >= patterns.length) continue;
            expect(set.remove(r)).toBe(!removed.has(r));
            removed.add(r);
          }
          expect(sorted(set.match(event))).toEqual(expected(patterns, event, removed));
          // Re-adding under the same ids replaces; the answer is the full set again.
          patterns.forEach((p, i) => set.add(i, p));
          expect(sorted(set.match(event))).toEqual(expected(patterns, event));
        },
      ),
      { numRuns: 100 },
    );
  });
});
