/**
 * Task: schedule the work, then turn its outcome into the state's output.
 *
 *   entered ─schedule─▶ TaskScheduled (+ scheduleTask command) ─report─▶ TaskSucceeded
 *      │                                   │                              └─▶ output, Exited
 *      │                                   └─report─▶ TaskFailed/TimedOut ─▶ Retry │ Catch │ fail
 *      └─ input processing fails ─▶ Catch │ fail
 *
 * The task input is InputPath → Parameters (JSONPath) or `Arguments` (JSONata), with
 * `$$.Task.Token` available for `.waitForTaskToken` and activities. TimeoutSeconds and
 * HeartbeatSeconds (or their Path / JSONata forms) go on the command and the TaskScheduled
 * event; the integration enforces them and reports `States.Timeout` /
 * `States.HeartbeatTimeout`. An effective input over the payload limit is
 * `States.DataLimitExceeded`.
 */
import type { TaskResource, TaskState } from '../../definition/index.js';
import { toJsonText, type JsonObject, type JsonValue } from '../../shared/json-value.js';
import {
  STATES_DATA_LIMIT_EXCEEDED,
  STATES_RUNTIME,
  StatesError,
} from '../../shared/states-error.js';
import {
  inputPath,
  jsonata,
  jsonPathAssign,
  jsonPathResult,
  parameters,
  readPath,
} from '../data-flow.js';
import { taskToken } from '../entropy.js';
import type { ActiveState, Frame } from '../execution-state.js';
import type { StepRun } from '../step-run.js';
import { finishState, handleFailure, payloadTooLarge, stateFailure } from '../transitions.js';
import { jsonPathEnv } from './common.js';

/** `resourceType` / `resource` as Step Functions records them in task events. */
export function resourceNames(resource: TaskResource): { resourceType: string; resource: string } {
  switch (resource.kind) {
    case 'service': {
      const suffix = resource.pattern === 'requestResponse' ? '' : `.${resource.pattern}`;
      return { resourceType: resource.service, resource: `${resource.action}${suffix}` };
    }
    case 'lambda':
      return { resourceType: 'lambda', resource: resource.arn };
    case 'activity':
      return { resourceType: 'activity', resource: resource.arn };
  }
}

function needsToken(resource: TaskResource): boolean {
  return (
    resource.kind === 'activity' ||
    (resource.kind === 'service' && resource.pattern === 'waitForTaskToken')
  );
}

function positiveSeconds(value: JsonValue, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new StatesError(
      STATES_RUNTIME,
      `The ${field} value must be a positive integer, but it is ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

async function schedule(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  retryCount: number,
): Promise<void> {
  const state = active.state as TaskState;
  const scheduledId = run.state.lastEventId + 1;
  const token = needsToken(state.resource)
    ? taskToken(run.info.randomSeed, scheduledId)
    : undefined;
  const extra = { retryCount, ...(token === undefined ? {} : { token }) };
  let input: JsonValue;
  let timeout: number | undefined;
  let heartbeat: number | undefined;
  try {
    if (state.queryLanguage === 'JSONPath') {
      const env = jsonPathEnv(run, frame, { ...active, retryCount }, extra);
      const effective = inputPath(state.inputPath, { ...env, input: active.input });
      input = parameters(state.parameters, effective, env);
      const read = (
        path: string | undefined,
        literal: number | string | undefined,
        field: string,
      ) =>
        path !== undefined
          ? positiveSeconds(readPath(path, { ...env, input: effective }), field)
          : typeof literal === 'number'
            ? literal
            : undefined;
      timeout = read(state.timeoutSecondsPath, state.timeoutSeconds, 'TimeoutSecondsPath');
      heartbeat = read(state.heartbeatSecondsPath, state.heartbeatSeconds, 'HeartbeatSecondsPath');
    } else {
      const states = { input: active.input, context: run.context(active, extra) };
      const site = (field: string) => ({
        stateType: 'Task' as const,
        stateName: active.name,
        field,
      });
      input =
        state.arguments === undefined
          ? active.input
          : await jsonata(state.arguments, site('Arguments'), states, frame.variables);
      const read = async (value: number | string | undefined, field: string) =>
        value === undefined
          ? undefined
          : positiveSeconds(await jsonata(value, site(field), states, frame.variables), field);
      timeout = await read(state.timeoutSeconds, 'TimeoutSeconds');
      heartbeat = await read(state.heartbeatSeconds, 'HeartbeatSeconds');
    }
    if (payloadTooLarge(run, input)) {
      throw new StatesError(
        STATES_DATA_LIMIT_EXCEEDED,
        `The state/task '${active.name}' has an input with a size exceeding the maximum number of bytes service limit.`,
      );
    }
  } catch (e) {
    await handleFailure(run, frame, active, stateFailure(e, active, run));
    return;
  }
  const event = run.emit(frame, 'TaskScheduled', {
    taskScheduledEventDetails: {
      ...resourceNames(state.resource),
      region: run.info.region,
      parameters: toJsonText(input),
      ...(timeout === undefined ? {} : { timeoutInSeconds: timeout }),
      ...(heartbeat === undefined ? {} : { heartbeatInSeconds: heartbeat }),
    },
  });
  run.command({
    kind: 'scheduleTask',
    taskId: event.id,
    stateName: active.name,
    resource: state.resource,
    input,
    ...(token === undefined ? {} : { taskToken: token }),
    ...(timeout === undefined ? {} : { timeoutSeconds: timeout }),
    ...(heartbeat === undefined ? {} : { heartbeatSeconds: heartbeat }),
    ...(state.credentials === undefined ? {} : { credentials: state.credentials }),
  });
}

async function complete(run: StepRun, frame: Frame, active: ActiveState): Promise<void> {
  const state = active.state as TaskState;
  const result = active.result ?? null;
  let output: JsonValue;
  let assigned: JsonObject | undefined;
  try {
    if (state.queryLanguage === 'JSONPath') {
      const env = jsonPathEnv(run, frame, active);
      const r = jsonPathResult(state, active.input, result, env);
      output = r.output;
      assigned = jsonPathAssign(state.assign, r.selected, env);
    } else {
      const states = { input: active.input, result, context: run.context(active) };
      const site = (field: string) => ({
        stateType: 'Task' as const,
        stateName: active.name,
        field,
      });
      output =
        state.output === undefined
          ? result
          : await jsonata(state.output, site('Output'), states, frame.variables);
      assigned =
        state.assign === undefined
          ? undefined
          : ((await jsonata(state.assign, site('Assign'), states, frame.variables)) as JsonObject);
    }
  } catch (e) {
    await handleFailure(run, frame, active, stateFailure(e, active, run));
    return;
  }
  await finishState(run, frame, active, output, assigned);
}

export async function advanceTask(run: StepRun, frame: Frame, active: ActiveState): Promise<void> {
  switch (active.phase) {
    case 'entered':
      return schedule(run, frame, active, active.retryCount);
    case 'succeeded':
      return complete(run, frame, active);
    case 'failed':
      if (active.failure === undefined) return;
      return handleFailure(run, frame, active, active.failure, () =>
        schedule(run, frame, active, active.retryCount + 1),
      );
    default:
      return;
  }
}
