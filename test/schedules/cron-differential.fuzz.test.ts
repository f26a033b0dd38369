/**
 * Differential test: for random valid AWS cron expressions and random start instants, the
 * field-jumping `nextFireAfter` agrees with a naive minute-stepping reference over a bounded
 * window (the next few fires, or "none inside the window").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextFireAfter, parseScheduleExpression } from '../../src/core/schedules/index.js';
import { referenceNextFire } from './reference-cron.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** One list item of a plain numeric field. */
function item(min: number, max: number, steps: boolean, names?: string[]): fc.Arbitrary<string> {
  const value = names
    ? fc.integer({ min, max }).chain((v) => fc.constantFrom(String(v), names[v - min] ?? String(v)))
    : fc.integer({ min, max }).map(String);
  const step = fc.integer({ min: 1, max: Math.min(max, max - min + 1) });
  const forms: fc.Arbitrary<string>[] = [
    fc.constant('*'),
    value,
    fc.tuple(value, value).map(([a, b]) => `${a}-${b}`),
  ];
  if (steps) {
    forms.push(
      step.map((s) => `*/${s}`),
      fc.tuple(value, step).map(([a, s]) => `${a}/${s}`),
      fc.tuple(value, value, step).map(([a, b, s]) => `${a}-${b}/${s}`),
    );
  }
  return fc.oneof(...forms);
}

function field(min: number, max: number, steps: boolean, names?: string[]): fc.Arbitrary<string> {
  return fc
    .array(item(min, max, steps, names), { minLength: 1, maxLength: 3 })
    .map((xs) => xs.join(','));
}

const dayFields: fc.Arbitrary<[string, string]> = fc.oneof(
  fc
    .oneof(
      field(1, 31, true),
      fc.constantFrom('L', 'LW'),
      fc.integer({ min: 1, max: 31 }).map((d) => `${d}W`),
    )
    .map((dom): [string, string] => [dom, '?']),
  fc
    .oneof(
      field(1, 7, false, DAYS),
      fc.constant('L'),
      fc.integer({ min: 1, max: 7 }).map((d) => `${d}L`),
      fc
        .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 }))
        .map(([d, n]) => `${d}#${n}`),
    )
    .map((dow): [string, string] => ['?', dow]),
);

// Years are kept near the start window so that year-restricted schedules still fire in it.
const years = fc.oneof(
  fc.constant('*'),
  fc.integer({ min: 2023, max: 2031 }).map(String),
  fc
    .tuple(fc.integer({ min: 2023, max: 2027 }), fc.integer({ min: 2027, max: 2031 }))
    .map(([a, b]) => `${a}-${b}`),
  fc.integer({ min: 1, max: 3 }).map((s) => `2024/${s}`),
);

const cronExpression = fc
  .tuple(
    field(0, 59, true),
    field(0, 23, true),
    dayFields,
    fc.oneof(fc.constant('*'), field(1, 12, true, MONTHS)),
    years,
  )
  .map(([mi, h, [dom, dow], mo, y]) => `cron(${mi} ${h} ${dom} ${mo} ${dow} ${y})`);

const WINDOW_MS = 62 * 86_400_000;
const start = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) });

describe('cron nextFireAfter vs minute-stepping reference', () => {
  it('agrees on the next fires within a 62-day window', () => {
    let fired = 0;
    fc.assert(
      fc.property(cronExpression, start, (expr, from) => {
        const schedule = parseScheduleExpression(expr);
        if (schedule.kind !== 'cron') throw new Error('expected cron');
        const until = from + WINDOW_MS;
        let after = from;
        for (let i = 0; i < 3; i++) {
          const expected = referenceNextFire(schedule, after, until);
          const got = nextFireAfter(schedule, after);
          if (expected === null) {
            expect(got === null || got > until).toBe(true);
            return;
          }
          expect(got).toBe(expected);
          fired++;
          after = expected;
        }
      }),
      { numRuns: 150 },
    );
    // Not vacuous: most generated schedules fire inside the window.
    expect(fired).toBeGreaterThan(150);
  });

  it('agrees on sparse day-of-month/day-of-week schedules over a year', () => {
    const sparse = dayFields.map(([dom, dow]) => `cron(0 0 ${dom} * ${dow} *)`);
    fc.assert(
      fc.property(sparse, start, (expr, from) => {
        const schedule = parseScheduleExpression(expr);
        if (schedule.kind !== 'cron') throw new Error('expected cron');
        // Daily checks suffice: the schedule fires only at 00:00.
        const until = from + 366 * 86_400_000;
        let after = from;
        for (let i = 0; i < 4; i++) {
          const got = nextFireAfter(schedule, after);
          const expected = referenceNextFire(schedule, after, Math.min(until, got ?? until));
          if (expected === null) {
            expect(got === null || got > until).toBe(true);
            return;
          }
          expect(got).toBe(expected);
          after = expected;
        }
      }),
      { numRuns: 40 },
    );
  });
});
