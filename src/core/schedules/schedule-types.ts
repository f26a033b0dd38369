/**
 * The parsed shape of an EventBridge rule `ScheduleExpression`: either a rate (a fixed period
 * counted from an anchor the caller supplies — the rule's creation/enable time) or an AWS cron
 * (six fields, evaluated in UTC). Numeric sets are sorted ascending and de-duplicated.
 * Day-of-week numbering is AWS's: 1 = SUN … 7 = SAT.
 */

export type RateUnit = 'minute' | 'hour' | 'day';

export interface RateSchedule {
  readonly kind: 'rate';
  readonly expression: string;
  readonly value: number;
  readonly unit: RateUnit;
  /** value × unit in milliseconds. */
  readonly periodMs: number;
}

/** The day-of-month field. `any` is `?`; `*` becomes `days` with 1–31. */
export type DayOfMonthSpec =
  | { readonly kind: 'any' }
  | { readonly kind: 'days'; readonly days: readonly number[] }
  /** `L`: the last day of the month. */
  | { readonly kind: 'last' }
  /** `LW`: the last weekday (MON–FRI) of the month. */
  | { readonly kind: 'last-weekday' }
  /** `15W`: the weekday nearest to day 15, never leaving the month. */
  | { readonly kind: 'nearest-weekday'; readonly day: number };

/** The day-of-week field (1 = SUN … 7 = SAT). `any` is `?`. */
export type DayOfWeekSpec =
  | { readonly kind: 'any' }
  | { readonly kind: 'days'; readonly days: readonly number[] }
  /** `6L` (or `FRIL`): the last such weekday of the month. (A bare `L` is every SAT: `days` [7].) */
  | { readonly kind: 'last'; readonly weekday: number }
  /** `3#2`: the n-th (1–5) such weekday of the month. */
  | { readonly kind: 'nth'; readonly weekday: number; readonly n: number };

export interface CronSchedule {
  readonly kind: 'cron';
  readonly expression: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly dayOfMonth: DayOfMonthSpec;
  readonly months: readonly number[];
  readonly dayOfWeek: DayOfWeekSpec;
  readonly years: readonly number[];
}

export type Schedule = RateSchedule | CronSchedule;
