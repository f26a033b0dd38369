/**
 * The SNS `numeric` operand: `[op, n]` with op one of = < <= > >=, or a range
 * `[">"|">=", low, "<"|"<=", high]` with low < high. Reasons are AWS's, in the order AWS checks
 * them (as recorded against SNS). SNS documents operands between -1e9 and 1e9 with five digits
 * after the decimal point; an operand outside that range is rejected with a reason of ours.
 * Matching reuses the engine's numeric comparison (numeric-range.ts).
 */
import { InvalidFilterPolicyError } from './sns-filter-policy-error.js';
import { toMillionths, type NumericBound, type NumericRange } from './numeric-range.js';

/** The documented bound on numeric operands (±1 billion). */
export const SNS_NUMERIC_LIMIT = 1e9;

const OPERATORS = new Set(['=', '<', '<=', '>', '>=']);

function fail(reason: string): never {
  throw new InvalidFilterPolicyError(reason);
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function operandOf(op: string, v: unknown): number {
  const name = op === '=' ? 'equals' : op;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`Value of ${name} must be numeric`);
  if (v < -SNS_NUMERIC_LIMIT || v > SNS_NUMERIC_LIMIT) {
    fail(`Value of ${name} must be between -1.0E9 and 1.0E9 inclusive`); // ours
  }
  return v;
}

function bound(op: string, v: number): NumericBound {
  return { value: toMillionths(v), inclusive: op.endsWith('=') };
}

export function parseSnsNumeric(operand: unknown): NumericRange {
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
