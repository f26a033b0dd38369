/**
 * The JSONPath data-flow layer of the workflow engine (JSONPath query language of the Amazon
 * States Language): paths, reference paths, payload templates, the 18 `States.*` intrinsic
 * functions, and InputPath / ResultPath / OutputPath. Parse once at definition time (errors:
 * `JsonPathDefinitionError`); evaluate per state (errors: `StatesError`, routed to Retry/Catch).
 */
export type { JsonObject, JsonValue } from '../shared/json-value.js';
export { jsonEquals, toJsonText } from '../shared/json-value.js';
export {
  JsonPathDefinitionError,
  isJsonPathDefinitionError,
  type DefinitionKind,
} from './errors.js';
export {
  StatesError,
  isStatesError,
  STATES_INTRINSIC_FAILURE,
  STATES_RESULT_PATH_MATCH_FAILURE,
  STATES_RUNTIME,
  type StatesErrorName,
} from '../shared/states-error.js';
export type { ParsedPath, PathRoot, Segment, Selector, FilterExpr } from './path-ast.js';
export { parsePath, parseReferencePath } from './path-parser.js';
export { formatPath } from './path-format.js';
export { evaluatePath, queryPath, type PathResult } from './path-query.js';
export { cryptoEntropy, type Entropy, type EvaluationContext } from './evaluation-context.js';
export type { IntrinsicArg, IntrinsicCall, IntrinsicName } from './intrinsic-ast.js';
export { INTRINSIC_NAMES } from './intrinsic-ast.js';
export { looksLikeIntrinsic, parseIntrinsic } from './intrinsic-parser.js';
export { evaluateIntrinsic } from './intrinsic-evaluate.js';
export {
  compilePayloadTemplate,
  evaluatePayloadTemplate,
  type TemplateEntry,
  type TemplateNode,
} from './payload-template.js';
export {
  applyInputPath,
  applyOutputPath,
  applyParameters,
  applyResultPath,
  applyResultSelector,
  compileFilterPath,
  compileResultPath,
  type PathField,
} from './data-flow.js';
