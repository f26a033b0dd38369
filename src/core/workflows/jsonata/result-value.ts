/**
 * Turns what jsonata returned into the JSON value a state carries: a fresh plain copy (JSONata
 * sequences become arrays, nothing aliases the input), object keys whose value is undefined
 * dropped as JSONata drops them, and numbers JSON cannot hold written as AWS writes them,
 * as strings (`1/0` is "Infinity", `0/0` is "NaN"). A function anywhere in the result cannot
 * be carried at all: `UnsupportedResultError`.
 */
import type { JsonObject, JsonValue } from './types.js';

export class UnsupportedResultError extends Error {}

export function toJsonValue(value: unknown): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value))
        return value.map((item: unknown) => (item === undefined ? null : toJsonValue(item)));
      if (isJsonataFunction(value)) throw new UnsupportedResultError();
      const copy: JsonObject = {};
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined) continue;
        Object.defineProperty(copy, key, {
          value: toJsonValue(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return copy;
    }
    default:
      throw new UnsupportedResultError();
  }
}

/** jsonata lambdas and native functions are objects carrying one of these markers. */
function isJsonataFunction(value: object): boolean {
  const marked = value as { _jsonata_lambda?: unknown; _jsonata_function?: unknown };
  return marked._jsonata_lambda === true || marked._jsonata_function === true;
}

/** A deep copy of a literal template value, so callers may mutate what they get. */
export function copyJson(value: JsonValue): JsonValue {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, key, {
      value: copyJson(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
