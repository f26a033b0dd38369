/**
 * Pass: JSONPath — InputPath, then `Result` (or Parameters over the effective input) is the
 * result, placed by ResultPath into the raw input, then OutputPath; `Assign` sees the result.
 * JSONata — `Output` (default: the input) and `Assign`. A Pass state cannot catch, so a
 * failure fails the frame.
 */
import type { PassState } from '../../definition/index.js';
import { cloneJson, type JsonObject, type JsonValue } from '../../shared/json-value.js';
import { inputPath, jsonPathAssign, jsonPathResult, parameters } from '../data-flow.js';
import type { ActiveState, Frame } from '../execution-state.js';
import type { StepRun } from '../step-run.js';
import { failFrame, finishState, stateFailure } from '../transitions.js';
import { jsonPathEnv, passOn } from './common.js';

export async function advancePass(run: StepRun, frame: Frame, active: ActiveState): Promise<void> {
  if (active.phase !== 'entered') return;
  const state = active.state as PassState;
  let output: JsonValue;
  let assigned: JsonObject | undefined;
  try {
    if (state.queryLanguage === 'JSONPath') {
      const env = jsonPathEnv(run, frame, active);
      const effective = inputPath(state.inputPath, { ...env, input: active.input });
      const result =
        state.result !== undefined
          ? cloneJson(state.result)
          : parameters(state.parameters, effective, env);
      assigned = jsonPathAssign(state.assign, result, env);
      const fields = { resultPath: state.resultPath, outputPath: state.outputPath };
      output = jsonPathResult(fields, active.input, result, env).output;
    } else {
      ({ output, assigned } = await passOn(run, frame, active));
    }
  } catch (e) {
    failFrame(run, frame, stateFailure(e, active, run));
    return;
  }
  await finishState(run, frame, active, output, assigned);
}
