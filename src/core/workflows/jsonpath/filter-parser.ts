/**
 * Parser for filter expressions, the `…` in `[?(…)]` (Jayway syntax): `||`, `&&`, `!`,
 * parentheses, comparisons `== != < <= > >=`, regex match `=~ /re/flags`, `in` / `nin` against
 * an array, and bare operands as existence tests (`[?(@.isbn)]`). Operands are `@…` (the
 * current item), `$…` (the document root), strings, numbers, `true`, `false`, `null` and
 * array literals.
 */
import type { CompareOp, FilterExpr, FilterOperand } from './path-ast.js';
import type { JsonValue } from '../shared/json-value.js';
import type { Cursor } from './cursor.js';
import { parseSegments } from './path-parser.js';

const SYMBOL_OPS: readonly CompareOp[] = ['==', '!=', '<=', '>=', '=~', '<', '>'];
const REGEX_FLAGS = /^[imsu]*$/;

export function parseFilter(cursor: Cursor): FilterExpr {
  cursor.skipSpaces();
  const expr = parseOr(cursor);
  cursor.skipSpaces();
  return expr;
}

function parseOr(cursor: Cursor): FilterExpr {
  let left = parseAnd(cursor);
  cursor.skipSpaces();
  while (cursor.eat('||')) {
    cursor.skipSpaces();
    left = { type: 'or', left, right: parseAnd(cursor) };
    cursor.skipSpaces();
  }
  return left;
}

function parseAnd(cursor: Cursor): FilterExpr {
  let left = parseUnary(cursor);
  cursor.skipSpaces();
  while (cursor.eat('&&')) {
    cursor.skipSpaces();
    left = { type: 'and', left, right: parseUnary(cursor) };
    cursor.skipSpaces();
  }
  return left;
}

function parseUnary(cursor: Cursor): FilterExpr {
  cursor.skipSpaces();
  if (cursor.peek() === '!' && cursor.peek(1) !== '=') {
    cursor.pos += 1;
    return { type: 'not', expr: parseUnary(cursor) };
  }
  if (cursor.eat('(')) {
    const inner = parseOr(cursor);
    cursor.skipSpaces();
    cursor.expect(')', "')'");
    return inner;
  }
  return parseComparison(cursor);
}

function parseComparison(cursor: Cursor): FilterExpr {
  const leftAt = cursor.pos;
  const left = parseOperand(cursor);
  if (left.type === 'regex') cursor.fail("a regular expression may only follow '=~'", leftAt);
  cursor.skipSpaces();
  const op = readOperator(cursor);
  if (op === undefined) return { type: 'exists', operand: left };
  cursor.skipSpaces();
  const rightAt = cursor.pos;
  const right = parseOperand(cursor);
  if ((op === '=~') !== (right.type === 'regex')) {
    cursor.fail("'=~' needs a regular expression (/…/) on its right, and only it", rightAt);
  }
  return { type: 'compare', op, left, right };
}

function readOperator(cursor: Cursor): CompareOp | undefined {
  for (const op of SYMBOL_OPS) if (cursor.eat(op)) return op;
  for (const word of ['nin', 'in'] as const) {
    if (cursor.startsWith(word) && !/[A-Za-z0-9_]/.test(cursor.peek(word.length) ?? '')) {
      cursor.pos += word.length;
      return word;
    }
  }
  return undefined;
}

function parseOperand(cursor: Cursor): FilterOperand {
  const c = cursor.peek();
  if (c === '@') {
    cursor.pos += 1;
    return { type: 'current', segments: parseSegments(cursor, 'filter') };
  }
  if (c === '$') {
    cursor.pos += 1;
    if (cursor.peek() === '$') cursor.fail('the context object cannot be used inside a filter');
    return { type: 'root', segments: parseSegments(cursor, 'filter') };
  }
  if (c === '/') return parseRegex(cursor);
  return { type: 'literal', value: parseLiteral(cursor) };
}

function parseLiteral(cursor: Cursor): JsonValue {
  const c = cursor.peek();
  if (c === "'" || c === '"') return cursor.readQuoted();
  if (c === '-' || /[0-9]/.test(c ?? '')) return cursor.readNumber();
  if (c === '[') {
    cursor.pos += 1;
    cursor.skipSpaces();
    const items: JsonValue[] = [];
    if (cursor.eat(']')) return items;
    for (;;) {
      items.push(parseLiteral(cursor));
      cursor.skipSpaces();
      if (cursor.eat(']')) return items;
      cursor.expect(',', "',' or ']'");
      cursor.skipSpaces();
    }
  }
  for (const [word, value] of [
    ['true', true],
    ['false', false],
    ['null', null],
  ] as const) {
    if (cursor.eat(word)) return value;
  }
  return cursor.fail(`expected '@', '$', a literal or '('${cursor.found()}`);
}

function parseRegex(cursor: Cursor): FilterOperand {
  const start = cursor.pos;
  cursor.pos += 1;
  let source = '';
  for (;;) {
    const c = cursor.peek();
    if (c === undefined) cursor.fail('unterminated regular expression', start);
    cursor.pos += 1;
    if (c === '/') break;
    source += c;
    if (c === '\\') {
      const next = cursor.peek();
      if (next === undefined) cursor.fail('unterminated regular expression', start);
      source += next;
      cursor.pos += 1;
    }
  }
  const flagsMatch = /^[A-Za-z]*/.exec(cursor.src.slice(cursor.pos));
  const flags = flagsMatch?.[0] ?? '';
  cursor.pos += flags.length;
  if (!REGEX_FLAGS.test(flags))
    cursor.fail(`unsupported regular expression flags '${flags}'`, start);
  try {
    new RegExp(source, flags);
  } catch {
    cursor.fail(`invalid regular expression /${source}/`, start);
  }
  return { type: 'regex', source, flags };
}
