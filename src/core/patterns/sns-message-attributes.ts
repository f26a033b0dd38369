/**
 * SNS message attributes as filter policies see them. Attributes are typed, `{DataType,
 * StringValue}` in the API or `{Type, Value}` in a notification; either spelling is read.
 * - `String` (and custom `String.x`): one string value.
 * - `String.Array`: JSON array text; each element (string, number, true, false or null) is a
 *   value, and a policy matches if it matches any element — except `anything-but`, which SNS
 *   documents as matching only when none of the elements is excluded.
 * - `Number` (and custom `Number.x`): one numeric value, compared by value (so "3.015e2" and
 *   301.5 are equal); string operators never match it.
 * - `Binary`: never seen by filter policies (SNS ignores it).
 * An attribute whose value cannot be read (String.Array text that is not a JSON array, a
 * Number that is not a number) is present but has no values, and marks the message's
 * attributes invalid (SNS's NumberOfNotificationsFilteredOut-InvalidAttributes).
 */
import type { Scalar } from './ast.js';

export interface SnsMessageAttributeValue {
  readonly DataType?: string;
  readonly Type?: string;
  readonly StringValue?: string;
  readonly Value?: string | number;
  readonly BinaryValue?: unknown;
}

export type SnsMessageAttributes = Readonly<Record<string, SnsMessageAttributeValue>>;

export interface TypedAttribute {
  readonly isArray: boolean;
  readonly values: readonly Scalar[];
}

export interface TypedAttributes {
  /** Filterable attributes by name (Binary ones left out). */
  readonly byName: ReadonlyMap<string, TypedAttribute>;
  /** True when any attribute was present but unreadable. */
  readonly invalid: boolean;
  /** True when some attribute is a String.Array. */
  readonly hasArrays: boolean;
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function baseType(dataType: string): string {
  if (dataType === 'String.Array') return dataType;
  const dot = dataType.indexOf('.');
  return dot < 0 ? dataType : dataType.slice(0, dot);
}

function parseNumber(raw: string | number): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const text = raw.trim();
  if (!NUMBER_TEXT.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function parseArray(raw: string | number): Scalar[] | null {
  if (typeof raw !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  return parsed.filter(isScalar);
}

function typed(attr: SnsMessageAttributeValue): TypedAttribute | 'binary' | null {
  const type = baseType(attr.DataType ?? attr.Type ?? 'String');
  if (type === 'Binary') return 'binary';
  const raw = attr.StringValue ?? attr.Value;
  if (raw === undefined) return null;
  if (type === 'String.Array') {
    const values = parseArray(raw);
    return values === null ? null : { isArray: true, values };
  }
  if (type === 'Number') {
    const n = parseNumber(raw);
    return n === null ? null : { isArray: false, values: [n] };
  }
  if (type === 'String') return { isArray: false, values: [String(raw)] };
  return null;
}

const UNREADABLE: TypedAttribute = { isArray: false, values: [] };

/** True when the message carries at least one attribute (of any type, Binary included). */
export function hasAnyAttribute(attributes: SnsMessageAttributes | undefined): boolean {
  if (attributes === undefined) return false;
  for (const name in attributes) if (Object.hasOwn(attributes, name)) return true;
  return false;
}

export function typedAttributes(attributes: SnsMessageAttributes | undefined): TypedAttributes {
  const byName = new Map<string, TypedAttribute>();
  let invalid = false;
  let hasArrays = false;
  if (attributes === undefined) return { byName, invalid, hasArrays };
  for (const name of Object.keys(attributes)) {
    const attr = attributes[name];
    if (attr === undefined) continue;
    const t = typed(attr);
    if (t === 'binary') continue;
    if (t === null) {
      invalid = true;
      byName.set(name, UNREADABLE);
      continue;
    }
    hasArrays ||= t.isArray;
    byName.set(name, t);
  }
  return { byName, invalid, hasArrays };
}

/**
 * The event the shared matchers see for a MessageAttributes-scope policy: one field per
 * filterable attribute, a scalar or (String.Array) an array of scalars. A null-prototype
 * object, so an attribute may be called "__proto__".
 */
export function attributesEvent(attributes: TypedAttributes): Record<string, unknown> {
  const event = Object.create(null) as Record<string, unknown>;
  for (const [name, t] of attributes.byName) {
    event[name] = t.isArray ? t.values : t.values.length === 1 ? t.values[0] : [];
  }
  return event;
}
