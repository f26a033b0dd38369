/**
 * What one step asks of the outside world, and what the outside world must know about the
 * execution. Commands are idempotent by their id (`taskId`, `timerId`): replaying a history
 * yields the same commands with the same ids, so a durable outbox can de-duplicate them.
 *
 * - `scheduleTask`: run a Task through its integration; report back with `taskStarted`,
 *   `taskSucceeded`, `taskFailed` or `taskTimedOut` (see `reports.ts`), naming `taskId`.
 *   The integration owns the task's TimeoutSeconds/HeartbeatSeconds clocks.
 * - `startTimer`: call `step` again at or after `dueAt` (a Wait, a Retry backoff, the
 *   machine's TimeoutSeconds). No event records the firing: the step sees that `now` passed.
 * - `executionSucceeded` / `executionFailed` / `executionTimedOut`: the execution closed.
 */
import type { TaskResource } from '../definition/index.js';
import type { JsonValue } from '../shared/json-value.js';

export interface ScheduleTaskCommand {
  kind: 'scheduleTask';
  /** The id of the TaskScheduled event; reports name it. */
  taskId: number;
  stateName: string;
  resource: TaskResource;
  input: JsonValue;
  /** Present for `.waitForTaskToken` and activities. */
  taskToken?: string;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  credentials?: JsonValue;
}

export interface StartTimerCommand {
  kind: 'startTimer';
  timerId: string;
  dueAt: string;
  purpose: 'wait' | 'retry' | 'executionTimeout';
}

export type Command =
  | ScheduleTaskCommand
  | StartTimerCommand
  | { kind: 'executionSucceeded'; output: JsonValue }
  | { kind: 'executionFailed'; error?: string; cause?: string }
  | { kind: 'executionTimedOut' };

/** Execution metadata that is not in the history (the `$$.Execution`/`StateMachine` fields). */
export interface ExecutionInfo {
  executionArn: string;
  name: string;
  stateMachineArn: string;
  stateMachineName: string;
  roleArn: string;
  region: string;
  /**
   * The execution's recorded random seed (a secret kept with the execution): every random
   * value (jitter, `States.UUID`, unseeded `States.MathRandom`, task tokens) derives from it.
   */
  randomSeed: string;
}

export interface EngineOptions {
  /** States.DataLimitExceeded threshold, UTF-8 bytes of the JSON text (AWS: 256 KiB). */
  payloadLimitBytes: number;
  /** The execution fails when its history would exceed this many events (AWS: 25,000). */
  maxHistoryEvents: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  payloadLimitBytes: 256 * 1024,
  maxHistoryEvents: 25_000,
};

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
