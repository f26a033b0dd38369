/**
 * The two day fields of an AWS cron and their special characters.
 *
 * Day-of-month: `?`, a plain field, or alone in the field `L` (last day), `LW` (last weekday)
 * or `nW` (weekday nearest day n, never crossing into another month: `1W` on a Saturday is
 * Monday the 3rd, `31W` on a Sunday is Friday the 29th; a month without day n gets no fire).
 * Day-of-week: `?`, a plain field (1–7 = SUN–SAT, no `/`), a bare `L` (SAT, the last day of the
 * week), or alone in the field `nL` / `FRIL` (last such weekday of the month) or `n#k` /
 * `TUE#2` (k-th such weekday, k 1–5; a month without a 5th gets no fire). AWS allows only one
 * expression in the field when `#` is used ("3#1,6#3" is invalid); this parser applies the same
 * to `L` and `W`, as Quartz does.
 */
import { DAY_OF_MONTH, DAY_OF_WEEK, parseCronField, parseCronValue } from './cron-field-parser.js';
import { InvalidScheduleExpressionError } from './invalid-schedule-expression-error.js';
import type { DayOfMonthSpec, DayOfWeekSpec } from './schedule-types.js';

export function parseDayOfMonth(text: string): DayOfMonthSpec {
  if (text === '?') return { kind: 'any' };
  const upper = text.toUpperCase();
  if (upper === 'L') return { kind: 'last' };
  if (upper === 'LW') return { kind: 'last-weekday' };
  if (/^[0-9]{1,4}W$/.test(upper)) {
    return { kind: 'nearest-weekday', day: parseCronValue(DAY_OF_MONTH, upper.slice(0, -1)) };
  }
  if (/[LW?#]/.test(upper)) {
    throw new InvalidScheduleExpressionError(`Day-of-month: "${text}" misuses L, W, ? or #`);
  }
  return { kind: 'days', days: parseCronField(DAY_OF_MONTH, text) };
}

export function parseDayOfWeek(text: string): DayOfWeekSpec {
  if (text === '?') return { kind: 'any' };
  const upper = text.toUpperCase();
  if (upper === 'L') return { kind: 'days', days: [7] };
  const last = /^([0-9]{1,4}|[A-Z]{3})L$/.exec(upper);
  if (last) return { kind: 'last', weekday: parseCronValue(DAY_OF_WEEK, last[1] ?? '') };
  const nth = /^([0-9]{1,4}|[A-Z]{3})#([0-9]{1,4})$/.exec(upper);
  if (nth) {
    const n = Number(nth[2]);
    if (n < 1 || n > 5)
      throw new InvalidScheduleExpressionError(`Day-of-week: #${n} is out of range`);
    return { kind: 'nth', weekday: parseCronValue(DAY_OF_WEEK, nth[1] ?? ''), n };
  }
  // No day name (SUN–SAT) contains L, so any `L`, `?` or `#` left here is misuse.
  if (/[?#L]/.test(upper)) {
    throw new InvalidScheduleExpressionError(`Day-of-week: "${text}" misuses L, ? or #`);
  }
  return { kind: 'days', days: parseCronField(DAY_OF_WEEK, text) };
}
