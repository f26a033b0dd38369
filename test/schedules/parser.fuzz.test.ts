/**
 * Parser fuzzing: random text, random near-valid cron/rate shapes and mutations of valid
 * expressions either parse to a schedule or throw InvalidScheduleExpressionError — never any
 * other exception — and a parsed schedule's next fire is null or strictly later, on a minute.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidScheduleExpressionError,
  nextFireAfter,
  parseScheduleExpression,
} from '../../src/core/schedules/index.js';

function check(text: string, after: number): 'ok' | 'invalid' {
  try {
    const s = parseScheduleExpression(text);
    const next = s.kind === 'cron' ? nextFireAfter(s, after) : nextFireAfter(s, after, after - 1);
    if (next !== null) {
      expect(next).toBeGreaterThan(after);
      if (s.kind === 'cron') expect(next % 60_000).toBe(0);
    }
    return 'ok';
  } catch (e) {
    if (e instanceof InvalidScheduleExpressionError) return 'invalid';
    throw e;
  }
}

const TOKENS = [
  '*',
  '?',
  ',',
  '-',
  '/',
  'L',
  'W',
  '#',
  'LW',
  '0',
  '1',
  '5',
  '7',
  '15',
  '31',
  '59',
  '60',
  '1970',
  '2199',
  '2200',
  'JAN',
  'dec',
  'MON',
  'fri',
  ' ',
  '  ',
  '\t',
  'minute',
  'minutes',
  'hours',
  'day',
  'days',
];
const token = fc.constantFrom(...TOKENS);
const soup = fc.array(token, { maxLength: 20 }).map((xs) => xs.join(''));
const instant = fc.integer({ min: -1e12, max: 8e12 });

const VALID = [
  'cron(0 10 * * ? *)',
  'cron(0/15 8-17 ? * MON-FRI *)',
  'cron(0 0 L * ? *)',
  'cron(0 0 15W * ? *)',
  'cron(0 0 ? * 6L *)',
  'cron(0 0 ? * 3#2 2025-2030)',
  'rate(5 minutes)',
  'rate(1 day)',
];

describe('parseScheduleExpression under fuzzing', () => {
  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), instant, (s, t) => void check(s, t)),
      {
        numRuns: 500,
      },
    );
  });

  it('cron(...) and rate(...) around token soup', () => {
    fc.assert(
      fc.property(fc.constantFrom('cron(', 'rate('), soup, instant, (head, body, t) => {
        check(`${head}${body})`, t);
      }),
      { numRuns: 1000 },
    );
  });

  it('six-field token soup', () => {
    const fields = fc.array(
      fc.array(token, { minLength: 1, maxLength: 4 }).map((x) => x.join('')),
      {
        minLength: 6,
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(fields, instant, (fs, t) => void check(`cron(${fs.join(' ')})`, t)),
      { numRuns: 2000 },
    );
  });

  it('mutations of valid expressions', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...VALID), fc.nat(), fc.nat(3), fc.constantFrom(...TOKENS))
      .map(([v, pos, del, ins]) => {
        const p = pos % (v.length + 1);
        return v.slice(0, p) + ins + v.slice(Math.min(v.length, p + del));
      });
    fc.assert(
      fc.property(mutated, instant, (s, t) => void check(s, t)),
      { numRuns: 1000 },
    );
  });

  it('rejects non-finite instants and a missing rate anchor with RangeError', () => {
    const cron = parseScheduleExpression('cron(0 0 * * ? *)');
    const rate = parseScheduleExpression('rate(1 hour)');
    expect(() => (cron.kind === 'cron' ? nextFireAfter(cron, Number.NaN) : 0)).toThrow(RangeError);
    expect(() => nextFireAfter(rate, 0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('handles instants far outside 1970–2199', () => {
    const cron = parseScheduleExpression('cron(* * * * ? *)');
    if (cron.kind !== 'cron') throw new Error('expected cron');
    expect(nextFireAfter(cron, -8.64e15)).toBe(0);
    expect(nextFireAfter(cron, 8.64e15)).toBeNull();
    expect(nextFireAfter(cron, 1e300)).toBeNull();
    const rate = parseScheduleExpression('rate(2147483647 days)');
    expect(nextFireAfter(rate, 0, 0)).toBeNull();
    const minutely = parseScheduleExpression('rate(1 minute)');
    expect(nextFireAfter(minutely, 1e300, 0)).toBeNull();
    expect(nextFireAfter(minutely, -1e300, 0)).toBe(60_000);
  });
});
