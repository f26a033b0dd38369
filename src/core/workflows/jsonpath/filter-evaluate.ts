/**
 * Evaluation of filter expressions with Jayway's semantics: a path operand that matches
 * nothing is "undefined" (equal to nothing, so `!=` holds); `<`-style comparisons only relate
 * two numbers or two strings; `in`/`nin` test membership in an array; a bare operand tests
 * existence.
 */
import type { CompareOp, FilterExpr, FilterOperand, Segment } from './path-ast.js';
import { isDefinitePath } from './path-ast.js';
import { jsonEquals, type JsonValue } from '../shared/json-value.js';
import { selectAll } from './path-select.js';

export function filterAccepts(expr: FilterExpr, item: JsonValue, root: JsonValue): boolean {
  switch (expr.type) {
    case 'or':
      return filterAccepts(expr.left, item, root) || filterAccepts(expr.right, item, root);
    case 'and':
      return filterAccepts(expr.left, item, root) && filterAccepts(expr.right, item, root);
    case 'not':
      return !filterAccepts(expr.expr, item, root);
    case 'exists': {
      const value = operandValue(expr.operand, item, root);
      return expr.operand.type === 'literal' ? value === true : value !== undefined;
    }
    case 'compare':
      return compare(expr.op, expr.left, expr.right, item, root);
  }
}

function operandValue(
  operand: FilterOperand,
  item: JsonValue,
  root: JsonValue,
): JsonValue | undefined {
  switch (operand.type) {
    case 'literal':
      return operand.value;
    case 'regex':
      return undefined;
    case 'current':
      return pathValue(operand.segments, item, root);
    case 'root':
      return pathValue(operand.segments, root, root);
  }
}

function pathValue(
  segments: readonly Segment[],
  start: JsonValue,
  root: JsonValue,
): JsonValue | undefined {
  const matches = selectAll(segments, start, root);
  if (isDefinitePath(segments)) return matches[0];
  return matches;
}

function compare(
  op: CompareOp,
  leftOperand: FilterOperand,
  rightOperand: FilterOperand,
  item: JsonValue,
  root: JsonValue,
): boolean {
  const left = operandValue(leftOperand, item, root);
  if (op === '=~') {
    if (typeof left !== 'string' || rightOperand.type !== 'regex') return false;
    return new RegExp(rightOperand.source, rightOperand.flags).test(left);
  }
  const right = operandValue(rightOperand, item, root);
  switch (op) {
    case '==':
      return left !== undefined && right !== undefined && jsonEquals(left, right);
    case '!=':
      return !(left !== undefined && right !== undefined && jsonEquals(left, right));
    case 'in':
      return member(left, right);
    case 'nin':
      return Array.isArray(right) && !member(left, right);
    default:
      return order(op, left, right);
  }
}

function member(left: JsonValue | undefined, right: JsonValue | undefined): boolean {
  return left !== undefined && Array.isArray(right) && right.some((x) => jsonEquals(left, x));
}

function order(
  op: '<' | '<=' | '>' | '>=',
  left: JsonValue | undefined,
  right: JsonValue | undefined,
): boolean {
  let sign: number;
  if (typeof left === 'number' && typeof right === 'number') sign = Math.sign(left - right);
  else if (typeof left === 'string' && typeof right === 'string')
    sign = left < right ? -1 : left > right ? 1 : 0;
  else return false;
  if (op === '<') return sign < 0;
  if (op === '<=') return sign <= 0;
  if (op === '>') return sign > 0;
  return sign >= 0;
}
