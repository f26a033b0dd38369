/**
 * Turning what the outside world observed into history events: the start of an execution,
 * and a task's start, success, failure or timeout. Reports name the task by `taskId` (the
 * TaskScheduled event id from the command). A report for a task that is no longer awaited
 * (already settled, or its state moved on) yields `undefined` and must be dropped, so a
 * duplicated delivery is never applied twice. A success whose output exceeds the payload
 * limit is recorded as TaskFailed with `States.DataLimitExceeded`, as AWS does.
 */
import type { StateMachineDefinition } from '../definition/index.js';
import { toJsonText, type JsonValue } from '../shared/json-value.js';
import { STATES_DATA_LIMIT_EXCEEDED } from '../shared/states-error.js';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions } from './commands.js';
import { foldHistory } from './execution-state.js';
import type { HistoryEvent } from './history-types.js';
import { resourceNames } from './states/task.js';

export function executionStartedEvent(
  input: JsonValue,
  now: string,
  roleArn?: string,
): HistoryEvent {
  return {
    id: 1,
    previousEventId: 0,
    timestamp: now,
    type: 'ExecutionStarted',
    scope: '',
    executionStartedEventDetails: {
      input: toJsonText(input),
      ...(roleArn === undefined ? {} : { roleArn }),
    },
  };
}

export type TaskReport =
  | { kind: 'started' }
  | { kind: 'succeeded'; output: JsonValue }
  | { kind: 'failed'; error?: string; cause?: string }
  | { kind: 'timedOut'; error: 'States.Timeout' | 'States.HeartbeatTimeout'; cause?: string };

export function taskReportEvent(
  definition: StateMachineDefinition,
  history: readonly HistoryEvent[],
  taskId: number,
  report: TaskReport,
  now: string,
  options: Partial<EngineOptions> = {},
): HistoryEvent | undefined {
  const scheduled = history[taskId - 1];
  if (scheduled?.type !== 'TaskScheduled' || scheduled.id !== taskId) return undefined;
  const state = foldHistory(definition, history);
  if (state.status !== 'RUNNING') return undefined;
  const frame = state.frames.get(scheduled.scope);
  const active = frame?.active;
  if (!frame || !active || active.scheduledEventId !== taskId) return undefined;
  if (active.phase !== 'scheduled' && active.phase !== 'started') return undefined;
  if (report.kind === 'started' && active.phase !== 'scheduled') return undefined;
  if (active.state.type !== 'Task') return undefined;
  const names = resourceNames(active.state.resource);
  const base = {
    id: state.lastEventId + 1,
    previousEventId: frame.lastEventId,
    timestamp: now,
    scope: frame.key,
  };
  switch (report.kind) {
    case 'started':
      return { ...base, type: 'TaskStarted', taskStartedEventDetails: names };
    case 'succeeded': {
      const output = toJsonText(report.output);
      const limit = options.payloadLimitBytes ?? DEFAULT_ENGINE_OPTIONS.payloadLimitBytes;
      if (Buffer.byteLength(output, 'utf8') > limit) {
        const cause = `The state/task '${names.resourceType === 'lambda' && active.state.resource.kind === 'lambda' ? names.resource : names.resourceType}' returned a result with a size exceeding the maximum number of bytes service limit.`;
        return {
          ...base,
          type: 'TaskFailed',
          taskFailedEventDetails: { ...names, error: STATES_DATA_LIMIT_EXCEEDED, cause },
        };
      }
      return { ...base, type: 'TaskSucceeded', taskSucceededEventDetails: { ...names, output } };
    }
    case 'failed':
      return {
        ...base,
        type: 'TaskFailed',
        taskFailedEventDetails: {
          ...names,
          ...(report.error === undefined ? {} : { error: report.error }),
          ...(report.cause === undefined ? {} : { cause: report.cause }),
        },
      };
    case 'timedOut':
      return {
        ...base,
        type: 'TaskTimedOut',
        taskTimedOutEventDetails: {
          ...names,
          error: report.error,
          ...(report.cause === undefined ? {} : { cause: report.cause }),
        },
      };
  }
}
