/**
 * Next fire time of a cron schedule: the first whole UTC minute strictly after an instant whose
 * fields all match. It jumps field by field — year, month, matching days of that month, hour,
 * minute — and never steps minute by minute, so the cost is bounded by the year range (≤ 230
 * years × 12 months × 31 days in the worst case of a schedule that never fires, e.g. 30 FEB).
 * Returns null when no later minute matches (years all past, or impossible days).
 */
import type { CronSchedule, DayOfMonthSpec, DayOfWeekSpec } from './schedule-types.js';
import { MINUTE_MS, awsDayOfWeek, daysInMonth, utcMs, utcParts } from './utc-calendar.js';

/** The cron year range 1970–2199 as epoch ms bounds (keeps Date arithmetic in range). */
const FIRST_CRON_MS = utcMs(1970, 1, 1, 0, 0);
const END_CRON_MS = utcMs(2200, 1, 1, 0, 0);

function nearestWeekday(year: number, month: number, day: number, dim: number): number | null {
  if (day > dim) return null;
  const dow = awsDayOfWeek(year, month, day);
  if (dow === 7) return day === 1 ? 3 : day - 1; // SAT → FRI, or MON the 3rd if SAT is the 1st
  if (dow === 1) return day === dim ? day - 2 : day + 1; // SUN → MON, or FRI if SUN is the last
  return day;
}

function lastWeekday(year: number, month: number, dim: number): number {
  const dow = awsDayOfWeek(year, month, dim);
  if (dow === 7) return dim - 1;
  if (dow === 1) return dim - 2;
  return dim;
}

function matchesDayOfMonth(
  spec: DayOfMonthSpec,
  year: number,
  month: number,
  day: number,
  dim: number,
): boolean {
  switch (spec.kind) {
    case 'any':
      return true;
    case 'days':
      return spec.days.includes(day);
    case 'last':
      return day === dim;
    case 'last-weekday':
      return day === lastWeekday(year, month, dim);
    case 'nearest-weekday':
      return day === nearestWeekday(year, month, spec.day, dim);
  }
}

function matchesDayOfWeek(spec: DayOfWeekSpec, dow: number, day: number, dim: number): boolean {
  switch (spec.kind) {
    case 'any':
      return true;
    case 'days':
      return spec.days.includes(dow);
    case 'last':
      return dow === spec.weekday && day + 7 > dim;
    case 'nth':
      return dow === spec.weekday && Math.ceil(day / 7) === spec.n;
  }
}

/** The days of `month` in `year` selected by both day fields, ascending. */
export function matchingDays(schedule: CronSchedule, year: number, month: number): number[] {
  const dim = daysInMonth(year, month);
  const firstDow = awsDayOfWeek(year, month, 1);
  const days: number[] = [];
  for (let day = 1; day <= dim; day++) {
    const dow = ((firstDow - 1 + day - 1) % 7) + 1;
    if (
      matchesDayOfMonth(schedule.dayOfMonth, year, month, day, dim) &&
      matchesDayOfWeek(schedule.dayOfWeek, dow, day, dim)
    ) {
      days.push(day);
    }
  }
  return days;
}

export function nextCronFireAfter(schedule: CronSchedule, afterMs: number): number | null {
  // The first whole minute strictly after afterMs.
  const startMs = Math.max(Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS, FIRST_CRON_MS);
  if (startMs >= END_CRON_MS) return null;
  const from = utcParts(startMs);
  for (const year of schedule.years) {
    if (year < from.year) continue;
    const sameYear = year === from.year;
    for (const month of schedule.months) {
      if (sameYear && month < from.month) continue;
      const sameMonth = sameYear && month === from.month;
      for (const day of matchingDays(schedule, year, month)) {
        if (sameMonth && day < from.day) continue;
        const sameDay = sameMonth && day === from.day;
        for (const hour of schedule.hours) {
          if (sameDay && hour < from.hour) continue;
          const sameHour = sameDay && hour === from.hour;
          for (const minute of schedule.minutes) {
            if (sameHour && minute < from.minute) continue;
            return utcMs(year, month, day, hour, minute);
          }
        }
      }
    }
  }
  return null;
}
