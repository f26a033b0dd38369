/**
 * Evaluation helpers shared by the state handlers: the JSONPath evaluation context of a state
 * (`$$`, variables, the recorded random source), and the output of the states that only pass
 * their input on (Choice, Wait, Succeed): InputPath then OutputPath, or the JSONata `Output`.
 */
import type { EvaluationContext } from '../../jsonpath/index.js';
import type { JsonObject, JsonValue } from '../../shared/json-value.js';
import { filterPath, inputPath, jsonata, jsonPathAssign } from '../data-flow.js';
import type { ActiveState, Frame } from '../execution-state.js';
import type { StepRun } from '../step-run.js';
import { applyOutputPath } from '../../jsonpath/index.js';
import { guard } from '../data-flow.js';

export type Env = Omit<EvaluationContext, 'input'> & { context: JsonObject };

export function jsonPathEnv(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  extra: Parameters<StepRun['context']>[1] = {},
): Env {
  return {
    context: run.context(active, extra),
    variables: frame.variables,
    entropy: run.entropy(`state:${frame.key}:${active.enteredEventId}:${active.retryCount}`),
  };
}

export interface PassOn {
  output: JsonValue;
  assigned: JsonObject | undefined;
}

/**
 * Output of a state that does no work. `assign` and `output` override the state's own fields
 * (a Choice rule's); `within` names the rule in JSONata locations.
 */
export async function passOn(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  overrides: { assign?: JsonObject; output?: JsonValue; within?: string } = {},
): Promise<PassOn> {
  const state = active.state;
  const assign = overrides.assign ?? ('assign' in state ? state.assign : undefined);
  if (state.queryLanguage === 'JSONPath') {
    const env = jsonPathEnv(run, frame, active);
    const effective = inputPath('inputPath' in state ? state.inputPath : undefined, {
      ...env,
      input: active.input,
    });
    const assigned = jsonPathAssign(assign, effective, env);
    const outputPath = 'outputPath' in state ? state.outputPath : undefined;
    const output = guard(() => applyOutputPath(filterPath(outputPath), effective, env));
    return { output, assigned };
  }
  const states = { input: active.input, context: run.context(active) };
  const site = {
    stateType: state.type,
    stateName: active.name,
    ...(overrides.within === undefined ? {} : { within: overrides.within }),
  };
  const outputField = overrides.output ?? ('output' in state ? state.output : undefined);
  const output =
    outputField === undefined
      ? active.input
      : await jsonata(outputField, { ...site, field: 'Output' }, states, frame.variables);
  const assigned =
    assign === undefined
      ? undefined
      : ((await jsonata(
          assign,
          { ...site, field: 'Assign' },
          states,
          frame.variables,
        )) as JsonObject);
  return { output, assigned };
}
