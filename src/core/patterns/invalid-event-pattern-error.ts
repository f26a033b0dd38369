/**
 * InvalidEventPatternError: thrown by a pattern parser for any pattern it rejects. `message`
 * is the full text AWS puts in an InvalidEventPatternException ("Event pattern is not valid.
 * Reason: …"); `reason` is the part after the prefix. The protocol edge maps this class to the
 * `InvalidEventPatternException` error code (HTTP 400); the core knows no wire names.
 */
export const INVALID_EVENT_PATTERN_PREFIX = 'Event pattern is not valid. Reason: ';

export class InvalidEventPatternError extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(INVALID_EVENT_PATTERN_PREFIX + reason);
    this.name = 'InvalidEventPatternError';
    this.reason = reason;
  }
}

export function isInvalidEventPatternError(e: unknown): e is InvalidEventPatternError {
  return e instanceof InvalidEventPatternError;
}
