/**
 * Succeed and Fail. Succeed exits with its input (InputPath/OutputPath or Output) and ends
 * its frame. Fail ends its frame with `Error`/`Cause`: literals, JSONPath `ErrorPath` /
 * `CausePath` (a path or an intrinsic call on the raw input, which must yield a string), or
 * JSONata expressions. Both are absent from ExecutionFailed when the state leaves them out.
 */
import type { FailState } from '../../definition/index.js';
import { evaluateIntrinsic, looksLikeIntrinsic, parseIntrinsic } from '../../jsonpath/index.js';
import type { JsonValue } from '../../shared/json-value.js';
import { STATES_RUNTIME, StatesError } from '../../shared/states-error.js';
import { guard, jsonata, readPath } from '../data-flow.js';
import type { ActiveState, Frame } from '../execution-state.js';
import type { StepRun } from '../step-run.js';
import { failFrame, finishState, stateFailure } from '../transitions.js';
import { jsonPathEnv, passOn } from './common.js';

export async function advanceSucceed(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
): Promise<void> {
  if (active.phase !== 'entered') return;
  try {
    const { output } = await passOn(run, frame, active);
    await finishState(run, frame, active, output, undefined);
  } catch (e) {
    failFrame(run, frame, stateFailure(e, active, run));
  }
}

function asText(value: JsonValue, field: string): string {
  if (typeof value !== 'string') {
    throw new StatesError(
      STATES_RUNTIME,
      `The ${field} field must resolve to a string, but it is ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

async function describe(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  literal: string | undefined,
  path: string | undefined,
  field: 'Error' | 'Cause',
): Promise<string> {
  const state = active.state as FailState;
  if (state.queryLanguage === 'JSONata') {
    if (literal === undefined) return '';
    const states = { input: active.input, context: run.context(active) };
    const site = { stateType: 'Fail' as const, stateName: active.name, field };
    return asText(await jsonata(literal, site, states, frame.variables), field);
  }
  if (literal !== undefined) return literal;
  if (path === undefined) return '';
  const ctx = { ...jsonPathEnv(run, frame, active), input: active.input };
  const value = looksLikeIntrinsic(path)
    ? guard(() => evaluateIntrinsic(parseIntrinsic(path), ctx))
    : readPath(path, ctx);
  return asText(value, `${field}Path`);
}

export async function advanceFail(run: StepRun, frame: Frame, active: ActiveState): Promise<void> {
  if (active.phase !== 'entered') return;
  const state = active.state as FailState;
  try {
    const error = await describe(run, frame, active, state.error, state.errorPath, 'Error');
    const cause = await describe(run, frame, active, state.cause, state.causePath, 'Cause');
    failFrame(run, frame, {
      error,
      cause,
      origin: 'state',
      eventId: active.enteredEventId,
      time: run.now,
    });
  } catch (e) {
    failFrame(run, frame, stateFailure(e, active, run));
  }
}
