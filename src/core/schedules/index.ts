/**
 * Schedules: EventBridge rule `ScheduleExpression`s (`rate(...)`, AWS `cron(...)`), parsed and
 * validated as PutRule does, with due-time computation for durable timers.
 */
export {
  INVALID_SCHEDULE_EXPRESSION_MESSAGE,
  InvalidScheduleExpressionError,
  isInvalidScheduleExpressionError,
} from './invalid-schedule-expression-error.js';
export {
  MAX_SCHEDULE_EXPRESSION_LENGTH,
  nextFireAfter,
  parseScheduleExpression,
} from './parse-schedule-expression.js';
export { MAX_RATE_VALUE } from './rate-expression.js';
export type {
  CronSchedule,
  DayOfMonthSpec,
  DayOfWeekSpec,
  RateSchedule,
  RateUnit,
  Schedule,
} from './schedule-types.js';
