/**
 * The pieces under the matchers: wildcard matching against a regular-expression oracle
 * (fuzzed), IP/CIDR parsing and containment, the numeric precision rules, wildcard
 * complexity, and the CompiledRuleSet API (replace, remove, rebuild, JSON input).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompiledRuleSet, parseEventPattern } from '../../src/core/patterns/index.js';
import { cidrBlock, cidrContains, parseIpAddress } from '../../src/core/patterns/ip-cidr.js';
import { numericRangeMatches, toMillionths } from '../../src/core/patterns/numeric-range.js';
import { wildcardsWithinComplexity } from '../../src/core/patterns/wildcard-complexity.js';
import { parseWildcard, wildcardMatches } from '../../src/core/patterns/wildcard.js';

function wildcard(source: string) {
  const r = parseWildcard(source);
  if (!r.ok) throw new Error(`bad wildcard ${source}`);
  return r.pattern;
}

function oracle(segments: readonly string[]): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${segments.map(esc).join('[\\s\\S]*')}$`);
}

describe('wildcard', () => {
  it('matches exactly like the equivalent regular expression', () => {
    const text = fc.stringMatching(/^[ab*]{0,12}$/).map((s) => s.replace(/\*+/g, '*'));
    fc.assert(
      fc.property(text, fc.stringMatching(/^[ab]{0,14}$/), (p, v) => {
        const w = wildcard(p);
        expect(wildcardMatches(w, v)).toBe(oracle(w.segments).test(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports consecutive stars and bad escapes with their position', () => {
    expect(parseWildcard('a**')).toEqual({ ok: false, problem: 'consecutive', pos: 2 });
    expect(parseWildcard('a\\x')).toEqual({ ok: false, problem: 'escape', pos: 1 });
    expect(parseWildcard('a\\')).toEqual({ ok: false, problem: 'escape', pos: 1 });
    expect(wildcard('\\**').segments).toEqual(['*', '']);
  });

  it('bounds complexity per field', () => {
    expect(
      wildcardsWithinComplexity([wildcard('*.png'), wildcard('*.jpg'), wildcard('*.gif')]),
    ).toBe(true);
    expect(wildcardsWithinComplexity([wildcard('a*b*c*d*e*f*')])).toBe(false);
    expect(wildcardsWithinComplexity([wildcard('no-star')])).toBe(true);
  });
});

describe('IP addresses and CIDR', () => {
  it('round-trips every IPv4 address through its dotted form', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const parsed = parseIpAddress(ip);
        expect(parsed?.version).toBe(4);
        expect(cidrContains(cidrBlock(parsed!, 32)!, ip)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('parses IPv6 forms and rejects malformed ones', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        expect(parseIpAddress(ip)?.version).toBe(6);
      }),
      { numRuns: 500 },
    );
    for (const bad of [
      '1.2.3',
      '1.2.3.256',
      '01.2.3.4',
      '1::2::3',
      'g::1',
      '::1%eth0',
      '1:2:3:4:5:6:7:8:9',
    ]) {
      expect(parseIpAddress(bad)).toBeNull();
    }
    expect(parseIpAddress('::')?.value).toBe(0n);
  });

  it('contains exactly the addresses sharing the prefix', () => {
    const block = cidrBlock(parseIpAddress('192.168.0.0')!, 16)!;
    expect(cidrContains(block, '192.168.255.1')).toBe(true);
    expect(cidrContains(block, '192.169.0.0')).toBe(false);
    expect(cidrContains(block, 3232235521)).toBe(false);
  });
});

describe('numeric precision', () => {
  it('compares to six decimals within ±5e9', () => {
    const gt0 = { lower: { value: toMillionths(0), inclusive: false } };
    expect(numericRangeMatches(gt0, 0.000001)).toBe(true);
    expect(numericRangeMatches(gt0, 0.0000004)).toBe(false);
    expect(numericRangeMatches(gt0, 5e9)).toBe(true);
    expect(numericRangeMatches(gt0, 5e9 + 1)).toBe(false);
    expect(numericRangeMatches(gt0, '1')).toBe(false);
  });
});

describe('CompiledRuleSet', () => {
  const p = (o: unknown) => parseEventPattern(JSON.stringify(o));

  it('replaces a rule added twice under one id', () => {
    const set = new CompiledRuleSet<string>();
    set.add('r', p({ a: ['1'] }));
    set.add('r', p({ a: ['2'] }));
    expect(set.size).toBe(1);
    expect(set.match({ a: '1' })).toEqual([]);
    expect(set.match({ a: '2' })).toEqual(['r']);
  });

  it('removes rules, and keeps answering right across rebuilds', () => {
    const set = new CompiledRuleSet<number>();
    for (let i = 0; i < 600; i++) set.add(i, p({ n: [i], $or: [{ x: ['a'] }, { y: ['b'] }] }));
    for (let i = 0; i < 600; i += 2) expect(set.remove(i)).toBe(true);
    expect(set.remove(0)).toBe(false);
    expect(set.has(1)).toBe(true);
    expect(set.has(2)).toBe(false);
    expect(set.match({ n: 2, x: 'a' })).toEqual([]);
    expect(set.match({ n: 3, y: 'b' })).toEqual([3]);
    expect(set.size).toBe(300);
  });

  it('matches JSON text and rejects invalid JSON', () => {
    const set = new CompiledRuleSet<string>();
    set.add('r', p({ detail: { state: [{ prefix: 'run' }] } }));
    expect(set.matchJson('{"detail":{"state":"running"}}')).toEqual(['r']);
    expect(() => set.matchJson('{')).toThrow(SyntaxError);
  });

  it('returns each matching rule once even when several branches match', () => {
    const set = new CompiledRuleSet<string>();
    set.add('r', p({ $or: [{ a: ['1'] }, { b: ['2'] }], c: ['3', { prefix: '' }] }));
    expect(set.match({ a: '1', b: '2', c: '3' })).toEqual(['r']);
  });
});
