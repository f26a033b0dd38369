/**
 * Inline Map: one nested frame per item, at most MaxConcurrency running at once (0: no limit).
 * Items come from ItemsPath on the input after InputPath (JSONPath) or `Items` (JSONata, default
 * the input) and must be an array; each iteration's input is the item, or `ItemSelector`
 * (legacy `Parameters`) evaluated with `$$.Map.Item.Index/Value`.
 *
 *   entered ─▶ MapStateStarted{length} ─▶ children
 *   children: MapIterationStarted{index} + the iteration's StartAt entered, as slots free up;
 *             a finished iteration ─▶ MapIterationSucceeded / MapIterationFailed
 *   all settled ─▶ MapStateSucceeded ─▶ output (results in item order), Exited
 *   a failure beyond the tolerance ─▶ MapStateFailed ─▶ Retry │ Catch │ fail
 *
 * Without ToleratedFailure* the first failed iteration fails the state with its own error;
 * with them, exceeding the count or percentage is `States.ExceedToleratedFailureThreshold`
 * and a tolerated failure leaves `{Error, Cause}` at its index in the result.
 */
import type { MapState } from '../../definition/index.js';
import type { JsonValue } from '../../shared/json-value.js';
import {
  STATES_EXCEED_TOLERATED_FAILURE_THRESHOLD,
  STATES_RUNTIME,
  StatesError,
} from '../../shared/states-error.js';
import { inputPath, jsonata, parameters, readPath } from '../data-flow.js';
import type { Failure } from '../error-matching.js';
import type { ActiveState, Frame } from '../execution-state.js';
import type { StepRun } from '../step-run.js';
import { enterState, handleFailure, stateFailure } from '../transitions.js';
import { jsonPathEnv } from './common.js';
import { completeWithResult } from './results.js';

interface Plan {
  items: JsonValue[];
  inputs: JsonValue[];
  maxConcurrency: number;
  toleratedCount?: number;
  toleratedPercentage?: number;
}

function asArray(value: JsonValue, field: string): JsonValue[] {
  if (!Array.isArray(value)) {
    throw new StatesError(
      STATES_RUNTIME,
      `The ${field} value must be a JSON array, but it is ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function asNumber(value: JsonValue, field: string): number {
  if (typeof value !== 'number' || value < 0) {
    throw new StatesError(
      STATES_RUNTIME,
      `The ${field} value must be a non-negative number, but it is ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

async function plan(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  retryCount: number,
): Promise<Plan> {
  const state = active.state as MapState;
  const selector = state.itemSelector ?? (state.fromIterator ? state.parameters : undefined);
  if (state.queryLanguage === 'JSONPath') {
    const env = jsonPathEnv(run, frame, { ...active, retryCount }, { retryCount });
    const effective = inputPath(state.inputPath, { ...env, input: active.input });
    const read = (path: string | undefined, literal: number | string | undefined, field: string) =>
      path !== undefined
        ? asNumber(readPath(path, { ...env, input: effective }), field)
        : typeof literal === 'number'
          ? literal
          : undefined;
    const items = asArray(
      state.itemsPath === undefined
        ? effective
        : readPath(state.itemsPath, { ...env, input: effective }),
      'ItemsPath',
    );
    const inputs = items.map((value, index) => {
      if (
        selector === undefined ||
        selector === null ||
        typeof selector !== 'object' ||
        Array.isArray(selector)
      )
        return value;
      const itemEnv = {
        ...env,
        context: run.context(active, { retryCount, item: { index, value } }),
      };
      return parameters(selector, effective, itemEnv);
    });
    return {
      items,
      inputs,
      maxConcurrency:
        read(state.maxConcurrencyPath, state.maxConcurrency, 'MaxConcurrencyPath') ?? 0,
      ...optional(
        'toleratedCount',
        read(
          state.toleratedFailureCountPath,
          state.toleratedFailureCount,
          'ToleratedFailureCountPath',
        ),
      ),
      ...optional(
        'toleratedPercentage',
        read(
          state.toleratedFailurePercentagePath,
          state.toleratedFailurePercentage,
          'ToleratedFailurePercentagePath',
        ),
      ),
    };
  }
  const context = run.context(active, { retryCount });
  const site = (field: string) => ({ stateType: 'Map' as const, stateName: active.name, field });
  const evaluate = async (value: JsonValue | undefined, field: string) =>
    value === undefined
      ? undefined
      : jsonata(value, site(field), { input: active.input, context }, frame.variables);
  const items = asArray((await evaluate(state.items, 'Items')) ?? active.input, 'Items');
  const inputs: JsonValue[] = [];
  for (const [index, value] of items.entries()) {
    if (state.itemSelector === undefined) {
      inputs.push(value);
      continue;
    }
    const itemContext = run.context(active, { retryCount, item: { index, value } });
    inputs.push(
      await jsonata(
        state.itemSelector,
        site('ItemSelector'),
        { input: active.input, context: itemContext },
        frame.variables,
      ),
    );
  }
  const num = async (value: number | string | undefined, field: string) =>
    value === undefined ? undefined : asNumber((await evaluate(value, field)) ?? null, field);
  return {
    items,
    inputs,
    maxConcurrency: (await num(state.maxConcurrency, 'MaxConcurrency')) ?? 0,
    ...optional('toleratedCount', await num(state.toleratedFailureCount, 'ToleratedFailureCount')),
    ...optional(
      'toleratedPercentage',
      await num(state.toleratedFailurePercentage, 'ToleratedFailurePercentage'),
    ),
  };
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

async function start(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  retryCount: number,
): Promise<void> {
  let length: number;
  try {
    length = (await plan(run, frame, active, retryCount)).items.length;
  } catch (e) {
    await handleFailure(run, frame, active, stateFailure(e, active, run));
    return;
  }
  run.emit(frame, 'MapStateStarted', { mapStateStartedEventDetails: { length } });
}

function tolerated(p: Plan, failed: number, length: number): boolean {
  if (p.toleratedCount === undefined && p.toleratedPercentage === undefined) return failed === 0;
  if (p.toleratedCount !== undefined && failed > p.toleratedCount) return false;
  if (p.toleratedPercentage !== undefined && (failed / length) * 100 > p.toleratedPercentage)
    return false;
  return true;
}

async function watch(run: StepRun, frame: Frame, active: ActiveState): Promise<void> {
  const state = active.state as MapState;
  const children = active.children ?? [];
  const settled = active.settled ?? new Map<number, { output?: JsonValue; failure?: Failure }>();
  const length = active.mapLength ?? 0;
  for (const child of children) {
    if (child === undefined || settled.has(child.index)) continue;
    await run.advanceFrame(child);
    const iteration = { name: state.name, index: child.index };
    if (child.status === 'succeeded')
      run.emit(frame, 'MapIterationSucceeded', { mapIterationSucceededEventDetails: iteration });
    if (child.status === 'failed') {
      const f = child.failure ?? { error: '', cause: '' };
      run.emit(frame, 'MapIterationFailed', {
        mapIterationFailedEventDetails: iteration,
        failureDetails: { error: f.error, cause: f.cause },
      });
    }
  }
  let p: Plan;
  try {
    p = await plan(run, frame, active, active.retryCount);
  } catch (e) {
    await handleFailure(run, frame, active, stateFailure(e, active, run));
    return;
  }
  const failures = [...settled.values()].filter((s) => s.failure !== undefined);
  if (!tolerated(p, failures.length, length)) {
    const usesTolerance = p.toleratedCount !== undefined || p.toleratedPercentage !== undefined;
    const first = failures[0]?.failure ?? { error: '', cause: '' };
    const failureDetails = usesTolerance
      ? {
          error: STATES_EXCEED_TOLERATED_FAILURE_THRESHOLD,
          cause: `The specified tolerated failure threshold was exceeded: ${failures.length} of ${length} iterations failed.`,
        }
      : { error: first.error, cause: first.cause };
    run.emit(frame, 'MapStateFailed', { failureDetails });
    return;
  }
  if (settled.size === length) {
    run.emit(frame, 'MapStateSucceeded');
    return;
  }
  const running = children.filter((c) => c !== undefined && !settled.has(c.index)).length;
  let next = children.length;
  let free = p.maxConcurrency === 0 ? length : p.maxConcurrency - running;
  while (free > 0 && next < length) {
    run.emit(frame, 'MapIterationStarted', {
      mapIterationStartedEventDetails: { name: state.name, index: next },
    });
    const child = active.children?.[next];
    if (child) enterState(run, child, state.itemProcessor.startAt, p.inputs[next] ?? null);
    next++;
    free--;
  }
}

export async function advanceMap(run: StepRun, frame: Frame, active: ActiveState): Promise<void> {
  switch (active.phase) {
    case 'entered':
      return start(run, frame, active, active.retryCount);
    case 'children':
      return watch(run, frame, active);
    case 'succeeded':
      return completeWithResult(run, frame, active);
    case 'failed':
      if (active.failure === undefined) return;
      return handleFailure(run, frame, active, active.failure, () =>
        start(run, frame, active, active.retryCount + 1),
      );
    default:
      return;
  }
}
