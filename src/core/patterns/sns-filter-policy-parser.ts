/**
 * The SNS filter-policy parser: JSON text → validated SnsFilterPolicy (the shared pattern AST
 * plus what the SNS matcher needs to know), or an InvalidFilterPolicyError worded like SNS's
 * InvalidParameter. Structure: the policy is a JSON object; every key holds a non-empty array
 * of match values or (MessageBody scope only) a nested object; `$or` is an array of two or
 * more objects none of which uses an operator name as a key (otherwise it is an ordinary key).
 * Limits, as AWS documents and enforces them:
 * - size: 256 KB of UTF-8 (configurable);
 * - keys: at most 5 — for MessageBody only top-level keys count, nested ones do not; we count
 *   per `$or` alternative (the keys one message must satisfy together);
 * - complexity: at most 150 combinations — the product over arrays of (values × nesting
 *   depth), `$or` alternatives summed (AWS's documented formula: a 4-value array three levels
 *   deep counts 4 × 3);
 * - numeric operands within ±1e9 (sns-filter-policy-numeric.ts).
 * An empty policy `{}` is accepted and filters nothing.
 */
import type { Condition, EventPattern, FieldNode, ObjectPattern } from './ast.js';
import { InvalidFilterPolicyError } from './sns-filter-policy-error.js';
import { parseSnsMatchValue, SNS_MATCH_OPERATORS } from './sns-filter-policy-expressions.js';
import { isPlainObject } from './json-shape.js';

export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';

export const FILTER_POLICY_MAX_BYTES = 256 * 1024;
export const FILTER_POLICY_MAX_KEYS = 5;
export const FILTER_POLICY_MAX_COMBINATIONS = 150;

export interface SnsFilterPolicy {
  readonly scope: FilterPolicyScope;
  readonly pattern: EventPattern;
  /** True for `{}`: the policy constrains nothing. */
  readonly matchesAll: boolean;
  /**
   * True when the policy's answer for a String.Array attribute can differ from the engine's
   * any-element answer (it uses `anything-but` or `exists: false` in the MessageAttributes
   * scope); the topic matcher re-checks such candidates (see sns-topic-filter.ts).
   */
  readonly arraySensitive: boolean;
}

export interface SnsFilterPolicyParseOptions {
  /** Default MessageAttributes, as on AWS when FilterPolicyScope is not set. */
  readonly scope?: FilterPolicyScope;
  /** Maximum policy size in UTF-8 bytes (default 256 KB). */
  readonly maxBytes?: number;
}

function fail(reason: string): never {
  throw new InvalidFilterPolicyError(reason);
}

function isOrGroup(v: unknown): v is Record<string, unknown>[] {
  return (
    Array.isArray(v) &&
    v.length >= 2 &&
    v.every(
      (alt) => isPlainObject(alt) && !Object.keys(alt).some((k) => SNS_MATCH_OPERATORS.has(k)),
    )
  );
}

function parseObject(obj: Record<string, unknown>, level: number): ObjectPattern {
  // Each nested object multiplies the complexity by its depth and each nested `$or` adds at
  // least one alternative, so nothing nested deeper than the combination limit can be valid;
  // stopping here also bounds the recursion.
  if (level > FILTER_POLICY_MAX_COMBINATIONS) fail('Filter policy is too complex');
  const fields: FieldNode[] = [];
  const anyOf: ObjectPattern[][] = [];
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (key === '$or' && isOrGroup(v)) {
      anyOf.push(v.map((alt) => parseObject(alt, level + 1)));
    } else if (Array.isArray(v)) {
      if (v.length === 0) fail('Empty arrays are not allowed');
      const conditions: Condition[] = v.map(parseSnsMatchValue);
      fields.push({ key, kind: 'leaf', conditions });
    } else if (isPlainObject(v)) {
      if (Object.keys(v).length === 0) fail('Empty objects are not allowed'); // Ruler's wording
      fields.push({ key, kind: 'object', pattern: parseObject(v, level + 1) });
    } else {
      fail(`"${key}" must be an object or an array`);
    }
  }
  return { fields, anyOf };
}

/** The most keys one `$or` alternative combination puts at the top level. */
function maxTopLevelKeys(node: ObjectPattern): number {
  let n = node.fields.length;
  for (const group of node.anyOf) n += Math.max(...group.map(maxTopLevelKeys));
  return n;
}

/** AWS's combination count: arrays multiply (values × depth), `$or` alternatives add. */
export function filterPolicyCombinations(node: ObjectPattern, depth = 1): number {
  let total = 1;
  for (const f of node.fields) {
    total *=
      f.kind === 'leaf'
        ? f.conditions.length * depth
        : filterPolicyCombinations(f.pattern, depth + 1);
  }
  for (const group of node.anyOf) {
    let sum = 0;
    for (const alt of group) sum += filterPolicyCombinations(alt, depth);
    total *= sum;
  }
  return total;
}

function isNested(node: ObjectPattern): boolean {
  return (
    node.fields.some((f) => f.kind === 'object') ||
    node.anyOf.some((g) => g.some((alt) => isNested(alt)))
  );
}

function someCondition(node: ObjectPattern, test: (c: Condition) => boolean): boolean {
  return (
    node.fields.some((f) =>
      f.kind === 'leaf' ? f.conditions.some(test) : someCondition(f.pattern, test),
    ) || node.anyOf.some((g) => g.some((alt) => someCondition(alt, test)))
  );
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Parses and validates an SNS filter policy. Throws only InvalidFilterPolicyError. */
export function parseSnsFilterPolicy(
  text: string,
  options: SnsFilterPolicyParseOptions = {},
): SnsFilterPolicy {
  const scope = options.scope ?? 'MessageAttributes';
  if (typeof text !== 'string') fail('Filter is not an object');
  const maxBytes = options.maxBytes ?? FILTER_POLICY_MAX_BYTES;
  const size = utf8Length(text);
  if (size > maxBytes) fail(`Filter policy size ${size} exceeds the maximum of ${maxBytes} bytes`); // ours
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`failed to parse JSON. ${e instanceof Error ? e.message : String(e)}`); // ours
  }
  if (!isPlainObject(json)) fail('Filter is not an object'); // Ruler's wording
  const root = parseObject(json, 1);
  // AWS reports malformed content first, even inside a nested object, then the scope.
  if (scope === 'MessageAttributes' && isNested(root)) {
    throw new InvalidFilterPolicyError(
      'Filter policy scope MessageAttributes does not support nested filter policy',
      null,
    );
  }
  if (maxTopLevelKeys(root) > FILTER_POLICY_MAX_KEYS) {
    fail(`Filter policy can not have more than ${FILTER_POLICY_MAX_KEYS} keys`);
  }
  if (filterPolicyCombinations(root) > FILTER_POLICY_MAX_COMBINATIONS) {
    fail('Filter policy is too complex');
  }
  const arraySensitive =
    scope === 'MessageAttributes' &&
    someCondition(root, (c) => c.kind === 'anything-but' || (c.kind === 'exists' && !c.value));
  return {
    scope,
    pattern: { root },
    matchesAll: root.fields.length === 0 && root.anyOf.length === 0,
    arraySensitive,
  };
}
