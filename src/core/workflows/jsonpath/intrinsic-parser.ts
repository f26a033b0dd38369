/**
 * Parser for intrinsic function calls. Arguments are string literals in single quotes, JSON
 * numbers, `true`, `false`, `null`, paths (`$.x`, `$$.x`, `$var.x`) and nested calls; at most
 * 10 calls per field. In string literals `'`, `{`, `}` and `\` are reserved and written
 * `\'`, `\{`, `\}`, `\\`; any other backslash, or a lone unescaped brace, is an error. An
 * unescaped `{}` is a States.Format placeholder. Arity, and for a literal States.Format
 * template the placeholder count, are checked here, at definition time.
 */
import { Cursor } from './cursor.js';
import { parseEmbeddedPath } from './path-parser.js';
import {
  INTRINSIC_ARITY,
  isIntrinsicName,
  MAX_INTRINSIC_CALLS,
  type IntrinsicArg,
  type IntrinsicCall,
} from './intrinsic-ast.js';

const PREFIX = 'States.';
const ESCAPABLE = new Set(["'", '{', '}', '\\']);

/** Does a `.$` value (not starting with `$`) look like an intrinsic call rather than a path? */
export function looksLikeIntrinsic(text: string): boolean {
  return text.startsWith(PREFIX);
}

export function parseIntrinsic(source: string): IntrinsicCall {
  const parser = new IntrinsicParser(source);
  const call = parser.call();
  if (!parser.cursor.done())
    parser.cursor.fail(`unexpected '${parser.cursor.peek()}' after the call`);
  return call;
}

class IntrinsicParser {
  readonly cursor: Cursor;
  private calls = 0;

  constructor(source: string) {
    this.cursor = new Cursor(source, 'IntrinsicFunction');
  }

  call(): IntrinsicCall {
    const c: Cursor = this.cursor;
    const start = c.pos;
    c.expect(PREFIX, `'${PREFIX}'`);
    const nameMatch = /^[A-Za-z0-9]+/.exec(c.src.slice(c.pos));
    const name = PREFIX + (nameMatch?.[0] ?? '');
    if (!isIntrinsicName(name)) c.fail(`unsupported intrinsic function '${name}'`, start);
    c.pos += nameMatch?.[0].length ?? 0;
    this.calls += 1;
    if (this.calls > MAX_INTRINSIC_CALLS) {
      c.fail(`a field may contain at most ${MAX_INTRINSIC_CALLS} intrinsic functions`, start);
    }
    c.expect('(');
    const args: IntrinsicArg[] = [];
    c.skipSpaces();
    if (!c.eat(')')) {
      for (;;) {
        c.skipSpaces();
        args.push(this.arg());
        c.skipSpaces();
        if (c.eat(')')) break;
        c.expect(',', "',' or ')'");
      }
    }
    const arity = INTRINSIC_ARITY[name];
    if (args.length < arity.min || args.length > arity.max) {
      const expected =
        arity.min === arity.max
          ? `${arity.min}`
          : arity.max === Infinity
            ? `at least ${arity.min}`
            : `${arity.min} to ${arity.max}`;
      c.fail(
        `${name} takes ${expected} argument${arity.max === 1 ? '' : 's'}, but got ${args.length}`,
        start,
      );
    }
    if (name === 'States.Format') checkFormat(c, args, start);
    return { name, args };
  }

  private arg(): IntrinsicArg {
    const c: Cursor = this.cursor;
    const ch = c.peek();
    if (ch === "'") return this.string();
    if (ch === '$') return this.path();
    if (c.startsWith(PREFIX)) return { type: 'call', call: this.call() };
    if (ch === '-' || /[0-9]/.test(ch ?? '')) return { type: 'literal', value: c.readNumber() };
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (c.startsWith(word) && !/[A-Za-z0-9_.]/.test(c.peek(word.length) ?? '')) {
        c.pos += word.length;
        return { type: 'literal', value };
      }
    }
    return c.fail(
      `expected a string, number, boolean, null, path or intrinsic function${c.found()}`,
    );
  }

  private string(): IntrinsicArg {
    const c: Cursor = this.cursor;
    const start = c.pos;
    c.pos += 1;
    const parts: string[] = [''];
    const append = (text: string) => {
      parts[parts.length - 1] += text;
    };
    for (;;) {
      const ch = c.peek();
      if (ch === undefined) c.fail('unterminated string literal', start);
      if (ch === "'") break;
      if (ch === '\\') {
        const next = c.peek(1);
        if (next === undefined || !ESCAPABLE.has(next)) {
          c.fail("a backslash must escape one of ' { } \\");
        }
        append(next);
        c.pos += 2;
      } else if (ch === '{' && c.peek(1) === '}') {
        parts.push('');
        c.pos += 2;
      } else if (ch === '{' || ch === '}') {
        c.fail(`the reserved character '${ch}' must be escaped as '\\${ch}'`);
      } else {
        append(ch);
        c.pos += 1;
      }
    }
    c.pos += 1;
    return { type: 'literal', value: parts.join('{}'), formatParts: parts };
  }

  private path(): IntrinsicArg {
    const c: Cursor = this.cursor;
    const start = c.pos;
    let depth = 0;
    let quote: string | undefined;
    let i = start;
    for (; i < c.src.length; i++) {
      const ch = c.src[i]!;
      if (quote !== undefined) {
        if (ch === '\\') i += 1;
        else if (ch === quote) quote = undefined;
      } else if (depth > 0 && (ch === "'" || ch === '"')) {
        quote = ch;
      } else if (ch === '[') {
        depth += 1;
      } else if (ch === ']') {
        depth -= 1;
      } else if (depth === 0 && (ch === ',' || ch === ')' || /\s/.test(ch))) {
        break;
      }
    }
    c.pos = i;
    return { type: 'path', path: parseEmbeddedPath(c.src.slice(start, i), start, c.src) };
  }
}

function checkFormat(cursor: Cursor, args: readonly IntrinsicArg[], start: number): void {
  const template = args[0];
  if (template?.type !== 'literal') return;
  if (template.formatParts === undefined) {
    cursor.fail('the first argument of States.Format must be a string', start);
  }
  const placeholders = template.formatParts.length - 1;
  if (placeholders !== args.length - 1) {
    cursor.fail(
      `States.Format has ${placeholders} placeholder${placeholders === 1 ? '' : 's'} but ${args.length - 1} value argument${args.length === 2 ? '' : 's'}`,
      start,
    );
  }
}
