/** Every pattern of the invalid corpus is rejected with AWS's message. */
import { describe, expect, it } from 'vitest';
import {
  INVALID_EVENT_PATTERN_PREFIX,
  InvalidEventPatternError,
  parseEventPattern,
} from '../../src/core/patterns/index.js';
import { INVALID_PATTERNS } from './corpus/invalid-patterns.js';

function rejection(text: string): InvalidEventPatternError {
  try {
    parseEventPattern(text);
  } catch (e) {
    if (e instanceof InvalidEventPatternError) return e;
    throw e;
  }
  throw new Error(`accepted: ${text}`);
}

describe('invalid event patterns', () => {
  it.each(INVALID_PATTERNS)('%s', (text, reason) => {
    const e = rejection(text);
    expect(e.message.startsWith(INVALID_EVENT_PATTERN_PREFIX)).toBe(true);
    expect(e.message).toContain(reason);
    expect(e.reason).toBe(e.message.slice(INVALID_EVENT_PATTERN_PREFIX.length));
  });

  it('enforces the length limit, configurable', () => {
    const long = JSON.stringify({ a: ['x'.repeat(5000)] });
    expect(rejection(long).reason).toContain('exceeds the maximum of 4096');
    expect(() => parseEventPattern(long, { maxLength: 8192 })).not.toThrow();
    const short = JSON.stringify({ a: ['x'.repeat(100)] });
    expect(rejection2048(short)).toBe(false);
    expect(() => parseEventPattern(short, { maxLength: 50 })).toThrow(InvalidEventPatternError);
  });

  it('bounds $or expansion and nesting depth', () => {
    const or = { $or: [{ a: ['1'] }, { b: ['2'] }, { c: ['3'] }, { d: ['4'] }] };
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, or]));
    expect(rejection(JSON.stringify(many)).reason).toContain('Too many $or combinations');
    let deep: unknown = ['x'];
    for (let i = 0; i < 150; i++) deep = { k: deep };
    expect(rejection(JSON.stringify(deep)).reason).toContain('nested too deeply');
  });

  it('accepts the wildcard shapes AWS accepts', () => {
    for (const w of [
      '/Users/*/dir/dir/dir/dir/dir/doc.txt',
      '*/lib/*',
      'Simple*Service',
      '*Title*',
    ]) {
      expect(() => parseEventPattern(JSON.stringify({ k: [{ wildcard: w }] }))).not.toThrow();
    }
  });
});

function rejection2048(text: string): boolean {
  try {
    parseEventPattern(text, { maxLength: 2048 });
    return false;
  } catch {
    return true;
  }
}
