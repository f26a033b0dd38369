/**
 * Edge cases of the compiled matcher's guided event walk (event-field-index.ts) against the
 * reference matcher: dotted event keys joining like nesting, arrays nested deeper than the
 * walk recurses, and own-versus-inherited keys of non-JSON objects.
 */
import { describe, expect, it } from 'vitest';
import {
  CompiledRuleSet,
  matchesReference,
  parseEventPattern,
} from '../../src/core/patterns/index.js';

function agree(patternJson: unknown, event: unknown, expected: boolean): void {
  const pattern = parseEventPattern(JSON.stringify(patternJson));
  expect(matchesReference(pattern, event)).toBe(expected);
  const set = new CompiledRuleSet<string>();
  set.add('r', pattern);
  expect(set.match(event)).toEqual(expected ? ['r'] : []);
}

describe('compiled event walk', () => {
  it('joins dotted event keys like nesting, at every level', () => {
    const pattern = { a: { b: { c: ['x'] } }, d: [{ exists: false }] };
    agree(pattern, { 'a.b.c': 'x' }, true);
    agree(pattern, { a: { 'b.c': 'x' } }, true);
    agree(pattern, { 'a.b': { c: 'x' } }, true);
    agree(pattern, { 'a.b': { c: 'y' } }, false);
    agree(pattern, { 'a.b.c': 'x', d: 1 }, false);
  });

  it('handles arrays nested far deeper than the walk recurses', () => {
    let deep: unknown = { b: 'x' };
    for (let i = 0; i < 1000; i++) deep = [deep];
    agree({ a: { b: ['x'] } }, { a: deep }, true);
    agree({ a: { b: ['y'] } }, { a: deep }, false);
    agree({ a: { b: ['x'] }, c: ['z'] }, { a: deep, c: ['q', 'z'] }, true);
  });

  it('keeps array consistency across deep and shallow elements', () => {
    const pattern = { a: { b: ['1'], c: ['2'] } };
    agree(pattern, { a: [{ b: '1' }, { c: '2' }] }, false);
    agree(
      pattern,
      {
        a: [
          { b: '1', c: '3' },
          { b: '0', c: '2' },
          { b: '1', c: '2' },
        ],
      },
      true,
    );
    agree(pattern, { a: [[{ b: '1' }], [{ c: '2' }]] }, false);
  });

  it('ignores inherited and non-JSON properties', () => {
    const proto = { a: 'x' };
    const event = Object.create(proto) as Record<string, unknown>;
    event.b = undefined;
    agree({ a: ['x'] }, event, false);
    agree({ b: [{ exists: false }] }, event, true);
  });

  it('gives the same answers across many events (epoch bookkeeping)', () => {
    const set = new CompiledRuleSet<number>();
    set.add(1, parseEventPattern('{"a": ["x"], "b": [{"exists": false}]}'));
    set.add(2, parseEventPattern('{"$or": [{"a": ["x"]}, {"c": ["x"]}]}'));
    for (let i = 0; i < 1000; i++) {
      const event = i % 3 === 0 ? { a: 'x', c: 'x' } : i % 3 === 1 ? { a: 'x', b: 1 } : {};
      const got = set.match(event).sort();
      expect(got).toEqual(i % 3 === 0 ? [1, 2] : i % 3 === 1 ? [2] : []);
    }
  });
});
