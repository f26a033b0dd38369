/**
 * Public surface of the workflow interpreter: the pure step function over an execution's
 * history, the history event and command types, and the helpers that turn outside
 * observations (execution start, task outcomes) into history events.
 */
export { step, type StepInput, type StepResult } from './step.js';
export {
  DEFAULT_ENGINE_OPTIONS,
  type Command,
  type EngineOptions,
  type ExecutionInfo,
  type ExecutionStatus,
  type ScheduleTaskCommand,
  type StartTimerCommand,
} from './commands.js';
export type { ErrorDetails, HistoryEvent, HistoryEventType } from './history-types.js';
export { executionStartedEvent, taskReportEvent, type TaskReport } from './reports.js';
export { foldHistory, type ExecutionState } from './execution-state.js';
