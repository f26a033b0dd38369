/**
 * Event patterns: the EventBridge pattern language and the SNS filter-policy dialect (parsers,
 * validators, an SNS topic matcher), a dialect-neutral condition AST, a naive reference
 * matcher and a compiled multi-rule matcher. Pure: no I/O.
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
export {
  INVALID_PARAMETER_PREFIX,
  InvalidFilterPolicyError,
  isInvalidFilterPolicyError,
  type FilterPolicyOperation,
} from './sns-filter-policy-error.js';
export {
  FILTER_POLICY_MAX_BYTES,
  FILTER_POLICY_MAX_COMBINATIONS,
  FILTER_POLICY_MAX_KEYS,
  filterPolicyCombinations,
  parseSnsFilterPolicy,
  type FilterPolicyScope,
  type SnsFilterPolicy,
  type SnsFilterPolicyParseOptions,
} from './sns-filter-policy-parser.js';
export { SNS_NUMERIC_LIMIT } from './sns-filter-policy-numeric.js';
export {
  attributesEvent,
  typedAttributes,
  type SnsMessageAttributes,
  type SnsMessageAttributeValue,
  type TypedAttribute,
  type TypedAttributes,
} from './sns-message-attributes.js';
export {
  matchesSnsFilterReference,
  parseMessageBody,
  type SnsMessage,
} from './sns-filter-reference.js';
export {
  SnsTopicFilter,
  type FilteredOutCounts,
  type SnsFilterOutcome,
} from './sns-topic-filter.js';
