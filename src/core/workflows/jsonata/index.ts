/**
 * The JSONata query language of the Step Functions workflow engine: compile `{% … %}`
 * templates once per definition, evaluate them against `$states` and workflow variables.
 * Definition problems are `JsonataDefinitionError`s, runtime failures `StatesError`s.
 */
export {
  compileExpression,
  isJsonataExpression,
  type CompiledExpression,
  type ExpressionSite,
} from './compile-expression.js';
export {
  compileTemplate,
  containsExpression,
  type CompiledTemplate,
  type TemplateNode,
} from './compile-template.js';
export {
  JsonataDefinitionError,
  isJsonataDefinitionError,
  pointerAppend,
  type JsonataDiagnosticCode,
} from './definition-error.js';
export { evaluateTemplate } from './evaluate-template.js';
export { DEFAULT_LIMITS, type EvaluationLimits } from './evaluation-bounds.js';
export { readableStatesFields, type FieldPlace, type StateType } from './states-fields.js';
export {
  STATES_QUERY_EVALUATION_ERROR,
  StatesError,
  isStatesError,
} from '../shared/states-error.js';
export type { EvaluationScope, JsonObject, JsonValue, StatesField, StatesValues } from './types.js';
