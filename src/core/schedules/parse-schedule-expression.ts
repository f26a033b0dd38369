/**
 * Entry points: `parseScheduleExpression` validates a PutRule `ScheduleExpression` (at most 256
 * characters, as the API allows) and `nextFireAfter` computes the first fire time strictly
 * after an instant — the due time the caller stores in a durable timer. Nothing here sleeps or
 * reads a clock.
 */
import { nextCronFireAfter } from './cron-next-fire.js';
import { parseCronExpression } from './cron-expression.js';
import { InvalidScheduleExpressionError } from './invalid-schedule-expression-error.js';
import { nextRateFireAfter, parseRateExpression } from './rate-expression.js';
import type { CronSchedule, Schedule } from './schedule-types.js';

export const MAX_SCHEDULE_EXPRESSION_LENGTH = 256;

/** Parses a rule's ScheduleExpression; throws InvalidScheduleExpressionError when AWS would. */
export function parseScheduleExpression(text: string): Schedule {
  if (typeof text !== 'string') throw new InvalidScheduleExpressionError('not a string');
  if (text.length === 0 || text.length > MAX_SCHEDULE_EXPRESSION_LENGTH) {
    throw new InvalidScheduleExpressionError('length must be 1–256');
  }
  if (text.startsWith('rate(')) return parseRateExpression(text);
  if (text.startsWith('cron(')) return parseCronExpression(text);
  throw new InvalidScheduleExpressionError('must be rate(...) or cron(...)');
}

/**
 * The first fire time strictly after `afterMs` (epoch ms), or null if there is none. Cron
 * schedules fire on whole UTC minutes. Rate schedules fire at `anchorMs + k·period` (k ≥ 1),
 * where `anchorMs` is when the rule was created or last enabled; it is required for them.
 */
export function nextFireAfter(schedule: CronSchedule, afterMs: number): number | null;
export function nextFireAfter(schedule: Schedule, afterMs: number, anchorMs: number): number | null;
export function nextFireAfter(
  schedule: Schedule,
  afterMs: number,
  anchorMs?: number,
): number | null {
  if (!Number.isFinite(afterMs)) throw new RangeError('afterMs must be a finite number');
  if (schedule.kind === 'cron') return nextCronFireAfter(schedule, afterMs);
  if (anchorMs === undefined || !Number.isFinite(anchorMs)) {
    throw new RangeError('a rate schedule needs a finite anchorMs (the rule creation/enable time)');
  }
  return nextRateFireAfter(schedule, afterMs, anchorMs);
}
