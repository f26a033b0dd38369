/**
 * `rate(value unit)`: AWS's two fields separated by white space. `value` is a positive integer;
 * `unit` is minute|minutes|hour|hours|day|days, singular exactly when value is 1 (AWS rejects
 * `rate(1 hours)` and `rate(5 hour)`).
 *
 * AWS starts counting a rate when the rule is created (or enabled), not on clock boundaries, so
 * fires are `anchor + k·period` for k ≥ 1, where the caller supplies the anchor (the rule's
 * creation/enable time, persisted with the rule so the cadence survives restarts).
 */
import { InvalidScheduleExpressionError } from './invalid-schedule-expression-error.js';
import type { RateSchedule, RateUnit } from './schedule-types.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './utc-calendar.js';

const RATE = /^rate\(([0-9]+)[ \t]+([a-z]+)\)$/;

/** Largest value accepted (a 32-bit signed integer, as AWS's Java service would parse). */
export const MAX_RATE_VALUE = 2_147_483_647;

const UNIT_MS: Record<RateUnit, number> = { minute: MINUTE_MS, hour: HOUR_MS, day: DAY_MS };

/** Largest epoch ms a JS Date can represent; later fire times are reported as "none". */
const MAX_EPOCH_MS = 8.64e15;

export function parseRateExpression(text: string): RateSchedule {
  const m = RATE.exec(text);
  if (!m) throw new InvalidScheduleExpressionError('rate expression is not rate(value unit)');
  const digits = m[1] ?? '';
  const word = m[2] ?? '';
  if (digits.length > 10) throw new InvalidScheduleExpressionError('rate value is too large');
  const value = Number(digits);
  if (value < 1) throw new InvalidScheduleExpressionError('rate value must be positive');
  if (value > MAX_RATE_VALUE) throw new InvalidScheduleExpressionError('rate value is too large');
  const singular = word.endsWith('s') ? word.slice(0, -1) : word;
  if (singular !== 'minute' && singular !== 'hour' && singular !== 'day') {
    throw new InvalidScheduleExpressionError(`unknown rate unit "${word}"`);
  }
  const plural = singular !== word;
  if (plural !== value > 1) {
    throw new InvalidScheduleExpressionError(
      value === 1 ? 'rate unit must be singular for 1' : 'rate unit must be plural above 1',
    );
  }
  return {
    kind: 'rate',
    expression: text,
    value,
    unit: singular,
    periodMs: value * UNIT_MS[singular],
  };
}

/** First `anchor + k·period` (k ≥ 1) strictly after `afterMs`, or null past the Date range. */
export function nextRateFireAfter(
  schedule: RateSchedule,
  afterMs: number,
  anchorMs: number,
): number | null {
  if (afterMs >= MAX_EPOCH_MS) return null;
  const period = schedule.periodMs;
  const k = afterMs < anchorMs ? 1 : Math.max(1, Math.floor((afterMs - anchorMs) / period) + 1);
  let next = anchorMs + k * period;
  // Within the Date range these are exact integers; one correction step covers rounding of a
  // fractional afterMs.
  if (next <= afterMs) next += period;
  return next > MAX_EPOCH_MS ? null : next;
}
