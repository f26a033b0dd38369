/**
 * Typed, diagnostic-reporting access to the fields of one JSON object of a definition (a state,
 * a retrier, a Choice rule...). Each getter returns `undefined` when the field is absent or
 * invalid, and reports SCHEMA_VALIDATION_FAILED at the field's location when it is invalid, so
 * callers read a field once and never re-check its type. Message wording for required and
 * unsupported fields follows what AWS returns ("These fields are required: [Next]",
 * "Field 'X' is not supported"); the type/range wording is ours.
 */
import { childLocation, type DiagnosticSink } from './diagnostics.js';
import type { JsonObject, JsonValue } from './types.js';
import { isJsonataExpression, isJsonPath } from './value-shapes.js';

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typeMessage(type: string): string {
  return `Expected value of type ${type}`;
}

export class ObjectReader {
  constructor(
    readonly obj: JsonObject,
    readonly location: string,
    readonly sink: DiagnosticSink,
  ) {}

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.obj, key);
  }

  at(key: string): string {
    return childLocation(this.location, key);
  }

  raw(key: string): JsonValue | undefined {
    return this.has(key) ? this.obj[key] : undefined;
  }

  /** Reports every missing field in one diagnostic; true when all are present. */
  require(...keys: string[]): boolean {
    const missing = keys.filter((k) => !this.has(k));
    if (missing.length > 0) {
      this.sink.schema(`These fields are required: [${missing.join(', ')}]`, this.location);
    }
    return missing.length === 0;
  }

  /** Reports each field not in `allowed`; true when there were none. */
  allowOnly(allowed: ReadonlySet<string>): boolean {
    let ok = true;
    for (const key of Object.keys(this.obj)) {
      if (!allowed.has(key)) {
        this.sink.schema(`Field '${key}' is not supported`, this.location);
        ok = false;
      }
    }
    return ok;
  }

  /** At most one of `keys` may be present; true when that holds. */
  atMostOne(...keys: string[]): boolean {
    const present = keys.filter((k) => this.has(k));
    if (present.length > 1) {
      this.sink.schema(`Only one of the fields [${present.join(', ')}] may be set`, this.location);
      return false;
    }
    return true;
  }

  /** Exactly one of `keys` must be present; true when that holds. */
  exactlyOne(...keys: string[]): boolean {
    if (!this.atMostOne(...keys)) return false;
    if (!keys.some((k) => this.has(k))) {
      this.sink.schema(`Exactly one of the fields [${keys.join(', ')}] is required`, this.location);
      return false;
    }
    return true;
  }

  string(key: string): string | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    this.sink.schema(typeMessage('String'), this.at(key));
    return undefined;
  }

  boolean(key: string): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    this.sink.schema(typeMessage('Boolean'), this.at(key));
    return undefined;
  }

  object(key: string): JsonObject | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (isJsonObject(v)) return v;
    this.sink.schema(typeMessage('Object'), this.at(key));
    return undefined;
  }

  array(key: string): JsonValue[] | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (Array.isArray(v)) return v;
    this.sink.schema(typeMessage('Array'), this.at(key));
    return undefined;
  }

  /** A number (integer when `integer`) within [min, max]. */
  number(key: string, range: { min: number; max?: number; integer: boolean }): number | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    return this.checkNumber(key, v, range);
  }

  /** JSONata fields that take either a number or a `{% %}` expression. */
  numberOrExpression(
    key: string,
    range: { min: number; max?: number; integer: boolean },
  ): number | string | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v === 'string') {
      if (isJsonataExpression(v)) return v;
      this.sink.schema(
        typeMessage(`${range.integer ? 'Integer' : 'Number'} or JSONata expression`),
        this.at(key),
      );
      return undefined;
    }
    return this.checkNumber(key, v, range);
  }

  /** A JSONPath string (starts with `$`). */
  path(key: string): string | undefined {
    const v = this.string(key);
    if (v === undefined) return undefined;
    if (isJsonPath(v)) return v;
    this.sink.schema(`The value for the field '${key}' must be a valid JSONPath`, this.at(key));
    return undefined;
  }

  /** A JSONPath string or `null` (InputPath, OutputPath, ResultPath). */
  pathOrNull(key: string): string | null | undefined {
    if (this.raw(key) === null) return null;
    return this.path(key);
  }

  /** A string from a fixed set. */
  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const v = this.string(key);
    if (v === undefined) return undefined;
    if ((values as readonly string[]).includes(v)) return v as T;
    this.sink.schema(
      `The value for the field '${key}' must be one of [${values.join(', ')}]`,
      this.at(key),
    );
    return undefined;
  }

  private checkNumber(
    key: string,
    v: JsonValue,
    range: { min: number; max?: number; integer: boolean },
  ): number | undefined {
    if (typeof v !== 'number' || (range.integer && !Number.isInteger(v))) {
      this.sink.schema(typeMessage(range.integer ? 'Integer' : 'Number'), this.at(key));
      return undefined;
    }
    if (v < range.min) {
      this.sink.schema(
        `The value for the field '${key}' must be greater than or equal to ${range.min}`,
        this.at(key),
      );
      return undefined;
    }
    if (range.max !== undefined && v > range.max) {
      this.sink.schema(
        `The value for the field '${key}' must be less than or equal to ${range.max}`,
        this.at(key),
      );
      return undefined;
    }
    return v;
  }
}
