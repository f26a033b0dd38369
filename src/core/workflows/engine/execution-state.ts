/**
 * Folds a history into the execution's current position: a tree of frames (the machine's top
 * level, Parallel branches, Map iterations), each with the state it is in and that state's
 * phase. The fold trusts the history: inputs, outputs, results and errors are read from the
 * events, never recomputed, so it is cheap and replays exactly what happened.
 *
 * State machine of one active state (`ActiveState.phase`):
 *
 *   entered ──TaskScheduled──▶ scheduled ──TaskStarted──▶ started
 *      │                          │  └──────────────┬──────────┘
 *      │                          ▼                 ▼
 *      │                  TaskSucceeded: succeeded   TaskFailed/TaskTimedOut: failed
 *      ├──Parallel/MapStateStarted──▶ children ──…Succeeded──▶ succeeded
 *      │                                  └──────…StateFailed──▶ failed
 *      │   failed ──TaskScheduled / …StateStarted (a retry; counts the retrier)──▶ …
 *      └──…StateExited──▶ exited   (the frame ends when the state ends it; a following
 *                                   …StateEntered in the frame replaces the active state)
 *
 * A frame is `running` until an `…Exited` of an end state (or Succeed) makes it `succeeded`;
 * frame failures are decided by the step, which records them on the parent (ParallelStateFailed,
 * MapIterationFailed) or on the execution (ExecutionFailed).
 */
import type { State, StateMachineDefinition, StateScope } from '../definition/index.js';
import type { JsonValue } from '../shared/json-value.js';
import type { ExecutionStatus } from './commands.js';
import { firstMatch, type Failure } from './error-matching.js';
import type { HistoryEvent } from './history-types.js';

export type Phase =
  'entered' | 'scheduled' | 'started' | 'succeeded' | 'failed' | 'children' | 'exited';

export interface RecordedFailure extends Failure {
  /** The event that recorded it (TaskFailed, …StateFailed) or the state's entered event. */
  eventId: number;
  time: string;
}

export interface ActiveState {
  name: string;
  state: State;
  enteredEventId: number;
  enteredTime: string;
  input: JsonValue;
  phase: Phase;
  /** Retries made per Retrier, and in total (`$$.State.RetryCount`). */
  retryCounts: number[];
  retryCount: number;
  scheduledEventId?: number;
  /** Task result, or the branch/iteration outputs once the Parallel/Map succeeded. */
  result?: JsonValue;
  failure?: RecordedFailure;
  /** Parallel branches or Map iterations of the current attempt, by index. */
  children?: Frame[];
  /** The event that started the current Parallel/Map attempt. */
  startedEventId?: number;
  mapLength?: number;
  /** Map iterations already recorded as succeeded/failed, by index. */
  settled?: Map<number, { output?: JsonValue; failure?: Failure }>;
}

export interface Frame {
  key: string;
  scope: StateScope;
  /** Branch or item index under the parent state; 0 at the top level. */
  index: number;
  variables: Record<string, JsonValue>;
  lastEventId: number;
  status: 'running' | 'succeeded' | 'failed';
  output?: JsonValue;
  /** Set by the step when the frame fails (not persisted: the parent records it). */
  failure?: Failure;
  active?: ActiveState;
}

export interface ExecutionState {
  status: ExecutionStatus;
  input: JsonValue;
  startTime: string;
  roleArn: string;
  root: Frame;
  frames: Map<string, Frame>;
  lastEventId: number;
}

const parse = (text: string | undefined): JsonValue =>
  text === undefined ? null : (JSON.parse(text) as JsonValue);

export function childKey(parent: Frame, startedEventId: number, index: number): string {
  return `${parent.key}/${startedEventId}.${index}`;
}

export function newFrame(
  key: string,
  scope: StateScope,
  index: number,
  variables: Record<string, JsonValue>,
  lastEventId: number,
): Frame {
  return { key, scope, index, variables: { ...variables }, lastEventId, status: 'running' };
}

/** Folds a whole history; the first event must be ExecutionStarted. */
export function foldHistory(
  definition: StateMachineDefinition,
  history: readonly HistoryEvent[],
): ExecutionState {
  const first = history[0];
  if (first?.type !== 'ExecutionStarted') {
    throw new Error('A history starts with an ExecutionStarted event');
  }
  const root = newFrame('', definition, 0, {}, first.id);
  const state: ExecutionState = {
    status: 'RUNNING',
    input: parse(first.executionStartedEventDetails?.input),
    startTime: first.timestamp,
    roleArn: first.executionStartedEventDetails?.roleArn ?? '',
    root,
    frames: new Map([['', root]]),
    lastEventId: first.id,
  };
  for (const event of history.slice(1)) applyEvent(state, event);
  return state;
}

/** Counts a retry when a new attempt starts after a recorded failure. */
function countRetry(active: ActiveState): void {
  if (active.failure === undefined) return;
  const retriers = 'retry' in active.state ? active.state.retry : [];
  const index = firstMatch(retriers, active.failure);
  if (index >= 0) active.retryCounts[index] = (active.retryCounts[index] ?? 0) + 1;
  active.retryCount++;
  active.failure = undefined;
}

export function applyEvent(state: ExecutionState, event: HistoryEvent): void {
  state.lastEventId = event.id;
  const frame = state.frames.get(event.scope);
  if (frame === undefined) return;
  frame.lastEventId = event.id;
  const active = frame.active;
  const time = event.timestamp;
  switch (event.type) {
    case 'ExecutionSucceeded':
      state.status = 'SUCCEEDED';
      return;
    case 'ExecutionFailed':
      state.status = 'FAILED';
      return;
    case 'ExecutionTimedOut':
      state.status = 'TIMED_OUT';
      return;
    case 'ExecutionAborted':
      state.status = 'ABORTED';
      return;
    case 'TaskScheduled':
      if (!active) return;
      countRetry(active);
      active.phase = 'scheduled';
      active.scheduledEventId = event.id;
      return;
    case 'TaskStarted':
      if (active?.phase === 'scheduled') active.phase = 'started';
      return;
    case 'TaskSucceeded':
      if (!active) return;
      active.phase = 'succeeded';
      active.result = parse(event.taskSucceededEventDetails?.output);
      return;
    case 'TaskFailed':
    case 'TaskTimedOut': {
      if (!active) return;
      const d = event.taskFailedEventDetails ?? event.taskTimedOutEventDetails;
      active.phase = 'failed';
      active.failure = {
        error: d?.error ?? '',
        cause: d?.cause ?? '',
        origin: 'task',
        eventId: event.id,
        time,
      };
      return;
    }
    case 'ParallelStateStarted':
    case 'MapStateStarted':
      if (!active) return;
      countRetry(active);
      active.phase = 'children';
      active.startedEventId = event.id;
      active.children = [];
      active.settled = new Map();
      active.mapLength = event.mapStateStartedEventDetails?.length;
      if (active.state.type === 'Parallel') {
        active.children = active.state.branches.map((branch, i) => {
          const child = newFrame(
            childKey(frame, event.id, i),
            branch,
            i,
            frame.variables,
            event.id,
          );
          state.frames.set(child.key, child);
          return child;
        });
      }
      return;
    case 'MapIterationStarted': {
      if (active?.state.type !== 'Map' || !active.children) return;
      const index = event.mapIterationStartedEventDetails?.index ?? 0;
      const key = childKey(frame, active.startedEventId ?? 0, index);
      const child = newFrame(key, active.state.itemProcessor, index, frame.variables, event.id);
      active.children[index] = child;
      state.frames.set(key, child);
      return;
    }
    case 'MapIterationSucceeded': {
      const index = event.mapIterationSucceededEventDetails?.index ?? 0;
      const child = active?.children?.[index];
      active?.settled?.set(index, { output: child?.output ?? null });
      return;
    }
    case 'MapIterationFailed': {
      const index = event.mapIterationFailedEventDetails?.index ?? 0;
      const d = event.failureDetails;
      active?.settled?.set(index, {
        failure: { error: d?.error ?? '', cause: d?.cause ?? '', origin: 'branch' },
      });
      const child = active?.children?.[index];
      if (child) child.status = 'failed';
      return;
    }
    case 'ParallelStateSucceeded':
    case 'MapStateSucceeded':
      if (!active) return;
      active.phase = 'succeeded';
      active.result =
        event.type === 'ParallelStateSucceeded'
          ? (active.children ?? []).map((c) => c.output ?? null)
          : Array.from({ length: active.mapLength ?? 0 }, (_, i) => {
              const s = active.settled?.get(i);
              return s?.failure
                ? { Error: s.failure.error, Cause: s.failure.cause }
                : (s?.output ?? null);
            });
      return;
    case 'ParallelStateFailed':
    case 'MapStateFailed':
      if (!active) return;
      active.phase = 'failed';
      active.failure = {
        error: event.failureDetails?.error ?? '',
        cause: event.failureDetails?.cause ?? '',
        origin: 'branch',
        eventId: event.id,
        time,
      };
      return;
    default:
      applyStateEvent(frame, event);
  }
}

/** `…StateEntered` and `…StateExited` of every state type. */
function applyStateEvent(frame: Frame, event: HistoryEvent): void {
  const entered = event.stateEnteredEventDetails;
  if (event.type.endsWith('StateEntered') && entered) {
    const state = frame.scope.states[entered.name];
    if (state === undefined) return;
    frame.status = 'running';
    frame.output = undefined;
    frame.active = {
      name: entered.name,
      state,
      enteredEventId: event.id,
      enteredTime: event.timestamp,
      input: parse(entered.input),
      phase: 'entered',
      retryCounts: [],
      retryCount: 0,
    };
    return;
  }
  const exited = event.stateExitedEventDetails;
  if (event.type.endsWith('StateExited') && exited && frame.active) {
    for (const [name, text] of Object.entries(exited.assignedVariables ?? {})) {
      frame.variables[name] = parse(text);
    }
    frame.active.phase = 'exited';
    const state = frame.active.state;
    const ends =
      state.type === 'Succeed' || ('transition' in state && state.transition.type === 'end');
    if (ends) {
      frame.status = 'succeeded';
      frame.output = parse(exited.output);
    }
  }
}
