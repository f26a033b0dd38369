/**
 * The EventBridge `numeric` operand: `[op, n]` with op one of = < <= > >=, or a range
 * `[">"|">=", low, "<"|"<=", high]` with low < high. Reasons are AWS's, checked in the same
 * order AWS checks them (as observed on the real service); the out-of-range one is ours.
 */
import { InvalidEventPatternError } from './invalid-event-pattern-error.js';
import {
  isComparableNumber,
  toMillionths,
  type NumericBound,
  type NumericRange,
} from './numeric-range.js';

const OPERATORS = new Set(['=', '<', '<=', '>', '>=']);

function fail(reason: string): never {
  throw new InvalidEventPatternError(reason);
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function operandOf(op: string, v: unknown): number {
  const name = op === '=' ? 'equals' : op;
  if (typeof v !== 'number') fail(`Value of ${name} must be numeric`);
  if (!isComparableNumber(v)) fail(`Value of ${name} must be between -5.0E9 and 5.0E9 inclusive`);
  return v;
}

function bound(op: string, v: number): NumericBound {
  return { value: toMillionths(v), inclusive: op.endsWith('=') };
}

export function parseEventBridgeNumeric(operand: unknown): NumericRange {
  if (!Array.isArray(operand)) fail('Value of numeric must be an array.');
  const items: unknown[] = operand;
  if (items.length === 0) fail('Invalid member in numeric match: ]');
  const op = items[0];
  if (typeof op !== 'string') fail(`Invalid member in numeric match: ${show(op)}`);
  if (!OPERATORS.has(op)) fail(`Unrecognized numeric range operator: ${op}`);
  const first = operandOf(op, items[1]);
  if (items.length === 2) {
    if (op === '=') return { lower: bound('>=', first), upper: bound('<=', first) };
    return op.startsWith('>') ? { lower: bound(op, first) } : { upper: bound(op, first) };
  }
  if (op !== '>' && op !== '>=') fail('Too many elements in numeric expression');
  const op2 = items[2];
  if (typeof op2 !== 'string') fail(`Bad value in numeric range: ${show(op2)}`);
  if (op2 !== '<' && op2 !== '<=') fail(`Bad numeric range operator: ${op2}`);
  const second = operandOf(op2, items[3]);
  if (second <= first) fail('Bottom must be less than top');
  if (items.length > 4) fail('Too many terms in numeric range expression');
  return { lower: bound(op, first), upper: bound(op2, second) };
}
