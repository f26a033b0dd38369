/**
 * The step function: `step({definition, execution, history, now})` folds the history, moves
 * every frame as far as it can go without the outside world, and returns the events to append
 * and the commands to run. It is pure and deterministic: no clock (`now` is the time the
 * caller records on the new events; on replay, pass the recorded time), no randomness beyond
 * the execution's recorded seed. Appending the events and calling `step` again with nothing
 * new yields nothing new, so a crash between "persist" and "run commands" is harmless.
 *
 * Execution lifecycle: ExecutionStarted ─▶ RUNNING ─▶ ExecutionSucceeded │ ExecutionFailed │
 * ExecutionTimedOut (machine TimeoutSeconds passed) │ ExecutionAborted (appended from outside).
 * The execution also fails with `States.Runtime` when its history would exceed the limit.
 */
import type { StateMachineDefinition } from '../definition/index.js';
import { toJsonText } from '../shared/json-value.js';
import { STATES_RUNTIME, STATES_TIMEOUT } from '../shared/states-error.js';
import {
  DEFAULT_ENGINE_OPTIONS,
  type Command,
  type EngineOptions,
  type ExecutionInfo,
  type ExecutionStatus,
} from './commands.js';
import { foldHistory, type Frame } from './execution-state.js';
import type { HistoryEvent } from './history-types.js';
import { StepRun } from './step-run.js';
import { advanceChoice } from './states/choice.js';
import { advanceMap } from './states/map.js';
import { advanceParallel } from './states/parallel.js';
import { advancePass } from './states/pass.js';
import { advanceTask } from './states/task.js';
import { advanceFail, advanceSucceed } from './states/terminal.js';
import { advanceWait } from './states/wait.js';
import { enterState, failFrame } from './transitions.js';

export interface StepInput {
  definition: StateMachineDefinition;
  execution: ExecutionInfo;
  history: readonly HistoryEvent[];
  /** ISO-8601 time recorded on the new events and compared with timers' due times. */
  now: string;
  options?: Partial<EngineOptions>;
}

export interface StepResult {
  events: HistoryEvent[];
  commands: Command[];
  status: ExecutionStatus;
}

const HANDLERS = {
  Pass: advancePass,
  Task: advanceTask,
  Choice: advanceChoice,
  Wait: advanceWait,
  Succeed: advanceSucceed,
  Fail: advanceFail,
  Parallel: advanceParallel,
  Map: advanceMap,
} as const;

async function advanceFrame(run: StepRun, frame: Frame): Promise<void> {
  const active = frame.active;
  if (frame.status !== 'running' || active === undefined) return;
  await HANDLERS[active.state.type](run, frame, active);
}

export async function step(input: StepInput): Promise<StepResult> {
  const options = { ...DEFAULT_ENGINE_OPTIONS, ...input.options };
  const state = foldHistory(input.definition, input.history);
  const run = new StepRun(input.definition, input.execution, state, input.now, options);
  run.advanceFrame = (frame) => advanceFrame(run, frame);
  const root = state.root;
  const result = (): StepResult => ({
    events: run.events,
    commands: run.commands,
    status: state.status,
  });
  if (state.status !== 'RUNNING') return result();

  const timeout = input.definition.timeoutSeconds;
  if (timeout !== undefined) {
    const due = Date.parse(state.startTime) + timeout * 1000;
    if (run.nowMs >= due) {
      const details = {
        error: STATES_TIMEOUT,
        cause: `The execution exceeded its TimeoutSeconds of ${timeout}.`,
      };
      run.emit(root, 'ExecutionTimedOut', { executionTimedOutEventDetails: details });
      run.command({ kind: 'executionTimedOut' });
      return result();
    }
    if (root.active === undefined) {
      const dueAt = new Date(due).toISOString();
      run.command({
        kind: 'startTimer',
        timerId: 'execution-timeout',
        dueAt,
        purpose: 'executionTimeout',
      });
    }
  }
  if (root.active === undefined) enterState(run, root, input.definition.startAt, state.input);

  for (;;) {
    const before = run.events.length;
    await advanceFrame(run, root);
    if (root.status === 'succeeded' && state.status === 'RUNNING') {
      const output = root.output ?? null;
      run.emit(root, 'ExecutionSucceeded', {
        executionSucceededEventDetails: { output: toJsonText(output) },
      });
      run.command({ kind: 'executionSucceeded', output });
    }
    if (state.status !== 'RUNNING' || run.events.length === before) break;
    if (state.lastEventId >= options.maxHistoryEvents - 1) {
      failFrame(run, root, {
        error: STATES_RUNTIME,
        cause: `The execution reached the maximum number of history events (${options.maxHistoryEvents}).`,
        origin: 'state',
        eventId: state.lastEventId,
        time: run.now,
      });
      break;
    }
  }
  return result();
}
