/**
 * Moving a frame between states, and the error path every state shares:
 *
 * - `enterState` records `<Type>StateEntered` with the state input;
 * - `finishState` checks the output against the payload limit, records `<Type>StateExited`
 *   (with the variables the state assigned) and enters the next state, if any;
 * - `handleFailure` routes a failure: Retry (first matching Retrier; after its backoff, measured
 *   from the recorded failure, the `restart` callback starts the next attempt), else Catch
 *   (first matching Catcher: the error output `{Error, Cause}` goes through ResultPath or
 *   Output, the state exits and the catcher's Next is entered), else `failFrame`;
 * - `failFrame` fails the frame: at the top level that is ExecutionFailed; a branch or
 *   iteration's parent records it on its next look.
 *
 * Only failures raised by a task, a branch or an iteration are retried; failures of the
 * interpreter's own data flow inside a state (`origin: 'state'`) go to Catch directly.
 */
import type { Catcher } from '../definition/index.js';
import { toJsonText, type JsonObject, type JsonValue } from '../shared/json-value.js';
import { STATES_DATA_LIMIT_EXCEEDED, StatesError, isStatesError } from '../shared/states-error.js';
import { jsonata, jsonPathAssign, jsonPathResult } from './data-flow.js';
import { randomFraction } from './entropy.js';
import { firstMatch, isTerminal } from './error-matching.js';
import type { ActiveState, Frame, RecordedFailure } from './execution-state.js';
import type { HistoryEventType } from './history-types.js';
import { decideRetry } from './retry-policy.js';
import type { StepRun } from './step-run.js';

export function enterState(run: StepRun, frame: Frame, name: string, input: JsonValue): void {
  const state = frame.scope.states[name];
  if (state === undefined) throw new Error(`No state named '${name}' in the scope`);
  run.emit(frame, `${state.type}StateEntered` as HistoryEventType, {
    stateEnteredEventDetails: { name, input: toJsonText(input) },
  });
}

export function payloadTooLarge(run: StepRun, value: JsonValue): boolean {
  return Buffer.byteLength(toJsonText(value), 'utf8') > run.options.payloadLimitBytes;
}

/** A failure raised while the state was working, with AWS's state prefix on the cause. */
export function stateFailure(e: unknown, active: ActiveState, run: StepRun): RecordedFailure {
  if (!isStatesError(e)) throw e;
  return {
    error: e.error,
    cause: e.withStatePrefix(active.name, active.enteredEventId),
    origin: 'state',
    eventId: active.enteredEventId,
    time: run.now,
  };
}

function dataLimitFailure(run: StepRun, active: ActiveState): RecordedFailure {
  const e = new StatesError(
    STATES_DATA_LIMIT_EXCEEDED,
    `The state/task '${active.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
  );
  return stateFailure(e, active, run);
}

function exitEvent(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  output: JsonValue,
  assigned: JsonObject | undefined,
): void {
  const assignedVariables =
    assigned === undefined
      ? undefined
      : Object.fromEntries(Object.entries(assigned).map(([k, v]) => [k, toJsonText(v)]));
  run.emit(frame, `${active.state.type}StateExited` as HistoryEventType, {
    stateExitedEventDetails: {
      name: active.name,
      output: toJsonText(output),
      ...(assignedVariables ? { assignedVariables } : {}),
    },
  });
}

/** Exits the active state with its output and enters `next` (default: its transition). */
export async function finishState(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  output: JsonValue,
  assigned: JsonObject | undefined,
  next?: string,
): Promise<void> {
  if (payloadTooLarge(run, output)) {
    await handleFailure(run, frame, active, dataLimitFailure(run, active));
    return;
  }
  exitEvent(run, frame, active, output, assigned);
  const state = active.state;
  const target =
    next ??
    ('transition' in state && state.transition.type === 'next' ? state.transition.next : undefined);
  if (target !== undefined) enterState(run, frame, target, output);
}

export function failFrame(run: StepRun, frame: Frame, failure: RecordedFailure): void {
  frame.status = 'failed';
  frame.failure = { error: failure.error, cause: failure.cause, origin: failure.origin };
  if (frame.key !== '') return;
  const details = {
    ...(failure.error === '' ? {} : { error: failure.error }),
    ...(failure.cause === '' ? {} : { cause: failure.cause }),
  };
  run.emit(frame, 'ExecutionFailed', { executionFailedEventDetails: details });
  run.command({ kind: 'executionFailed', ...details });
}

export async function handleFailure(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  failure: RecordedFailure,
  restart?: () => Promise<void>,
): Promise<void> {
  const state = active.state;
  const retriers = 'retry' in state ? state.retry : [];
  if (restart && failure.origin !== 'state' && !isTerminal(failure)) {
    const label = `retry:${frame.key}:${failure.eventId}`;
    const decision = decideRetry(retriers, active.retryCounts, failure, () =>
      randomFraction(run.info.randomSeed, label),
    );
    if (decision.retry) {
      const due = Date.parse(failure.time) + decision.delayMs;
      if (run.nowMs >= due) return restart();
      const dueAt = new Date(due).toISOString();
      run.command({ kind: 'startTimer', timerId: label, dueAt, purpose: 'retry' });
      return;
    }
  }
  const catchers: Catcher[] = 'catch' in state ? state.catch : [];
  const index = firstMatch(catchers, failure);
  const catcher = catchers[index];
  if (catcher === undefined) return failFrame(run, frame, failure);
  let output: JsonValue;
  let assigned: JsonObject | undefined;
  try {
    ({ output, assigned } = await catchOutput(run, frame, active, catcher, index, failure));
  } catch (e) {
    return failFrame(run, frame, stateFailure(e, active, run));
  }
  if (payloadTooLarge(run, output)) return failFrame(run, frame, dataLimitFailure(run, active));
  exitEvent(run, frame, active, output, assigned);
  enterState(run, frame, catcher.next, output);
}

async function catchOutput(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  catcher: Catcher,
  index: number,
  failure: RecordedFailure,
): Promise<{ output: JsonValue; assigned: JsonObject | undefined }> {
  const errorOutput: JsonObject = { Error: failure.error, Cause: failure.cause };
  const context = run.context(active);
  if (active.state.queryLanguage === 'JSONPath') {
    const ctx = { context, variables: frame.variables };
    const { output } = jsonPathResult(
      { resultPath: catcher.resultPath },
      active.input,
      errorOutput,
      ctx,
    );
    return { output, assigned: jsonPathAssign(catcher.assign, errorOutput, ctx) };
  }
  const site = {
    stateType: active.state.type,
    stateName: active.name,
    within: `Catch/${index}`,
    inCatch: true,
  };
  const states = { input: active.input, errorOutput, context };
  const output =
    catcher.output === undefined
      ? errorOutput
      : await jsonata(catcher.output, { ...site, field: 'Output' }, states, frame.variables);
  const assigned =
    catcher.assign === undefined
      ? undefined
      : ((await jsonata(
          catcher.assign,
          { ...site, field: 'Assign' },
          states,
          frame.variables,
        )) as JsonObject);
  return { output, assigned };
}
