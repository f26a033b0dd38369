/**
 * JSONPath Choice rules: And/Or/Not and the comparison operators on the value the `Variable`
 * path selects. A comparison whose variable is of the wrong type is false (`StringEquals` on a
 * number does not match); `...Path` operators compare with the value another path selects,
 * which must be present. `Is*` type tests compare their outcome with the boolean operand.
 * A `Variable` that selects nothing is `States.Runtime`, except for `IsPresent`.
 *
 * Strings compare by UTF-16 code units (Java's String.compareTo); timestamps are RFC 3339
 * strings compared as instants; `StringMatches` supports `*` and the escapes `\*` and `\\`.
 */
import type { ChoiceCondition, ComparisonOperator } from '../definition/index.js';
import { isAslTimestamp } from '../definition/index.js';
import { parsePath, queryPath, type EvaluationContext } from '../jsonpath/index.js';
import type { JsonValue } from '../shared/json-value.js';
import { STATES_RUNTIME, StatesError } from '../shared/states-error.js';
import { guard } from './data-flow.js';

export function evaluateCondition(condition: ChoiceCondition, ctx: EvaluationContext): boolean {
  switch (condition.kind) {
    case 'and':
      return condition.conditions.every((c) => evaluateCondition(c, ctx));
    case 'or':
      return condition.conditions.some((c) => evaluateCondition(c, ctx));
    case 'not':
      return !evaluateCondition(condition.condition, ctx);
    case 'jsonata':
      throw new StatesError(STATES_RUNTIME, 'A JSONata condition in a JSONPath Choice state');
    case 'comparison':
      return compare(condition.variable, condition.operator, condition.value, ctx);
  }
}

function select(path: string, ctx: EvaluationContext): { found: boolean; value?: JsonValue } {
  const result = guard(() => queryPath(parsePath(path), ctx));
  return result.found ? { found: true, value: result.value } : { found: false };
}

function invalidPath(path: string): StatesError {
  return new StatesError(
    STATES_RUNTIME,
    `Invalid path '${path}': The choice state's condition path references an invalid value.`,
  );
}

function compare(
  variable: string,
  operator: ComparisonOperator,
  operand: string | number | boolean,
  ctx: EvaluationContext,
): boolean {
  const selected = select(variable, ctx);
  if (operator === 'IsPresent') return selected.found === operand;
  if (!selected.found) throw invalidPath(variable);
  const value = selected.value ?? null;
  switch (operator) {
    case 'IsNull':
      return (value === null) === operand;
    case 'IsNumeric':
      return (typeof value === 'number') === operand;
    case 'IsString':
      return (typeof value === 'string') === operand;
    case 'IsBoolean':
      return (typeof value === 'boolean') === operand;
    case 'IsTimestamp':
      return (typeof value === 'string' && isAslTimestamp(value)) === operand;
    case 'StringMatches':
      return typeof value === 'string' && typeof operand === 'string' && matches(value, operand);
  }
  let other: JsonValue = operand;
  let base: string = operator;
  if (operator.endsWith('Path')) {
    const ref = select(String(operand), ctx);
    if (!ref.found) throw invalidPath(String(operand));
    other = ref.value ?? null;
    base = operator.slice(0, -'Path'.length);
  }
  return compareValues(base, value, other);
}

function order(base: string, cmp: number): boolean {
  if (base.endsWith('GreaterThanEquals')) return cmp >= 0;
  if (base.endsWith('LessThanEquals')) return cmp <= 0;
  if (base.endsWith('GreaterThan')) return cmp > 0;
  if (base.endsWith('LessThan')) return cmp < 0;
  return cmp === 0;
}

function compareValues(base: string, a: JsonValue, b: JsonValue): boolean {
  if (base.startsWith('String')) {
    if (typeof a !== 'string' || typeof b !== 'string') return false;
    return order(base, a < b ? -1 : a > b ? 1 : 0);
  }
  if (base.startsWith('Numeric')) {
    if (typeof a !== 'number' || typeof b !== 'number') return false;
    return order(base, a - b);
  }
  if (base.startsWith('Timestamp')) {
    if (typeof a !== 'string' || typeof b !== 'string') return false;
    if (!isAslTimestamp(a) || !isAslTimestamp(b)) return false;
    return order(base, Date.parse(a) - Date.parse(b));
  }
  return typeof a === 'boolean' && a === b;
}

/** `*` matches any run of characters; `\*` a literal star; `\\` a literal backslash. */
export function matches(value: string, pattern: string): boolean {
  let regex = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) {
      regex += escapeRegex(pattern[++i]!);
    } else if (ch === '*') {
      regex += '[\\s\\S]*';
    } else {
      regex += escapeRegex(ch);
    }
  }
  return new RegExp(`${regex}$`).test(value);
}

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}
