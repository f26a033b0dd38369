/**
 * Choice: the first rule whose condition holds picks `Next` (its Assign/Output replace the
 * state's); otherwise `Default`; otherwise the frame fails with `States.NoChoiceMatched`.
 * JSONPath rules are evaluated on the input after InputPath; JSONata `Condition`s must
 * evaluate to a boolean (anything else is `States.QueryEvaluationError`).
 */
import type { ChoiceState } from '../../definition/index.js';
import {
  STATES_NO_CHOICE_MATCHED,
  STATES_QUERY_EVALUATION_ERROR,
  StatesError,
} from '../../shared/states-error.js';
import { evaluateCondition } from '../choice-conditions.js';
import { inputPath, jsonata } from '../data-flow.js';
import type { ActiveState, Frame } from '../execution-state.js';
import type { StepRun } from '../step-run.js';
import { failFrame, finishState, stateFailure } from '../transitions.js';
import { jsonPathEnv, passOn } from './common.js';

async function ruleMatches(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
  index: number,
): Promise<boolean> {
  const state = active.state as ChoiceState;
  const rule = state.choices[index]!;
  if (state.queryLanguage === 'JSONPath') {
    const env = jsonPathEnv(run, frame, active);
    const input = inputPath(state.inputPath, { ...env, input: active.input });
    return evaluateCondition(rule.condition, { ...env, input });
  }
  const condition = rule.condition.kind === 'jsonata' ? rule.condition.condition : true;
  if (typeof condition === 'boolean') return condition;
  const site = {
    stateType: 'Choice' as const,
    stateName: active.name,
    field: 'Condition',
    within: `Choices/${index}`,
  };
  const value = await jsonata(
    condition,
    site,
    { input: active.input, context: run.context(active) },
    frame.variables,
  );
  if (typeof value !== 'boolean') {
    throw new StatesError(
      STATES_QUERY_EVALUATION_ERROR,
      `The Condition field of Choices/${index} must evaluate to a boolean, but it returned ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

export async function advanceChoice(
  run: StepRun,
  frame: Frame,
  active: ActiveState,
): Promise<void> {
  if (active.phase !== 'entered') return;
  const state = active.state as ChoiceState;
  try {
    for (let i = 0; i < state.choices.length; i++) {
      if (!(await ruleMatches(run, frame, active, i))) continue;
      const rule = state.choices[i]!;
      const overrides = {
        ...(rule.assign === undefined ? {} : { assign: rule.assign }),
        ...(rule.output === undefined ? {} : { output: rule.output }),
        within: `Choices/${i}`,
      };
      const { output, assigned } = await passOn(run, frame, active, overrides);
      await finishState(run, frame, active, output, assigned, rule.next);
      return;
    }
    if (state.default === undefined) {
      throw new StatesError(
        STATES_NO_CHOICE_MATCHED,
        'No Choice rule matched the input and the Choice state has no Default.',
      );
    }
    const { output, assigned } = await passOn(run, frame, active);
    await finishState(run, frame, active, output, assigned, state.default);
  } catch (e) {
    failFrame(run, frame, stateFailure(e, active, run));
  }
}
