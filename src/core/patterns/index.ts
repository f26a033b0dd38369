/**
 * Event patterns: the EventBridge pattern language (parser and validator), a dialect-neutral
 * condition AST, a naive reference matcher and a compiled multi-rule matcher. Pure: no I/O.
 */
export type {
  Condition,
  EventPattern,
  ExcludableCondition,
  FieldNode,
  ObjectPattern,
  PatternBranch,
  PatternLeaf,
  Scalar,
} from './ast.js';
export {
  INVALID_EVENT_PATTERN_PREFIX,
  InvalidEventPatternError,
  isInvalidEventPatternError,
} from './invalid-event-pattern-error.js';
export {
  EVENT_PATTERN_MAX_BRANCHES,
  EVENT_PATTERN_MAX_DEPTH,
  EVENT_PATTERN_MAX_LENGTH,
  parseEventPattern,
  type EventPatternParseOptions,
} from './eventbridge-pattern-parser.js';
export { matchesReference } from './reference-matcher.js';
export { CompiledRuleSet } from './compiled-rule-set.js';
export { patternBranches } from './pattern-branches.js';
