/**
 * The table-driven corpus: every case through the reference matcher, through a compiled rule
 * set holding only that pattern, and through one compiled set holding every corpus pattern at
 * once (so shared trie nodes cannot leak matches between rules).
 */
import { describe, expect, it } from 'vitest';
import {
  CompiledRuleSet,
  matchesReference,
  parseEventPattern,
} from '../../src/core/patterns/index.js';
import { ANYTHING_BUT_CASES } from './corpus/anything-but-cases.js';
import { BASIC_CASES } from './corpus/basic-cases.js';
import type { MatchCase } from './corpus/case-table.js';
import { NUMERIC_CIDR_EXISTS_CASES } from './corpus/numeric-cidr-exists-cases.js';
import { OR_CASES } from './corpus/or-cases.js';
import { STRING_OPERATOR_CASES } from './corpus/string-operator-cases.js';

const ALL: MatchCase[] = [
  ...BASIC_CASES,
  ...STRING_OPERATOR_CASES,
  ...ANYTHING_BUT_CASES,
  ...NUMERIC_CIDR_EXISTS_CASES,
  ...OR_CASES,
];

function patternOf(c: MatchCase) {
  return parseEventPattern(JSON.stringify(c.pattern));
}

/** One rule per distinct pattern text, shared by every case using that pattern. */
const shared = new CompiledRuleSet<string>();
for (const c of ALL) shared.add(JSON.stringify(c.pattern), patternOf(c));

describe('event pattern corpus', () => {
  it('has at least 300 cases, both outcomes well represented', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(300);
    expect(ALL.filter((c) => c.matches).length).toBeGreaterThan(120);
    expect(ALL.filter((c) => !c.matches).length).toBeGreaterThan(120);
    expect(new Set(ALL.map((c) => c.name)).size).toBe(ALL.length);
  });

  it.each(ALL.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const pattern = patternOf(c);
    // Events cross the wire as JSON: match what AWS would see.
    const event: unknown = JSON.parse(JSON.stringify(c.event) ?? 'null');
    expect(matchesReference(pattern, event)).toBe(c.matches);
    const alone = new CompiledRuleSet<string>();
    alone.add('rule', pattern);
    expect(alone.match(event)).toEqual(c.matches ? ['rule'] : []);
    expect(shared.match(event).includes(JSON.stringify(c.pattern))).toBe(c.matches);
  });
});
