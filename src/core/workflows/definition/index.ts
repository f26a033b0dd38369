/**
 * Public surface of the Amazon States Language definition parser: `parseDefinition`, the AST
 * types, the diagnostics and the InvalidDefinition message formatter. Everything else in this
 * folder is internal.
 */
export { parseDefinition, MAX_DEFINITION_LENGTH } from './parse-definition.js';
export type { ParseDefinitionResult } from './parse-definition.js';
export {
  ERROR_CODES,
  WARNING_CODES,
  describeDiagnostic,
  formatInvalidDefinitionMessage,
} from './diagnostics.js';
export type {
  Diagnostic,
  DiagnosticCode,
  DiagnosticSeverity,
  ErrorCode,
  WarningCode,
} from './diagnostics.js';
export { COMPARISON_OPERATORS } from './choice-rules.js';
export {
  isAslTimestamp,
  isIntrinsicCall,
  isJsonataExpression,
  isJsonPath,
} from './value-shapes.js';
export type * from './state-types.js';
export type * from './types.js';
