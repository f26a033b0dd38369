/**
 * Evaluates a compiled template against `$states` and the workflow variables: literals are
 * copied, expressions evaluated one after another in document order (so the first failing
 * one, in that order, names the field in the cause), objects and arrays rebuilt around them.
 * One `Budget` bounds the whole field. `$states` holds only the fields readable at the site
 * that were supplied. Failures are `StatesError`s (`States.QueryEvaluationError`).
 */
import type { CompiledTemplate, TemplateNode } from './compile-template.js';
import { Budget, DEFAULT_LIMITS, type EvaluationLimits } from './evaluation-bounds.js';
import { evaluateExpression, makeBindings } from './evaluate-expression.js';
import { copyJson } from './result-value.js';
import type { EvaluationScope, JsonObject, JsonValue, StatesField } from './types.js';

export async function evaluateTemplate(
  template: CompiledTemplate,
  scope: EvaluationScope,
  limits: EvaluationLimits = DEFAULT_LIMITS,
): Promise<JsonValue> {
  if (template.root.kind === 'literal') return copyJson(template.root.value);
  const states = statesVariable(scope, template.site.statesFields);
  const bindings = makeBindings(states, scope.variables ?? {}, new Budget(limits));
  return evaluateNode(template.root, bindings);
}

async function evaluateNode(
  node: TemplateNode,
  bindings: Record<string, unknown>,
): Promise<JsonValue> {
  switch (node.kind) {
    case 'literal':
      return copyJson(node.value);
    case 'expression':
      return evaluateExpression(node.compiled, bindings);
    case 'array': {
      const items: JsonValue[] = [];
      for (const item of node.items) items.push(await evaluateNode(item, bindings));
      return items;
    }
    case 'object': {
      const object: JsonObject = {};
      for (const [key, item] of node.entries) {
        const value = await evaluateNode(item, bindings);
        Object.defineProperty(object, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return object;
    }
  }
}

function statesVariable(
  scope: EvaluationScope,
  readable: readonly StatesField[],
): Record<string, JsonValue> {
  const states: Record<string, JsonValue> = {};
  for (const field of readable) {
    const value = scope.states[field];
    if (value !== undefined) states[field] = value;
  }
  return states;
}
