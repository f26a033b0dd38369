/**
 * The output of a Parallel or Map state from its result (the array of branch or iteration
 * outputs): JSONPath ResultSelector → ResultPath → OutputPath with Assign over the selected
 * result; JSONata `Output` (default: the result) and `Assign` with `$states.result`.
 * Failures here go to Catch.
 */
import type { MapState, ParallelState } from '../../definition/index.js';
import type { JsonObject, JsonValue } from '../../shared/json-value.js';
import { jsonata, jsonPathAssign, jsonPathResult } from '../data-flow.js';
import type { ActiveState, Frame } from '../execution-state.js';
import type { StepRun } from '../step-run.js';
import { finishState, handleFailure, stateFailure } from '../transitions.js';
import { jsonPathEnv } from './common.js';

export async function completeWithResult(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
): Promise<void> {
  const state = active.state as ParallelState | MapState;
  const result = active.result ?? [];
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
      const site = (field: string) => ({ stateType: state.type, stateName: active.name, field });
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
