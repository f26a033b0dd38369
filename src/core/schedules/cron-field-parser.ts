/**
 * Parses one plain cron field — a comma list of `*`, `n`, `a-b`, `*∕s`, `a∕s`, `a-b∕s` — into
 * the sorted set of values it selects. Month and day-of-week accept three-letter names
 * (JAN–DEC, SUN–SAT, any case). A range whose end is below its start wraps around the field
 * (`FRI-MON`, `22-2`), as Quartz (the origin of AWS's cron dialect) does, except for years.
 * A step must be 1…the field's largest value (59 for minutes: AWS rejects `*∕60`). The special characters `?`, `L`, `W` and `#` are handled
 * by the day-field parsers, not here.
 */
import { InvalidScheduleExpressionError } from './invalid-schedule-expression-error.js';

export interface CronFieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Names for min, min+1, … (upper case), if the field has them. */
  readonly names?: readonly string[];
  /** Whether `/` is allowed (AWS lists it for every field but day-of-week). */
  readonly steps: boolean;
  /** Whether a descending range wraps around (all fields but the year). */
  readonly wraps: boolean;
}

export const MINUTES: CronFieldSpec = {
  name: 'Minutes',
  min: 0,
  max: 59,
  steps: true,
  wraps: true,
};
export const HOURS: CronFieldSpec = { name: 'Hours', min: 0, max: 23, steps: true, wraps: true };
export const DAY_OF_MONTH: CronFieldSpec = {
  name: 'Day-of-month',
  min: 1,
  max: 31,
  steps: true,
  wraps: true,
};
export const MONTH: CronFieldSpec = {
  name: 'Month',
  min: 1,
  max: 12,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  steps: true,
  wraps: true,
};
export const DAY_OF_WEEK: CronFieldSpec = {
  name: 'Day-of-week',
  min: 1,
  max: 7,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
  steps: false,
  wraps: true,
};
export const YEAR: CronFieldSpec = {
  name: 'Year',
  min: 1970,
  max: 2199,
  steps: true,
  wraps: false,
};

function fail(field: CronFieldSpec, why: string): never {
  throw new InvalidScheduleExpressionError(`${field.name}: ${why}`);
}

/** One value: digits (at most 4) or a field name; checked against the field's bounds. */
export function parseCronValue(field: CronFieldSpec, token: string): number {
  let value: number;
  if (/^[0-9]{1,4}$/.test(token)) {
    value = Number(token);
  } else {
    const index = field.names?.indexOf(token.toUpperCase()) ?? -1;
    if (index < 0) fail(field, `"${token}" is not a value`);
    value = field.min + index;
  }
  if (value < field.min || value > field.max) fail(field, `${value} is out of range`);
  return value;
}

function parseItem(field: CronFieldSpec, item: string, into: Set<number>): void {
  const slash = item.split('/');
  if (slash.length > 2) fail(field, `"${item}" has more than one /`);
  const [rangePart = '', stepPart] = slash;
  let step = 1;
  if (stepPart !== undefined) {
    if (!field.steps) fail(field, '/ is not allowed');
    if (!/^[0-9]{1,4}$/.test(stepPart)) fail(field, `"${stepPart}" is not a step`);
    step = Number(stepPart);
    // AWS rejects `*/60` in minutes: a step may not exceed the field's largest value (59, 23,
    // 31, 12) nor, for years, the field's span.
    const limit = Math.min(field.max, field.max - field.min + 1);
    if (step < 1 || step > limit) fail(field, `step ${step} is out of range`);
  }
  let start: number;
  let end: number;
  if (rangePart === '*') {
    start = field.min;
    end = field.max;
  } else {
    const dash = rangePart.split('-');
    if (dash.length > 2) fail(field, `"${rangePart}" has more than one -`);
    start = parseCronValue(field, dash[0] ?? '');
    if (dash[1] !== undefined) end = parseCronValue(field, dash[1]);
    else end = stepPart !== undefined ? field.max : start;
  }
  const span = field.max - field.min + 1;
  if (end < start) {
    if (!field.wraps) fail(field, `range ${start}-${end} is descending`);
    end += span;
  }
  for (let v = start; v <= end; v += step) {
    into.add(v > field.max ? v - span : v);
  }
}

/** The sorted values a plain field selects. */
export function parseCronField(field: CronFieldSpec, text: string): number[] {
  if (text === '') fail(field, 'empty');
  const values = new Set<number>();
  for (const item of text.split(',')) parseItem(field, item, values);
  return [...values].sort((a, b) => a - b);
}
