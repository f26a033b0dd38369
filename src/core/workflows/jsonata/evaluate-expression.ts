/**
 * Evaluates one compiled expression against `$states` and the workflow variables, under a
 * `Budget`, and words every failure as AWS does, as a `StatesError` with
 * `States.QueryEvaluationError`:
 *
 *   The JSONata expression '<text>' specified for the field '<field>' returned nothing (undefined).
 *   The JSONata expression '<text>' specified for the field '<field>' returned an unsupported result type.
 *   The JSONata expression '<text>' specified for the field '<field>' threw an error during evaluation: <error>
 *
 * where <error> is the JSONata error code and message (`T0410: Argument 1 of function …`) or a
 * bound's message (time, depth, memory).
 */
import type { CompiledExpression } from './compile-expression.js';
import { BUDGET_BINDING, type Budget } from './evaluation-bounds.js';
import { describeThrown } from './function-errors.js';
import { REMOVED_FUNCTIONS } from './sfn-functions.js';
import { STATES_QUERY_EVALUATION_ERROR, StatesError } from '../shared/states-error.js';
import { toJsonValue, UnsupportedResultError } from './result-value.js';
import type { JsonValue } from './types.js';

/** The bindings one template evaluation shares between its expressions. */
export function makeBindings(
  states: Record<string, JsonValue>,
  variables: Readonly<Record<string, JsonValue>>,
  budget: Budget,
): Record<string, unknown> {
  const bindings: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of Object.entries(variables)) bindings[name] = value;
  for (const name of REMOVED_FUNCTIONS) bindings[name] = undefined;
  bindings.states = states;
  bindings[BUDGET_BINDING] = budget;
  return bindings;
}

export async function evaluateExpression(
  compiled: CompiledExpression,
  bindings: Record<string, unknown>,
): Promise<JsonValue> {
  const prefix = `The JSONata expression '${compiled.text}' specified for the field '${compiled.field}'`;
  let raw: unknown;
  try {
    raw = await compiled.expression.evaluate(undefined, bindings);
  } catch (e) {
    throw new StatesError(
      STATES_QUERY_EVALUATION_ERROR,
      `${prefix} threw an error during evaluation: ${describeThrown(e)}`,
    );
  }
  if (raw === undefined) {
    throw new StatesError(STATES_QUERY_EVALUATION_ERROR, `${prefix} returned nothing (undefined).`);
  }
  try {
    return toJsonValue(raw);
  } catch (e) {
    const cause =
      e instanceof UnsupportedResultError
        ? `${prefix} returned an unsupported result type.`
        : `${prefix} threw an error during evaluation: ${describeThrown(e)}`;
    throw new StatesError(STATES_QUERY_EVALUATION_ERROR, cause);
  }
}
