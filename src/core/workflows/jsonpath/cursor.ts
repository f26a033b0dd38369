/**
 * A read position over an expression string, shared by the path, filter and intrinsic
 * parsers. Every failure goes through `fail`, so a parser can only ever throw a
 * `JsonPathDefinitionError` carrying the expression, the position and the reason.
 */
import { JsonPathDefinitionError, type DefinitionKind } from './errors.js';

export class Cursor {
  pos = 0;

  constructor(
    readonly src: string,
    readonly kind: DefinitionKind,
    /** Where `src` starts inside the expression reported in errors (for embedded paths). */
    readonly offset = 0,
    readonly reported: string = src,
  ) {}

  peek(ahead = 0): string | undefined {
    return this.src[this.pos + ahead];
  }

  done(): boolean {
    return this.pos >= this.src.length;
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  eat(text: string): boolean {
    if (!this.startsWith(text)) return false;
    this.pos += text.length;
    return true;
  }

  expect(text: string, what = `'${text}'`): void {
    if (!this.eat(text)) this.fail(`expected ${what}${this.found()}`);
  }

  skipSpaces(): void {
    while (
      this.peek() === ' ' ||
      this.peek() === '\t' ||
      this.peek() === '\n' ||
      this.peek() === '\r'
    ) {
      this.pos += 1;
    }
  }

  /** ", found 'x'" or ", found the end" for error reasons. */
  found(): string {
    const c = this.peek();
    return c === undefined ? ', found the end' : `, found '${c}'`;
  }

  fail(reason: string, at = this.pos): never {
    throw new JsonPathDefinitionError(this.kind, this.reported, this.offset + at, reason);
  }

  /** A quoted string (`'…'` or `"…"`); a backslash takes the next character literally. */
  readQuoted(): string {
    const quote = this.peek();
    if (quote !== "'" && quote !== '"') this.fail(`expected a quoted name${this.found()}`);
    const start = this.pos;
    this.pos += 1;
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('unterminated quoted string', start);
      this.pos += 1;
      if (c === quote) return out;
      if (c === '\\') {
        const next = this.peek();
        if (next === undefined) this.fail('unterminated quoted string', start);
        out += next;
        this.pos += 1;
      } else {
        out += c;
      }
    }
  }

  /** An optionally negative integer, within the safe integer range. */
  readInteger(): number {
    const start = this.pos;
    this.eat('-');
    while (/[0-9]/.test(this.peek() ?? '')) this.pos += 1;
    const text = this.src.slice(start, this.pos);
    if (!/^-?[0-9]+$/.test(text)) this.fail(`expected an integer${this.found()}`, start);
    const value = Number(text);
    if (!Number.isSafeInteger(value)) this.fail(`integer ${text} is out of range`, start);
    return value === 0 ? 0 : value;
  }

  /** A JSON number literal (`-1`, `2.5`, `1e3`). */
  readNumber(): number {
    const match = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(
      this.src.slice(this.pos),
    );
    if (!match) this.fail(`expected a number${this.found()}`);
    const value = Number(match[0]);
    if (!Number.isFinite(value)) this.fail(`number ${match[0]} is out of range`);
    this.pos += match[0].length;
    return value === 0 ? 0 : value;
  }
}
