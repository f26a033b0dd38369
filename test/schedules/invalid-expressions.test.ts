/**
 * Expressions PutRule rejects: each must throw InvalidScheduleExpressionError whose message is
 * AWS's ValidationException text, "Parameter ScheduleExpression is not valid.".
 */
import { describe, expect, it } from 'vitest';
import {
  INVALID_SCHEDULE_EXPRESSION_MESSAGE,
  InvalidScheduleExpressionError,
  parseScheduleExpression,
} from '../../src/core/schedules/index.js';

const INVALID: [string, string][] = [
  ['', 'empty'],
  ['x'.repeat(257), 'longer than 256 characters'],
  [`cron(0 0 * * ? *${' '.repeat(250)})`, 'longer than 256 characters (padded cron)'],
  ['at(2025-01-01T00:00:00)', 'one-time schedules are EventBridge Scheduler only'],
  ['every 5 minutes', 'not rate/cron'],
  // rate
  ['rate(1 minutes)', 'plural with 1'],
  ['rate(1 hours)', 'plural with 1'],
  ['rate(5 minute)', 'singular above 1'],
  ['rate(5 hour)', 'singular above 1'],
  ['rate(2 day)', 'singular above 1'],
  ['rate(0 minutes)', 'zero'],
  ['rate(-1 minutes)', 'negative'],
  ['rate(1.5 hours)', 'not an integer'],
  ['rate(5 seconds)', 'seconds unit'],
  ['rate(1 week)', 'week unit'],
  ['rate(5)', 'no unit'],
  ['rate(minutes)', 'no value'],
  ['rate(5minutes)', 'no white space'],
  ['rate(5 minutes', 'unclosed'],
  ['rate 5 minutes', 'no parentheses'],
  ['RATE(5 minutes)', 'upper-case keyword'],
  ['rate(3000000000 minutes)', 'beyond a 32-bit integer'],
  // cron structure
  ['cron(* * * * *)', '5 fields (Unix cron)'],
  ['cron(0 10 * * ? * *)', '7 fields (Quartz seconds)'],
  ['cron()', 'no fields'],
  ['cron(0 0 * * ? *', 'unclosed'],
  ['cron 0 0 * * ? *', 'no parentheses'],
  [' cron(0 0 * * ? *)', 'leading space'],
  ['cron(0 0 * * ? *) ', 'trailing space'],
  ['cron(a b c d e f)', 'words'],
  ['cron(0 0 * * ? *\n)', 'newline inside'],
  // the day-field rule
  ['cron(0 10 * * * *)', '* in both day fields'],
  ['cron(0 10 ? * ? *)', '? in both day fields'],
  ['cron(0 10 1 * 2 *)', 'values in both day fields'],
  ['cron(0 0 * * MON *)', '* with a day of week'],
  ['cron(0 0 L * 2 *)', 'L with a day of week'],
  ['cron(0 0 ? * 2#1 L)', 'L in the year'],
  // ranges
  ['cron(60 * * * ? *)', 'minute 60'],
  ['cron(0 24 * * ? *)', 'hour 24'],
  ['cron(0 0 0 * ? *)', 'day 0'],
  ['cron(0 0 32 * ? *)', 'day 32'],
  ['cron(0 0 * 13 ? *)', 'month 13'],
  ['cron(0 0 * 0 ? *)', 'month 0'],
  ['cron(0 0 ? * 0 *)', 'day-of-week 0 (Unix Sunday)'],
  ['cron(0 0 ? * 8 *)', 'day-of-week 8'],
  ['cron(0 0 * * ? 1969)', 'year before 1970'],
  ['cron(0 0 * * ? 2200)', 'year after 2199'],
  ['cron(0 0 * * ? 2025-2020)', 'descending year range'],
  ['cron(0 0 * FOO ? *)', 'unknown month name'],
  ['cron(0 0 ? * MONDAY *)', 'long day name'],
  ['cron(0 0 ? JAN-XYZ * *)', 'bad range end (and * with ?)'],
  // steps
  ['cron(*/60 * * * ? *)', 'minute step 60'],
  ['cron(*/0 * * * ? *)', 'step 0'],
  ['cron(0 */25 * * ? *)', 'hour step 25'],
  ['cron(0 0 ? * 1/2 *)', '/ in day-of-week'],
  ['cron(1/2/3 0 * * ? *)', 'two slashes'],
  ['cron(1-2-3 0 * * ? *)', 'two dashes'],
  ['cron(0,, 0 * * ? *)', 'empty list item'],
  ['cron(0 0 * * ? */0)', 'year step 0'],
  // L, W, #
  ['cron(0 0 ? * 3#6 *)', '#6'],
  ['cron(0 0 ? * 3#0 *)', '#0'],
  ['cron(0 0 ? * 3#1,6#3 *)', 'more than one # expression'],
  ['cron(0 0 ? * 8#1 *)', '# on day-of-week 8'],
  ['cron(0 0 ? * 8L *)', 'L on day-of-week 8'],
  ['cron(0 0 ? * L,2 *)', 'L in a list'],
  ['cron(0 0 15W,20 * ? *)', 'W in a list'],
  ['cron(0 0 1-5W * ? *)', 'W on a range'],
  ['cron(0 0 32W * ? *)', 'W on day 32'],
  ['cron(0 0 W * ? *)', 'W without a day'],
  ['cron(0 0 L,15 * ? *)', 'L in a list'],
  ['cron(0 0 1L * ? *)', 'nL in day-of-month'],
  ['cron(0 0 ? * 2W *)', 'W in day-of-week'],
  ['cron(0 0 15# * ? *)', '# in day-of-month'],
  ['cron(L 0 * * ? *)', 'L in minutes'],
  ['cron(0 0 * L ? *)', 'L in month'],
];

describe('invalid schedule expressions', () => {
  it('has at least 40 rows', () => {
    expect(INVALID.length).toBeGreaterThanOrEqual(40);
  });

  it.each(INVALID)('rejects %j (%s)', (expr) => {
    let caught: unknown;
    try {
      parseScheduleExpression(expr);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidScheduleExpressionError);
    const err = caught as InvalidScheduleExpressionError;
    expect(err.message).toBe('Parameter ScheduleExpression is not valid.');
    expect(err.message).toBe(INVALID_SCHEDULE_EXPRESSION_MESSAGE);
    expect(err.reason.length).toBeGreaterThan(0);
  });

  it('accepts the boundary neighbours of the rejected values', () => {
    for (const ok of [
      'rate(1 minute)',
      'rate(2 minutes)',
      'rate(2147483647 days)',
      'cron(59 23 31 12 ? 2199)',
      'cron(0 0 ? * 7 1970)',
      'cron(*/59 */23 */31 */12 ? *)',
      'cron(0 0 ? * 7#5 *)',
      'cron(0 0 31W * ? *)',
    ]) {
      expect(() => parseScheduleExpression(ok)).not.toThrow();
    }
  });
});
