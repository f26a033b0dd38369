/**
 * The execution history the interpreter folds and appends to: Step Functions' `HistoryEvent`
 * (same type names, same `…EventDetails` field names, payloads as JSON text), with the
 * timestamp as an ISO-8601 string and two Switchyard extensions the wire layer strips:
 *
 * - `scope`: which frame the event belongs to. `''` is the machine's top level; a Parallel
 *   branch or Map iteration is `<parent scope>/<entered event id>.<branch or item index>`.
 *   AWS keeps nested events in the one history too, but links them only by previousEventId.
 * - `failureDetails` on `ParallelStateFailed`, `MapStateFailed` and `MapIterationFailed`: the
 *   error and cause that made the state or iteration fail (AWS records them on the execution).
 */

export type HistoryEventType =
  | 'ExecutionStarted'
  | 'ExecutionSucceeded'
  | 'ExecutionFailed'
  | 'ExecutionAborted'
  | 'ExecutionTimedOut'
  | 'PassStateEntered'
  | 'PassStateExited'
  | 'TaskStateEntered'
  | 'TaskStateExited'
  | 'TaskScheduled'
  | 'TaskStarted'
  | 'TaskSucceeded'
  | 'TaskFailed'
  | 'TaskTimedOut'
  | 'ChoiceStateEntered'
  | 'ChoiceStateExited'
  | 'WaitStateEntered'
  | 'WaitStateExited'
  | 'SucceedStateEntered'
  | 'SucceedStateExited'
  | 'FailStateEntered'
  | 'ParallelStateEntered'
  | 'ParallelStateStarted'
  | 'ParallelStateSucceeded'
  | 'ParallelStateFailed'
  | 'ParallelStateExited'
  | 'MapStateEntered'
  | 'MapStateStarted'
  | 'MapStateSucceeded'
  | 'MapStateFailed'
  | 'MapStateExited'
  | 'MapIterationStarted'
  | 'MapIterationSucceeded'
  | 'MapIterationFailed';

export interface ErrorDetails {
  error?: string;
  cause?: string;
}

export interface HistoryEvent {
  id: number;
  previousEventId: number;
  /** ISO-8601 with milliseconds, as recorded. */
  timestamp: string;
  type: HistoryEventType;
  /** Switchyard extension: the frame ('' top level). */
  scope: string;
  executionStartedEventDetails?: { input: string; roleArn?: string };
  executionSucceededEventDetails?: { output: string };
  executionFailedEventDetails?: ErrorDetails;
  executionAbortedEventDetails?: ErrorDetails;
  executionTimedOutEventDetails?: ErrorDetails;
  stateEnteredEventDetails?: { name: string; input: string };
  stateExitedEventDetails?: {
    name: string;
    output: string;
    /** Variable name → JSON text, for the variables the state assigned. */
    assignedVariables?: Record<string, string>;
  };
  taskScheduledEventDetails?: {
    resourceType: string;
    resource: string;
    region: string;
    parameters: string;
    timeoutInSeconds?: number;
    heartbeatInSeconds?: number;
  };
  taskStartedEventDetails?: { resourceType: string; resource: string };
  taskSucceededEventDetails?: { resourceType: string; resource: string; output: string };
  taskFailedEventDetails?: { resourceType: string; resource: string } & ErrorDetails;
  taskTimedOutEventDetails?: { resourceType: string; resource: string } & ErrorDetails;
  mapStateStartedEventDetails?: { length: number };
  mapIterationStartedEventDetails?: { name: string; index: number };
  mapIterationSucceededEventDetails?: { name: string; index: number };
  mapIterationFailedEventDetails?: { name: string; index: number };
  /** Switchyard extension on ParallelStateFailed / MapStateFailed / MapIterationFailed. */
  failureDetails?: ErrorDetails;
}
