/**
 * `cron(Minutes Hours Day-of-month Month Day-of-week Year)`: AWS's six required fields,
 * separated by white space, evaluated in UTC (rules have no time zone). Cross-field rule: the
 * two day fields cannot both be given — exactly one of them must be `?` (a value or `*` in one
 * requires `?` in the other, and `? ?` is rejected too). Keywords (names, L, W) are
 * case-insensitive, as in Quartz, which upper-cases the expression.
 */
import { HOURS, MINUTES, MONTH, YEAR, parseCronField } from './cron-field-parser.js';
import { parseDayOfMonth, parseDayOfWeek } from './cron-day-fields.js';
import { InvalidScheduleExpressionError } from './invalid-schedule-expression-error.js';
import type { CronSchedule } from './schedule-types.js';

const CRON = /^cron\((.*)\)$/s;

export function parseCronExpression(text: string): CronSchedule {
  const m = CRON.exec(text);
  if (!m) throw new InvalidScheduleExpressionError('cron expression is not cron(fields)');
  const body = (m[1] ?? '').replace(/^[ \t]+|[ \t]+$/g, '');
  const fields = body === '' ? [] : body.split(/[ \t]+/);
  if (fields.length !== 6) {
    throw new InvalidScheduleExpressionError(`cron needs 6 fields, got ${fields.length}`);
  }
  const [min = '', hour = '', dom = '', month = '', dow = '', year = ''] = fields;
  if ((dom === '?') === (dow === '?')) {
    throw new InvalidScheduleExpressionError(
      'exactly one of Day-of-month and Day-of-week must be ?',
    );
  }
  return {
    kind: 'cron',
    expression: text,
    minutes: parseCronField(MINUTES, min),
    hours: parseCronField(HOURS, hour),
    dayOfMonth: parseDayOfMonth(dom),
    months: parseCronField(MONTH, month),
    dayOfWeek: parseDayOfWeek(dow),
    years: parseCronField(YEAR, year),
  };
}
