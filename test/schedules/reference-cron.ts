/**
 * A deliberately naive cron reference for differential tests: it asks of one UTC minute
 * "does every field match?" using Date getters and literal definitions (L = tomorrow is in
 * another month, nW = the weekday of the month closest to day n, #k = (day−1)/7 = k−1), and
 * finds fire times by stepping minute by minute.
 */
import type { CronSchedule } from '../../src/core/schedules/index.js';

const DAY = 86_400_000;

function isWeekday(ms: number): boolean {
  const d = new Date(ms).getUTCDay();
  return d !== 0 && d !== 6;
}

function sameMonth(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return x.getUTCMonth() === y.getUTCMonth() && x.getUTCFullYear() === y.getUTCFullYear();
}

function domMatches(s: CronSchedule, ms: number): boolean {
  const spec = s.dayOfMonth;
  const day = new Date(ms).getUTCDate();
  switch (spec.kind) {
    case 'any':
      return true;
    case 'days':
      return spec.days.includes(day);
    case 'last':
      return !sameMonth(ms, ms + DAY);
    case 'last-weekday': {
      if (!isWeekday(ms)) return false;
      for (let t = ms + DAY; sameMonth(t, ms); t += DAY) if (isWeekday(t)) return false;
      return true;
    }
    case 'nearest-weekday': {
      const monthStart = ms - (day - 1) * DAY;
      const target = monthStart + (spec.day - 1) * DAY;
      if (!sameMonth(target, ms)) return false;
      let best: number | null = null;
      for (let t = monthStart; sameMonth(t, ms); t += DAY) {
        if (!isWeekday(t)) continue;
        if (best === null || Math.abs(t - target) < Math.abs(best - target)) best = t;
      }
      return best !== null && sameMonth(best, ms) && new Date(best).getUTCDate() === day;
    }
  }
}

function dowMatches(s: CronSchedule, ms: number): boolean {
  const spec = s.dayOfWeek;
  const d = new Date(ms);
  const dow = d.getUTCDay() + 1;
  switch (spec.kind) {
    case 'any':
      return true;
    case 'days':
      return spec.days.includes(dow);
    case 'last':
      return dow === spec.weekday && !sameMonth(ms, ms + 7 * DAY);
    case 'nth':
      return dow === spec.weekday && Math.floor((d.getUTCDate() - 1) / 7) === spec.n - 1;
  }
}

/** Whether the minute at `ms` matches; `dayCache` memoises the day verdict (speed only). */
export function referenceMatches(
  s: CronSchedule,
  ms: number,
  dayCache: Map<number, boolean> = new Map(),
): boolean {
  const d = new Date(ms);
  const dayStart = ms - (((ms % DAY) + DAY) % DAY);
  if (
    !s.years.includes(d.getUTCFullYear()) ||
    !s.months.includes(d.getUTCMonth() + 1) ||
    !s.hours.includes(d.getUTCHours()) ||
    !s.minutes.includes(d.getUTCMinutes())
  ) {
    return false;
  }
  let day = dayCache.get(dayStart);
  if (day === undefined) {
    day = domMatches(s, dayStart) && dowMatches(s, dayStart);
    dayCache.set(dayStart, day);
  }
  return day;
}

/** First matching minute strictly after `afterMs` and at most `untilMs`, or null. */
export function referenceNextFire(
  s: CronSchedule,
  afterMs: number,
  untilMs: number,
): number | null {
  const dayCache = new Map<number, boolean>();
  for (let t = Math.floor(afterMs / 60_000) * 60_000 + 60_000; t <= untilMs; t += 60_000) {
    if (referenceMatches(s, t, dayCache)) return t;
  }
  return null;
}
