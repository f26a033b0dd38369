/**
 * Wait: the due time is the entered time plus `Seconds` (a number, a JSONata expression, or
 * `SecondsPath` on the input after InputPath: a non-negative integer), or `Timestamp` /
 * `TimestampPath` (an RFC 3339 string). Before it is due the state asks for a durable timer
 * (id `wait:<scope>:<entered event id>`, the same on every replay); once `now` has passed it,
 * the state exits with its input (OutputPath / Output applied).
 */
import { isAslTimestamp, type WaitState } from '../../definition/index.js';
import type { JsonValue } from '../../shared/json-value.js';
import { STATES_RUNTIME, StatesError } from '../../shared/states-error.js';
import { inputPath, jsonata, readPath } from '../data-flow.js';
import type { ActiveState, Frame } from '../execution-state.js';
import type { StepRun } from '../step-run.js';
import { failFrame, finishState, stateFailure } from '../transitions.js';
import { jsonPathEnv, passOn } from './common.js';

function seconds(value: JsonValue, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new StatesError(
      STATES_RUNTIME,
      `The ${field} value must be a non-negative integer, but it is ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function timestamp(value: JsonValue, field: string): number {
  if (typeof value !== 'string' || !isAslTimestamp(value)) {
    throw new StatesError(
      STATES_RUNTIME,
      `The ${field} value must be an RFC 3339 timestamp, but it is ${JSON.stringify(value)}.`,
    );
  }
  return Date.parse(value);
}

async function dueTime(run: StepRun, frame: Frame, active: ActiveState): Promise<number> {
  const state = active.state as WaitState;
  const entered = Date.parse(active.enteredTime);
  const wait = state.wait;
  if (state.queryLanguage === 'JSONata') {
    const states = { input: active.input, context: run.context(active) };
    const field = wait.kind === 'timestamp' ? 'Timestamp' : 'Seconds';
    const raw =
      wait.kind === 'timestamp' ? wait.timestamp : wait.kind === 'seconds' ? wait.seconds : 0;
    const site = { stateType: 'Wait' as const, stateName: active.name, field };
    const value = await jsonata(raw, site, states, frame.variables);
    return field === 'Seconds' ? entered + seconds(value, field) * 1000 : timestamp(value, field);
  }
  const env = jsonPathEnv(run, frame, active);
  switch (wait.kind) {
    case 'seconds':
      return entered + seconds(wait.seconds, 'Seconds') * 1000;
    case 'timestamp':
      return timestamp(wait.timestamp, 'Timestamp');
    case 'secondsPath':
    case 'timestampPath': {
      const input = inputPath(state.inputPath, { ...env, input: active.input });
      const value = readPath(wait.path, { ...env, input });
      return wait.kind === 'secondsPath'
        ? entered + seconds(value, 'SecondsPath') * 1000
        : timestamp(value, 'TimestampPath');
    }
  }
}

export async function advanceWait(run: StepRun, frame: Frame, active: ActiveState): Promise<void> {
  if (active.phase !== 'entered') return;
  try {
    const due = await dueTime(run, frame, active);
    if (run.nowMs < due) {
      const timerId = `wait:${frame.key}:${active.enteredEventId}`;
      run.command({
        kind: 'startTimer',
        timerId,
        dueAt: new Date(due).toISOString(),
        purpose: 'wait',
      });
      return;
    }
    const { output, assigned } = await passOn(run, frame, active);
    await finishState(run, frame, active, output, assigned);
  } catch (e) {
    failFrame(run, frame, stateFailure(e, active, run));
  }
}
