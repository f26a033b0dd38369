/**
 * AWS JSON 1.0/1.1 codec: checks a parsed request body against the operation's input shape
 * (returning a typed copy: blobs as Buffers, timestamps as Dates) and serializes outputs.
 *
 * Behaviour follows AWS's Coral JSON deserializer as measured against live services:
 * - unknown members are ignored and dropped; `null` members, list items and map values count
 *   as absent;
 * - a member of the wrong JSON type is a SerializationException with Coral's wording:
 *   `STRING_VALUE can not be converted to an Integer`, `NUMBER_VALUE can not be converted to a
 *   String`, `TRUE_VALUE …`, `Start of list found where not expected`, `Start of structure or
 *   map found where not expected.`, `Expected list or null`, `Expected null` (a scalar where a
 *   structure belongs); a body that is not a JSON object is a SerializationException;
 * - integers must be integral and in range (AWS truncates a fraction; Switchyard rejects it);
 * - timestamps are epoch seconds (numbers, fractions allowed) or ISO 8601 strings; blobs are
 *   base64 strings; float/double also accept "NaN", "Infinity", "-Infinity" (Smithy JSON);
 * - a missing required member is MissingParameter "The request must contain the parameter X."
 *   (SQS's wording; nested members are named by path, list items 1-based: `Entries.2.Id`);
 * - nesting deeper than 64 levels is a SerializationException (no unbounded recursion).
 */
import { DomainError } from '../../../core/errors/domain-error.js';
import {
  getOperation,
  getShape,
  resolveRef,
  setOwn,
  type ResolvedShape,
  type ServiceModel,
  type ShapeType,
} from './model.js';
import {
  INT32_MAX,
  INT32_MIN,
  dateFromEpochSeconds,
  formatTimestamp,
  parseBase64,
  parseTimestamp,
  quote,
  toBase64,
} from './scalars.js';

const MAX_DEPTH = 64;
const START_OF_LIST = 'Start of list found where not expected';
const START_OF_MAP = 'Start of structure or map found where not expected.';
const NON_FINITE: Record<string, number> = {
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
};

/** How Coral names the target type in "… can not be converted to <target>" (its grammar). */
const TARGET: Partial<Record<ShapeType, string>> = {
  integer: 'an Integer',
  short: 'a Short',
  byte: 'a Byte',
  long: 'a Long',
  string: 'a String',
  boolean: 'an Boolean',
  float: 'a Float',
  double: 'a Double',
  bigdecimal: 'a BigDecimal',
  biginteger: 'a BigInteger',
  timestamp: 'a Timestamp',
  blob: 'a Blob',
};

function serialization(message?: string): DomainError {
  return new DomainError('SerializationException', message);
}

export function validateJsonInput(
  model: ServiceModel,
  operation: string,
  body: unknown,
): Record<string, unknown> {
  const op = getOperation(model, operation);
  if (Array.isArray(body)) throw serialization(START_OF_LIST);
  if (!isObject(body)) throw serialization();
  if (!op.input) return {};
  return readStructure(model, getShape(model, op.input), body, '', 0);
}

function mismatch(shape: ResolvedShape, value: unknown): DomainError {
  if (Array.isArray(value)) return serialization(START_OF_LIST);
  if (typeof value === 'object' && value !== null) return serialization(START_OF_MAP);
  if (shape.type === 'list') return serialization('Expected list or null');
  if (shape.type === 'map') return serialization('Expected map or null');
  if (shape.type === 'structure') return serialization('Expected null');
  const kind =
    typeof value === 'string'
      ? 'STRING_VALUE'
      : typeof value === 'number'
        ? 'NUMBER_VALUE'
        : value === true
          ? 'TRUE_VALUE'
          : 'FALSE_VALUE';
  return serialization(
    `${kind} can not be converted to ${TARGET[shape.type] ?? 'a ' + shape.type}`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

function readValue(
  model: ServiceModel,
  shape: ResolvedShape,
  value: unknown,
  path: string,
  depth: number,
): unknown {
  if (depth > MAX_DEPTH) throw serialization('The request is nested too deeply.');
  if (shape.document) return value;
  switch (shape.type) {
    case 'structure':
      if (!isObject(value)) throw mismatch(shape, value);
      return readStructure(model, shape, value, path, depth);
    case 'list':
      return readList(model, shape, value, path, depth);
    case 'map':
      return readMap(model, shape, value, path, depth);
    default:
      return readScalar(shape, value, path);
  }
}

function readStructure(
  model: ServiceModel,
  shape: ResolvedShape,
  value: Record<string, unknown>,
  path: string,
  depth: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = Object.hasOwn(value, name) ? value[name] : undefined;
    if (member === undefined || member === null) continue;
    out[name] = readValue(model, resolveRef(model, ref), member, child(path, name), depth + 1);
  }
  for (const name of shape.required ?? []) {
    if (out[name] === undefined) {
      throw new DomainError(
        'MissingParameter',
        `The request must contain the parameter ${child(path, name)}.`,
      );
    }
  }
  return out;
}

function readList(
  model: ServiceModel,
  shape: ResolvedShape,
  value: unknown,
  path: string,
  depth: number,
): unknown[] {
  if (!Array.isArray(value)) throw mismatch(shape, value);
  if (!shape.member) return [];
  const element = resolveRef(model, shape.member);
  const out: unknown[] = [];
  (value as unknown[]).forEach((item, i) => {
    if (item !== null && item !== undefined) {
      out.push(readValue(model, element, item, child(path, i + 1), depth + 1));
    }
  });
  return out;
}

function readMap(
  model: ServiceModel,
  shape: ResolvedShape,
  value: unknown,
  path: string,
  depth: number,
): Record<string, unknown> {
  if (!isObject(value)) throw mismatch(shape, value);
  if (!shape.value) return {};
  const valueShape = resolveRef(model, shape.value);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    setOwn(out, key, readValue(model, valueShape, item, child(path, key), depth + 1));
  }
  return out;
}

function readScalar(shape: ResolvedShape, value: unknown, path: string): unknown {
  if (typeof value === 'object') throw mismatch(shape, value);
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') throw mismatch(shape, value);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw mismatch(shape, value);
      return value;
    case 'integer':
    case 'short':
    case 'byte':
    case 'long': {
      const ok =
        typeof value === 'number' &&
        (shape.type === 'long'
          ? Number.isSafeInteger(value)
          : Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX);
      if (!ok) throw mismatch(shape, value);
      return value;
    }
    case 'biginteger':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(shape, value);
      return value;
    case 'float':
    case 'double':
    case 'bigdecimal':
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && Object.hasOwn(NON_FINITE, value)) return NON_FINITE[value];
      throw mismatch(shape, value);
    case 'timestamp': {
      const date =
        typeof value === 'number'
          ? dateFromEpochSeconds(value)
          : typeof value === 'string'
            ? parseTimestamp(value)
            : undefined;
      if (!date) throw mismatch(shape, value);
      return date;
    }
    case 'blob': {
      if (typeof value !== 'string') throw mismatch(shape, value);
      const bytes = parseBase64(value);
      if (!bytes) throw serialization(`Value ${quote(value)} at ${path} is not valid base64.`);
      return bytes;
    }
    default:
      return value;
  }
}

/** Serializes an operation's output as the JSON body AWS JSON 1.0/1.1 clients expect. */
export function encodeJsonOutput(
  model: ServiceModel,
  operation: string,
  output: Record<string, unknown> | undefined,
): string {
  const op = getOperation(model, operation);
  if (!op.output) return '{}';
  return JSON.stringify(writeValue(model, getShape(model, op.output), output ?? {}, 0));
}

function writeValue(
  model: ServiceModel,
  shape: ResolvedShape,
  value: unknown,
  depth: number,
): unknown {
  if (depth > MAX_DEPTH) throw new Error('output nested too deeply');
  if (shape.document) return value;
  switch (shape.type) {
    case 'structure': {
      if (!isObject(value)) throw new TypeError(`${shape.name} output must be an object`);
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const member = Object.hasOwn(value, name) ? value[name] : undefined;
        if (member === undefined || member === null) continue;
        out[name] = writeValue(model, resolveRef(model, ref), member, depth + 1);
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(value)) throw new TypeError(`${shape.name} output must be an array`);
      const element = shape.member && resolveRef(model, shape.member);
      if (!element) return [];
      return (value as unknown[])
        .filter((item) => item !== undefined && item !== null)
        .map((item) => writeValue(model, element, item, depth + 1));
    }
    case 'map': {
      if (!isObject(value)) throw new TypeError(`${shape.name} output must be an object`);
      const valueShape = shape.value && resolveRef(model, shape.value);
      const out: Record<string, unknown> = {};
      if (!valueShape) return out;
      for (const [key, item] of Object.entries(value)) {
        if (item !== undefined && item !== null) {
          setOwn(out, key, writeValue(model, valueShape, item, depth + 1));
        }
      }
      return out;
    }
    case 'timestamp':
      return formatTimestamp(value, shape.timestampFormat ?? 'unixTimestamp');
    case 'blob':
      return toBase64(value);
    case 'float':
    case 'double':
      return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
    case 'biginteger':
      return typeof value === 'bigint' ? Number(value) : value;
    default:
      return value;
  }
}
