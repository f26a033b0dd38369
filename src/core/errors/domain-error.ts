/**
 * DomainError: the one exception type the core throws for anything a caller did wrong or
 * anything that is not possible right now. It names an entry of the error catalogue; each
 * protocol renders that entry in its own wire shape (JSON `__type`, query `<Code>`).
 */
import { ERRORS, type ErrorId } from './catalogue.js';

export class DomainError extends Error {
  readonly id: ErrorId;

  constructor(id: ErrorId, message?: string) {
    super(message ?? ERRORS[id].message);
    this.id = id;
    this.name = id;
  }

  get spec() {
    return ERRORS[this.id];
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** Shorthand for the most common case: an invalid parameter value with AWS's message. */
export function invalidParameter(message: string): DomainError {
  return new DomainError('InvalidParameterValue', message);
}
