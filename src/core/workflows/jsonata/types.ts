/**
 * The values the JSONata layer reads and produces: JSON documents, the four fields of the
 * reserved `$states` variable, and what one evaluation is given (those fields plus the workflow
 * variables in scope, bound in expressions as `$name`).
 */

import type { JsonObject, JsonValue } from '../shared/json-value.js';

export type { JsonObject, JsonValue };

/** The fields of `$states`; which of them a field may read depends on the field and state. */
export type StatesField = 'input' | 'result' | 'errorOutput' | 'context';

export const STATES_FIELDS: readonly StatesField[] = ['input', 'result', 'errorOutput', 'context'];

/** What `$states` holds for one evaluation; absent fields are left out of `$states`. */
export interface StatesValues {
  input?: JsonValue;
  result?: JsonValue;
  errorOutput?: JsonValue;
  context?: JsonValue;
}

export interface EvaluationScope {
  states: StatesValues;
  /** Workflow variables visible to the state, by name without `$`. */
  variables?: Readonly<Record<string, JsonValue>>;
}
