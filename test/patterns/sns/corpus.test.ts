/**
 * The SNS filter-policy corpus: every case through the reference matcher, through a topic
 * filter holding only that subscription, and through one topic filter holding every corpus
 * policy at once (so shared trie nodes cannot leak matches between subscriptions).
 */
import { describe, expect, it } from 'vitest';
import {
  matchesSnsFilterReference,
  parseSnsFilterPolicy,
  SnsTopicFilter,
} from '../../../src/core/patterns/index.js';
import { ATTRIBUTE_CASES } from './corpus/attribute-cases.js';
import { BODY_CASES } from './corpus/body-cases.js';
import type { SnsCase } from './corpus/sns-case-table.js';

const ALL: SnsCase[] = [...ATTRIBUTE_CASES, ...BODY_CASES];

const idOf = (c: SnsCase) => `${c.scope} ${JSON.stringify(c.policy)}`;
const policyOf = (c: SnsCase) => parseSnsFilterPolicy(JSON.stringify(c.policy), { scope: c.scope });

const shared = new SnsTopicFilter<string>();
for (const c of ALL) shared.set(idOf(c), policyOf(c));

describe('SNS filter policy corpus', () => {
  it('has at least 150 cases, both outcomes and both scopes well represented', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(150);
    expect(ALL.filter((c) => c.matches).length).toBeGreaterThan(60);
    expect(ALL.filter((c) => !c.matches).length).toBeGreaterThan(60);
    expect(ATTRIBUTE_CASES.length).toBeGreaterThan(60);
    expect(BODY_CASES.length).toBeGreaterThan(60);
    expect(new Set(ALL.map((c) => c.name)).size).toBe(ALL.length);
  });

  it.each(ALL.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const policy = policyOf(c);
    expect(matchesSnsFilterReference(policy, c.message)).toBe(c.matches);
    const alone = new SnsTopicFilter<string>();
    alone.set('sub', policy);
    const outcome = alone.match(c.message);
    expect(outcome.matched).toEqual(c.matches ? ['sub'] : []);
    expect(outcome.filteredOut.total).toBe(c.matches ? 0 : 1);
    expect(shared.match(c.message).matched.includes(idOf(c))).toBe(c.matches);
  });
});
