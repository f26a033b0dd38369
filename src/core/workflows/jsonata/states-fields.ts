/**
 * Which fields of `$states` an expression may read, by state type and field, as AWS documents
 * for the reserved variable:
 *
 * - `input` and `context`: everywhere.
 * - `result` (the task, branch or iteration result): only in `Output` and `Assign` of Task,
 *   Parallel and Map states, after the work succeeded.
 * - `errorOutput`: only in the `Output` and `Assign` of a Catch clause (where `result` is not
 *   readable).
 *
 * All other JSONata fields (`Arguments`, `Condition`, `Items`, `ItemSelector`, `TimeoutSeconds`,
 * `HeartbeatSeconds`, `Seconds`, `Timestamp`, `Error`, `Cause`, `MaxConcurrency`, …) and the
 * `Output`/`Assign` of Pass, Wait, Choice (and its rules) and Succeed read `input` and
 * `context` only. Reading another field is refused when the definition is created.
 */
import type { StatesField } from './types.js';

export type StateType =
  'Task' | 'Parallel' | 'Map' | 'Pass' | 'Wait' | 'Choice' | 'Succeed' | 'Fail';

const WITH_RESULT: readonly StatesField[] = ['input', 'result', 'context'];
const IN_CATCH: readonly StatesField[] = ['input', 'errorOutput', 'context'];
const BASIC: readonly StatesField[] = ['input', 'context'];

export interface FieldPlace {
  stateType: StateType;
  /** The top-level field name: `Output`, `Assign`, `Arguments`, `Condition`, `Items`, … */
  field: string;
  /** True for the `Output`/`Assign` of a Catch clause. */
  inCatch?: boolean;
}

export function readableStatesFields(place: FieldPlace): readonly StatesField[] {
  const producesData = place.field === 'Output' || place.field === 'Assign';
  if (!producesData) return BASIC;
  if (place.inCatch === true) return IN_CATCH;
  const hasResult =
    place.stateType === 'Task' || place.stateType === 'Parallel' || place.stateType === 'Map';
  return hasResult ? WITH_RESULT : BASIC;
}
