/**
 * Differential fuzzing: for generated policies (both scopes) and messages, the compiled topic
 * filter delivers to exactly the subscriptions the naive reference matcher accepts — alone,
 * with many subscriptions and some without a policy, after removals and replacements — and
 * its filtered-out count is the number of policy-bearing subscriptions it did not deliver to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchesSnsFilterReference,
  parseSnsFilterPolicy,
  SnsTopicFilter,
  type SnsFilterPolicy,
  type SnsMessage,
} from '../../../src/core/patterns/index.js';
import { scopedPolicyJson, snsMessage } from './sns-arbitraries.js';

function tryParse(p: { scope: 'MessageAttributes' | 'MessageBody'; policy: unknown }) {
  try {
    return parseSnsFilterPolicy(JSON.stringify(p.policy), { scope: p.scope });
  } catch {
    return null;
  }
}

const validPolicy = scopedPolicyJson.map(tryParse).filter((p): p is SnsFilterPolicy => p !== null);
const maybePolicy = fc.option(validPolicy, { freq: 6 });

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

function expected(
  policies: readonly (SnsFilterPolicy | null)[],
  m: SnsMessage,
  skip = new Set<number>(),
) {
  return policies.flatMap((p, i) =>
    !skip.has(i) && (p === null || matchesSnsFilterReference(p, m)) ? [i] : [],
  );
}

describe('SNS topic filter vs reference matcher', () => {
  it('agree on single policies', () => {
    fc.assert(
      fc.property(validPolicy, fc.array(snsMessage, { minLength: 1, maxLength: 5 }), (p, ms) => {
        const topic = new SnsTopicFilter<number>();
        topic.set(0, p);
        for (const m of ms) {
          const want = matchesSnsFilterReference(p, m);
          const outcome = topic.match(m);
          expect(outcome.matched).toEqual(want ? [0] : []);
          expect(outcome.filteredOut.total).toBe(want ? 0 : 1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agree with many subscriptions in one topic', () => {
    fc.assert(
      fc.property(
        fc.array(maybePolicy, { minLength: 2, maxLength: 14 }),
        fc.array(snsMessage, { minLength: 1, maxLength: 6 }),
        (policies, ms) => {
          const topic = new SnsTopicFilter<number>();
          policies.forEach((p, i) => topic.set(i, p));
          for (const m of ms) {
            const want = expected(policies, m);
            const outcome = topic.match(m);
            expect(sorted(outcome.matched)).toEqual(want);
            expect(outcome.filteredOut.total).toBe(policies.length - want.length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agree after removals and replacements', () => {
    fc.assert(
      fc.property(
        fc.array(maybePolicy, { minLength: 3, maxLength: 10 }),
        fc.array(fc.nat(9), { maxLength: 6 }),
        snsMessage,
        (policies, removals, m) => {
          const topic = new SnsTopicFilter<number>();
          policies.forEach((p, i) => topic.set(i, p));
          const removed = new Set<number>();
          for (const r of removals) {
            if (r >= policies.length) continue;
            expect(topic.remove(r)).toBe(!removed.has(r));
            removed.add(r);
          }
          expect(sorted(topic.match(m).matched)).toEqual(expected(policies, m, removed));
          policies.forEach((p, i) => topic.set(i, p));
          expect(topic.size).toBe(policies.length);
          expect(sorted(topic.match(m).matched)).toEqual(expected(policies, m));
        },
      ),
      { numRuns: 100 },
    );
  });
});
