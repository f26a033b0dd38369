/**
 * `StatesError`: a runtime failure of the JSONata layer that the interpreter routes to
 * Retry/Catch. `error` is the States.* name (here always `States.QueryEvaluationError`) and
 * `cause` is worded like AWS's cause, without the "An error occurred while executing the state
 * 'X' (entered at the event id #N)." prefix that only the interpreter knows (`withStatePrefix`
 * adds it).
 *
 * Same shape as the class in `jsonpath/errors.ts` (`new StatesError(error, cause)`, readonly
 * `error` and `cause`, `withStatePrefix`), so the lead can replace both with one shared
 * `workflows/states-error.ts` by changing imports only.
 */

export const STATES_QUERY_EVALUATION_ERROR = 'States.QueryEvaluationError';

export class StatesError extends Error {
  readonly error: string;
  override readonly cause: string;

  constructor(error: string, cause: string) {
    super(`${error}: ${cause}`);
    this.name = 'StatesError';
    this.error = error;
    this.cause = cause;
  }

  /** The cause as AWS records it in the history, with the state and its entered event. */
  withStatePrefix(stateName: string, enteredEventId: number): string {
    return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). ${this.cause}`;
  }
}

export function isStatesError(e: unknown): e is StatesError {
  return e instanceof StatesError;
}
