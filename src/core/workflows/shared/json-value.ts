/**
 * The JSON values the data-flow layer moves between states, and the few helpers every part of
 * it needs: type tests, structural equality (1 and 1.0 are one number, as in JSON), the compact
 * serialisation AWS uses when it quotes a payload in an error cause, and the type names used in
 * those causes.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property lookup: `constructor` or `__proto__` in a document are plain keys. */
export function getOwn(object: JsonObject, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Sets a key without ever touching the prototype (a key named `__proto__` stays data). */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEquals(x, b[i]!));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => {
      const other = getOwn(b, k);
      return other !== undefined && jsonEquals(a[k]!, other);
    });
  }
  return false;
}

/** Compact JSON text, as Step Functions prints payloads in causes and `States.JsonToString`. */
export function toJsonText(value: JsonValue): string {
  return JSON.stringify(value);
}

/** The JSON type of a value, for error causes. */
export function jsonTypeName(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A deep copy, so results never alias the input they were selected from. */
export function cloneJson<T extends JsonValue>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  const copy: JsonObject = {};
  for (const [k, v] of Object.entries(value)) setOwn(copy, k, cloneJson(v));
  return copy as T;
}
