/**
 * A strict RFC 8259 JSON reader for state machine definitions. It exists instead of JSON.parse
 * for two reasons: it remembers which object keys appeared more than once (a `States` object
 * naming the same state twice is DUPLICATE_STATE_NAME, which JSON.parse would silently hide by
 * keeping the last value), and it bounds nesting depth so that no later recursive pass can
 * exhaust the stack. Objects are built without a prototype, so `__proto__` is an ordinary key.
 * Errors carry a line and column, like the Jackson messages AWS returns for
 * INVALID_JSON_DESCRIPTION.
 */
import type { JsonObject, JsonValue } from './types.js';

/** Deepest array/object nesting accepted (Jackson's default StreamReadConstraints limit). */
export const MAX_JSON_DEPTH = 1000;

export type JsonReadResult =
  | { ok: true; value: JsonValue; duplicateKeys: WeakMap<JsonObject, string[]> }
  | { ok: false; message: string };

class JsonSyntaxError extends Error {}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Reader {
  private pos = 0;
  readonly duplicateKeys = new WeakMap<JsonObject, string[]>();

  constructor(private readonly text: string) {}

  readDocument(): JsonValue {
    const value = this.readValue(0);
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail('Unexpected content after the JSON value');
    return value;
  }

  private readValue(depth: number): JsonValue {
    this.skipWhitespace();
    const ch = this.text[this.pos];
    if (ch === '{') return this.readObject(depth + 1);
    if (ch === '[') return this.readArray(depth + 1);
    if (ch === '"') return this.readString();
    if (ch === 't') return this.readLiteral('true', true);
    if (ch === 'f') return this.readLiteral('false', false);
    if (ch === 'n') return this.readLiteral('null', null);
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.readNumber();
    return this.fail(ch === undefined ? 'Unexpected end of input' : this.unexpected(ch));
  }

  private readObject(depth: number): JsonObject {
    this.checkDepth(depth);
    this.pos += 1;
    const obj = Object.create(null) as JsonObject;
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return obj;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail('Expected double-quote to start field name');
      const key = this.readString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail("Expected ':' to separate field name and value");
      this.pos += 1;
      const value = this.readValue(depth);
      if (Object.prototype.hasOwnProperty.call(obj, key)) {
        const seen = this.duplicateKeys.get(obj) ?? [];
        seen.push(key);
        this.duplicateKeys.set(obj, seen);
      }
      obj[key] = value;
      this.skipWhitespace();
      const sep = this.text[this.pos];
      this.pos += 1;
      if (sep === '}') return obj;
      if (sep !== ',') this.fail("Expected ',' or '}' in object", this.pos - 1);
    }
  }

  private readArray(depth: number): JsonValue[] {
    this.checkDepth(depth);
    this.pos += 1;
    const items: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return items;
    }
    for (;;) {
      items.push(this.readValue(depth));
      this.skipWhitespace();
      const sep = this.text[this.pos];
      this.pos += 1;
      if (sep === ']') return items;
      if (sep !== ',') this.fail("Expected ',' or ']' in array", this.pos - 1);
    }
  }

  private readString(): string {
    this.pos += 1;
    let out = '';
    let start = this.pos;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (Number.isNaN(code)) this.fail('Unterminated string');
      if (code === 0x22) {
        out += this.text.slice(start, this.pos);
        this.pos += 1;
        return out;
      }
      if (code < 0x20) this.fail('Illegal unquoted control character in string');
      if (code === 0x5c) {
        out += this.text.slice(start, this.pos);
        out += this.readEscape();
        start = this.pos;
        continue;
      }
      this.pos += 1;
    }
  }

  private readEscape(): string {
    const ch = this.text[this.pos + 1];
    if (ch === 'u') {
      const hex = this.text.slice(this.pos + 2, this.pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\u escape in string');
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const mapped = ch === undefined ? undefined : ESCAPES[ch];
    if (mapped === undefined) this.fail('Unrecognized character escape in string');
    this.pos += 2;
    return mapped;
  }

  private readNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) return this.fail('Invalid numeric value');
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private readLiteral<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail('Unrecognized token');
    this.pos += word.length;
    return value;
  }

  private skipWhitespace(): void {
    while (WHITESPACE.has(this.text[this.pos] ?? '')) this.pos += 1;
  }

  private checkDepth(depth: number): void {
    if (depth > MAX_JSON_DEPTH) this.fail(`Nesting depth exceeds the maximum of ${MAX_JSON_DEPTH}`);
  }

  private unexpected(ch: string): string {
    return `Unexpected character ('${ch}' (code ${ch.charCodeAt(0)}))`;
  }

  private fail(message: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new JsonSyntaxError(`${message} at line ${line}, column ${column}`);
  }
}

/** Reads one JSON document; never throws. */
export function readJson(text: string): JsonReadResult {
  const reader = new Reader(text);
  try {
    const value = reader.readDocument();
    return { ok: true, value, duplicateKeys: reader.duplicateKeys };
  } catch (err) {
    if (err instanceof JsonSyntaxError) return { ok: false, message: err.message };
    throw err;
  }
}
