/**
 * `StatesError`: a runtime failure of a workflow state that the interpreter routes to
 * Retry/Catch, shared by the JSONPath layer, the JSONata layer and the engine. `error` is the
 * error name (a predefined `States.*` name or a task's own error) and `cause` is worded like
 * AWS's cause, without the "An error occurred while executing the state 'X' (entered at the
 * event id #N)." prefix, which only the interpreter knows (`withStatePrefix` adds it).
 */

export const STATES_ALL = 'States.ALL';
export const STATES_RUNTIME = 'States.Runtime';
export const STATES_INTRINSIC_FAILURE = 'States.IntrinsicFailure';
export const STATES_RESULT_PATH_MATCH_FAILURE = 'States.ResultPathMatchFailure';
export const STATES_PARAMETER_PATH_FAILURE = 'States.ParameterPathFailure';
export const STATES_QUERY_EVALUATION_ERROR = 'States.QueryEvaluationError';
export const STATES_DATA_LIMIT_EXCEEDED = 'States.DataLimitExceeded';
export const STATES_TIMEOUT = 'States.Timeout';
export const STATES_HEARTBEAT_TIMEOUT = 'States.HeartbeatTimeout';
export const STATES_TASK_FAILED = 'States.TaskFailed';
export const STATES_BRANCH_FAILED = 'States.BranchFailed';
export const STATES_NO_CHOICE_MATCHED = 'States.NoChoiceMatched';
export const STATES_PERMISSIONS = 'States.Permissions';
export const STATES_EXCEED_TOLERATED_FAILURE_THRESHOLD = 'States.ExceedToleratedFailureThreshold';
export const STATES_ITEM_READER_FAILED = 'States.ItemReaderFailed';
export const STATES_RESULT_WRITER_FAILED = 'States.ResultWriterFailed';

/** The predefined error names of the States Language. */
export type StatesErrorName =
  | typeof STATES_ALL
  | typeof STATES_RUNTIME
  | typeof STATES_INTRINSIC_FAILURE
  | typeof STATES_RESULT_PATH_MATCH_FAILURE
  | typeof STATES_PARAMETER_PATH_FAILURE
  | typeof STATES_QUERY_EVALUATION_ERROR
  | typeof STATES_DATA_LIMIT_EXCEEDED
  | typeof STATES_TIMEOUT
  | typeof STATES_HEARTBEAT_TIMEOUT
  | typeof STATES_TASK_FAILED
  | typeof STATES_BRANCH_FAILED
  | typeof STATES_NO_CHOICE_MATCHED
  | typeof STATES_PERMISSIONS
  | typeof STATES_EXCEED_TOLERATED_FAILURE_THRESHOLD
  | typeof STATES_ITEM_READER_FAILED
  | typeof STATES_RESULT_WRITER_FAILED;

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
