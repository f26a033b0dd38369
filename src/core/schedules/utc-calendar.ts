/**
 * Proleptic-Gregorian UTC calendar arithmetic for schedule evaluation: month lengths, leap
 * years, AWS day-of-week numbers (1 = SUN … 7 = SAT) and epoch milliseconds of a UTC wall
 * time. Pure: no clock is read.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 31;
}

/** AWS day-of-week number of a date: 1 = SUN … 7 = SAT. */
export function awsDayOfWeek(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

/** Epoch milliseconds of a UTC wall time (month 1–12). */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number {
  return Date.UTC(year, month - 1, day, hour, minute);
}

export interface UtcParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function utcParts(ms: number): UtcParts {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}
