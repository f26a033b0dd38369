/**
 * Parallel: every branch runs as a nested frame on the same input (InputPath → Parameters, or
 * `Arguments`); the result is the array of branch outputs, in branch order, processed like a
 * task result (ResultSelector → ResultPath → OutputPath, or `Output`).
 *
 *   entered ─▶ ParallelStateStarted + each branch's StartAt entered ─▶ children
 *   children ─ all branches succeeded ─▶ ParallelStateSucceeded ─▶ output, Exited
 *   children ─ a branch failed ─▶ ParallelStateFailed (the branch's error) ─▶ Retry │ Catch │ fail
 */
import type { ParallelState } from '../../definition/index.js';
import type { JsonValue } from '../../shared/json-value.js';
import { inputPath, jsonata, parameters } from '../data-flow.js';
import type { ActiveState, Frame } from '../execution-state.js';
import type { StepRun } from '../step-run.js';
import { enterState, handleFailure, stateFailure } from '../transitions.js';
import { jsonPathEnv } from './common.js';
import { completeWithResult } from './results.js';

async function branchInput(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  retryCount: number,
): Promise<JsonValue> {
  const state = active.state as ParallelState;
  if (state.queryLanguage === 'JSONPath') {
    const env = jsonPathEnv(run, frame, { ...active, retryCount }, { retryCount });
    return parameters(
      state.parameters,
      inputPath(state.inputPath, { ...env, input: active.input }),
      env,
    );
  }
  if (state.arguments === undefined) return active.input;
  const states = { input: active.input, context: run.context(active, { retryCount }) };
  const site = { stateType: 'Parallel' as const, stateName: active.name, field: 'Arguments' };
  return jsonata(state.arguments, site, states, frame.variables);
}

async function start(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  retryCount: number,
): Promise<void> {
  let input: JsonValue;
  try {
    input = await branchInput(run, frame, active, retryCount);
  } catch (e) {
    await handleFailure(run, frame, active, stateFailure(e, active, run));
    return;
  }
  run.emit(frame, 'ParallelStateStarted');
  const state = active.state as ParallelState;
  for (const [i, child] of (active.children ?? []).entries()) {
    enterState(run, child, state.branches[i]!.startAt, input);
  }
}

async function watch(run: StepRun, frame: Frame, active: ActiveState): Promise<void> {
  const children = active.children ?? [];
  for (const child of children) await run.advanceFrame(child);
  const failed = children.find((c) => c.status === 'failed');
  if (failed) {
    const failure = failed.failure ?? { error: '', cause: '' };
    run.emit(frame, 'ParallelStateFailed', {
      failureDetails: { error: failure.error, cause: failure.cause },
    });
    return;
  }
  if (children.every((c) => c.status === 'succeeded')) run.emit(frame, 'ParallelStateSucceeded');
}

export async function advanceParallel(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
): Promise<void> {
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
