/**
 * Which Retrier or Catcher handles an error, by its `ErrorEquals`:
 *
 * - an exact name matches itself;
 * - `States.ALL` matches every error except `States.Runtime`, which is terminal (never
 *   retried or caught, whatever ErrorEquals says);
 * - `States.TaskFailed` matches any failure of a Task state except the timeouts;
 * - `States.Timeout` also matches `States.HeartbeatTimeout` (the spec's wording: a task that
 *   "failed to heartbeat" timed out);
 * - `States.BranchFailed` matches any failure of a Parallel state caused by a branch
 *   (Switchyard's reading: AWS propagates the branch's own error name).
 */
import {
  STATES_ALL,
  STATES_BRANCH_FAILED,
  STATES_HEARTBEAT_TIMEOUT,
  STATES_RUNTIME,
  STATES_TASK_FAILED,
  STATES_TIMEOUT,
} from '../shared/states-error.js';

export interface Failure {
  error: string;
  cause: string;
  /** What raised it: the task itself, a branch/iteration, or the interpreter's data flow. */
  origin: 'task' | 'branch' | 'state';
}

export function isTerminal(failure: Failure): boolean {
  return failure.error === STATES_RUNTIME;
}

export function errorMatches(errorEquals: readonly string[], failure: Failure): boolean {
  if (isTerminal(failure)) return false;
  return errorEquals.some((name) => {
    if (name === failure.error || name === STATES_ALL) return true;
    if (name === STATES_TIMEOUT) return failure.error === STATES_HEARTBEAT_TIMEOUT;
    if (name === STATES_TASK_FAILED) {
      return (
        failure.origin === 'task' &&
        failure.error !== STATES_TIMEOUT &&
        failure.error !== STATES_HEARTBEAT_TIMEOUT
      );
    }
    if (name === STATES_BRANCH_FAILED) return failure.origin === 'branch';
    return false;
  });
}

/** Index of the first rule whose ErrorEquals matches, or -1. */
export function firstMatch(
  rules: readonly { errorEquals: readonly string[] }[],
  failure: Failure,
): number {
  return rules.findIndex((rule) => errorMatches(rule.errorEquals, failure));
}
