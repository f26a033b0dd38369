/**
 * Parser for the JSONPath dialect Step Functions accepts (Jayway JsonPath syntax).
 *
 * Roots: `$` (state input), `$$` (context object), `$name` (a workflow variable, name as in
 * ASL variables: a Unicode identifier of at most 80 characters). Segments: `.name`, `['name']`
 * (also `.['name']`, as the AWS guide writes it), `['a','b']`, `[n]` and `[-n]`, `[n,m]`,
 * slices `[a:b]` `[a:]` `[:b]`, wildcards `.*` and `[*]`, filters `[?(…)]`, and deep scan `..`.
 *
 * Functions such as `.length()` are not supported by Step Functions: as on AWS, `.length()`
 * parses as a plain name (containing parentheses) that matches nothing at run time.
 * A dot name runs until `.` or `[`; one containing blanks must use bracket notation.
 */
import {
  isDefinitePath,
  isReferencePath,
  type ParsedPath,
  type PathRoot,
  type Segment,
  type Selector,
} from './path-ast.js';
import { Cursor } from './cursor.js';
import { parseFilter } from './filter-parser.js';

const VARIABLE_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*/u;
const MAX_VARIABLE_NAME = 80;
/** Characters that end a dot name inside a filter expression (besides `.` and `[`). */
const FILTER_NAME_STOP = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '<',
  '>',
  '=',
  '!',
  '~',
  '&',
  '|',
  '(',
  ')',
  ',',
  ']',
]);

export type SegmentMode = 'path' | 'filter';

/** Parses a general Path (InputPath, OutputPath, `.$` values, ItemsPath…). */
export function parsePath(source: string): ParsedPath {
  return parseFullPath(new Cursor(source, 'Path'));
}

/** Parses a Reference Path (ResultPath, Choice `Variable`, `…Path` fields): single node only. */
export function parseReferencePath(source: string): ParsedPath {
  const cursor = new Cursor(source, 'ReferencePath');
  const path = parseFullPath(cursor);
  if (!path.reference) {
    cursor.fail(
      "a reference path may only use '.name', \"['name']\" and '[n]', and must identify a single node",
      0,
    );
  }
  return path;
}

/** Parses a path embedded in a larger expression (an intrinsic argument); errors point into it. */
export function parseEmbeddedPath(source: string, offset: number, reported: string): ParsedPath {
  return parseFullPath(new Cursor(source, 'IntrinsicFunction', offset, reported));
}

function parseFullPath(cursor: Cursor): ParsedPath {
  const root = parseRoot(cursor);
  const segments = parseSegments(cursor, 'path');
  if (!cursor.done()) cursor.fail(`unexpected '${cursor.peek()}'`);
  return {
    source: cursor.src,
    root,
    segments,
    definite: isDefinitePath(segments),
    reference: isReferencePath(segments),
  };
}

function parseRoot(cursor: Cursor): PathRoot {
  if (!cursor.eat('$')) cursor.fail(`a path must start with '$'${cursor.found()}`);
  if (cursor.eat('$')) return { kind: 'context' };
  const match = VARIABLE_NAME.exec(cursor.src.slice(cursor.pos));
  if (!match) return { kind: 'input' };
  if (match[0].length > MAX_VARIABLE_NAME) {
    cursor.fail(`a variable name has at most ${MAX_VARIABLE_NAME} characters`);
  }
  cursor.pos += match[0].length;
  return { kind: 'variable', name: match[0] };
}

/** Reads segments until something that cannot start one; the caller checks what follows. */
export function parseSegments(cursor: Cursor, mode: SegmentMode): Segment[] {
  const segments: Segment[] = [];
  for (;;) {
    if (cursor.startsWith('..')) {
      const at = cursor.pos;
      cursor.pos += 2;
      if (cursor.peek() === '.') cursor.fail("'...' is not a valid path operator", at);
      segments.push({ type: 'descendant', selector: parseAfterDot(cursor, mode) });
    } else if (cursor.eat('.')) {
      segments.push(parseAfterDot(cursor, mode));
    } else if (cursor.peek() === '[') {
      segments.push(parseBracket(cursor));
    } else {
      return segments;
    }
  }
}

function parseAfterDot(cursor: Cursor, mode: SegmentMode): Selector {
  if (cursor.peek() === '[') return parseBracket(cursor);
  const start = cursor.pos;
  for (;;) {
    const c = cursor.peek();
    if (c === undefined || c === '.' || c === '[') break;
    if (mode === 'filter' && FILTER_NAME_STOP.has(c)) break;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      cursor.fail("use bracket notation ['my name'] for a name containing blank characters");
    }
    cursor.pos += 1;
  }
  const name = cursor.src.slice(start, cursor.pos);
  if (name === '') cursor.fail(`expected a name after '.'${cursor.found()}`);
  return name === '*' ? { type: 'wildcard' } : { type: 'property', name };
}

function parseBracket(cursor: Cursor): Selector {
  const open = cursor.pos;
  cursor.expect('[');
  cursor.skipSpaces();
  let selector: Selector;
  const c = cursor.peek();
  if (c === '*') {
    cursor.pos += 1;
    selector = { type: 'wildcard' };
  } else if (c === '?') {
    cursor.pos += 1;
    cursor.expect('(');
    const expr = parseFilter(cursor);
    cursor.expect(')', "')' to close the filter");
    selector = { type: 'filter', expr };
  } else if (c === "'" || c === '"') {
    const names = [cursor.readQuoted()];
    cursor.skipSpaces();
    while (cursor.eat(',')) {
      cursor.skipSpaces();
      names.push(cursor.readQuoted());
      cursor.skipSpaces();
    }
    selector =
      names.length === 1 ? { type: 'property', name: names[0]! } : { type: 'properties', names };
  } else if (c === ':' || c === '-' || /[0-9]/.test(c ?? '')) {
    selector = parseIndexOrSlice(cursor);
  } else {
    cursor.fail(`expected '*', '?(', a quoted name or an index after '['${cursor.found()}`);
  }
  cursor.skipSpaces();
  if (!cursor.eat(']'))
    cursor.fail(`expected ']' to close the '[' at position ${open}${cursor.found()}`);
  return selector;
}

function parseIndexOrSlice(cursor: Cursor): Selector {
  if (cursor.eat(':')) {
    cursor.skipSpaces();
    if (cursor.peek() === ']') cursor.fail('a slice needs a start or an end');
    return { type: 'slice', end: cursor.readInteger() };
  }
  const first = cursor.readInteger();
  cursor.skipSpaces();
  if (cursor.eat(':')) {
    cursor.skipSpaces();
    if (cursor.peek() === ']') return { type: 'slice', start: first };
    const end = cursor.readInteger();
    cursor.skipSpaces();
    if (cursor.peek() === ':') cursor.fail('slices with a step are not supported');
    return { type: 'slice', start: first, end };
  }
  if (cursor.peek() !== ',') return { type: 'index', index: first };
  const indexes = [first];
  while (cursor.eat(',')) {
    cursor.skipSpaces();
    indexes.push(cursor.readInteger());
    cursor.skipSpaces();
  }
  return { type: 'indexes', indexes };
}
