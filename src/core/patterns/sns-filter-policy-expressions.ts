/**
 * SNS match expressions: one element of a policy array (`"store": ["a", {"prefix": "b"}]`)
 * turned into a shared Condition. SNS's operator set is narrower than EventBridge's: exact
 * values (string, number, true, false, null), `prefix`, `suffix`, `equals-ignore-case`,
 * `anything-but` (a value, a list of strings/numbers, or `{"prefix": …}`), `numeric`,
 * `exists` and `cidr`. SNS rejects `wildcard`, `prefix`/`suffix` with a nested
 * `equals-ignore-case`, and anything-but with `suffix`, `equals-ignore-case` or `wildcard`
 * (recorded against the real service). Reasons follow AWS's wording where it is known; the
 * few marked "ours" are cases whose AWS wording we could not observe.
 */
import type { Condition, ExcludableCondition } from './ast.js';
import { isPlainObject } from './json-shape.js';
import { cidrBlock, parseIpAddress } from './ip-cidr.js';
import { InvalidFilterPolicyError } from './sns-filter-policy-error.js';
import { parseSnsNumeric } from './sns-filter-policy-numeric.js';

/** Operator names; an `$or` alternative using one of these as a key is not an `$or`. */
export const SNS_MATCH_OPERATORS: ReadonlySet<string> = new Set([
  'prefix',
  'suffix',
  'equals-ignore-case',
  'anything-but',
  'numeric',
  'cidr',
  'exists',
]);

const ANYTHING_BUT_SHAPE = 'Value of anything-but must be an array or single string/number value.';

function fail(reason: string): never {
  throw new InvalidFilterPolicyError(reason);
}

function onlyEntry(obj: Record<string, unknown>): [string, unknown] {
  const keys = Object.keys(obj);
  if (keys.length !== 1) fail('Only one key allowed in match expression');
  const key = keys[0] as string;
  return [key, obj[key]];
}

function stringOperand(op: string, v: unknown): string {
  if (typeof v !== 'string') fail(`${op} match pattern must be a string`);
  return v;
}

function parseCidr(v: unknown): Condition {
  if (typeof v !== 'string') fail('prefix match pattern must be a string'); // AWS's wording
  const parts = v.split('/');
  if (parts.length !== 2) fail("Malformed CIDR, one '/' required");
  const [ip, bits] = parts as [string, string];
  if (!/^\d{1,3}$/.test(bits)) fail('Malformed CIDR, mask bits must be an integer');
  const address = parseIpAddress(ip);
  if (address === null) fail(`Nonstandard IP address: ${ip}`);
  const block = cidrBlock(address, Number(bits));
  if (block === null) fail(`Nonstandard IP address: ${ip}`);
  return { kind: 'cidr', block };
}

function anythingButValue(item: unknown): ExcludableCondition {
  if (typeof item !== 'string' && typeof item !== 'number') {
    fail('Inside anything but list, start|null|boolean is not supported.');
  }
  return { kind: 'equals', value: item };
}

function parseAnythingBut(v: unknown): Condition {
  let excluded: ExcludableCondition[];
  if (typeof v === 'string' || typeof v === 'number') {
    excluded = [{ kind: 'equals', value: v }];
  } else if (Array.isArray(v)) {
    if (v.length === 0) fail('Empty arrays are not allowed'); // ours
    excluded = v.map(anythingButValue);
  } else if (isPlainObject(v)) {
    const [op, operand] = onlyEntry(v);
    if (op !== 'prefix') fail(`Unsupported anything-but pattern: ${op}`);
    const text = stringOperand('prefix', operand);
    if (text === '') fail('Null prefix/suffix not allowed'); // Ruler's wording
    excluded = [{ kind: 'prefix', value: text, ignoreCase: false }];
  } else {
    return fail(ANYTHING_BUT_SHAPE);
  }
  return { kind: 'anything-but', excluded };
}

/** One element of a policy array. */
export function parseSnsMatchValue(v: unknown): Condition {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') {
    return { kind: 'equals', value: v };
  }
  if (!isPlainObject(v)) return fail('Match value must be String, number, true, false, or null');
  const [op, operand] = onlyEntry(v);
  switch (op) {
    case 'prefix':
    case 'suffix':
      return { kind: op, value: stringOperand(op, operand), ignoreCase: false };
    case 'equals-ignore-case':
      return { kind: op, value: stringOperand(op, operand) };
    case 'numeric':
      return { kind: 'numeric', range: parseSnsNumeric(operand) };
    case 'cidr':
      return parseCidr(operand);
    case 'exists':
      if (typeof operand !== 'boolean') fail('exists match pattern must be either true or false.');
      return { kind: 'exists', value: operand };
    case 'anything-but':
      return parseAnythingBut(operand);
    default:
      return fail(`Unrecognized match type ${op}`);
  }
}
