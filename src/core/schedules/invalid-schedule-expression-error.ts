/**
 * InvalidScheduleExpressionError: thrown by the schedule parser for any expression it rejects.
 * `message` is exactly the text AWS returns from PutRule for a bad `ScheduleExpression`
 * ("Parameter ScheduleExpression is not valid.", a `ValidationException`, HTTP 400); AWS gives
 * no further detail, so neither does the message. `reason` says what was wrong, for logs and
 * tests only. The protocol edge maps this class to `ValidationException`; the core knows no
 * wire names.
 */
export const INVALID_SCHEDULE_EXPRESSION_MESSAGE = 'Parameter ScheduleExpression is not valid.';

export class InvalidScheduleExpressionError extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(INVALID_SCHEDULE_EXPRESSION_MESSAGE);
    this.name = 'InvalidScheduleExpressionError';
    this.reason = reason;
  }
}

export function isInvalidScheduleExpressionError(e: unknown): e is InvalidScheduleExpressionError {
  return e instanceof InvalidScheduleExpressionError;
}
