/**
 * EventBridge match expressions: one element of a leaf array (`"state": ["a", {"prefix": "b"}]`)
 * turned into a Condition. Validation and messages follow AWS's InvalidEventPatternException
 * reasons as recorded against the real service (quoted verbatim where known; the few marked
 * "ours" are cases whose AWS wording we could not observe).
 */
import type { Condition, ExcludableCondition } from './ast.js';
import { InvalidEventPatternError } from './invalid-event-pattern-error.js';
import { isPlainObject } from './json-shape.js';
import { cidrBlock, parseIpAddress } from './ip-cidr.js';
import { parseEventBridgeNumeric } from './eventbridge-numeric.js';
import { parseWildcard, type WildcardPattern } from './wildcard.js';

/** Operator names; an `$or` alternative using one of these as a key is not an `$or`. */
export const MATCH_OPERATORS: ReadonlySet<string> = new Set([
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'cidr',
  'exists',
]);

const ANYTHING_BUT_SHAPE = 'Value of anything-but must be an array or single string/number value.';

function fail(reason: string): never {
  throw new InvalidEventPatternError(reason);
}

function onlyEntry(obj: Record<string, unknown>): [string, unknown] {
  const keys = Object.keys(obj);
  if (keys.length !== 1) fail('Only one key allowed in match expression');
  const key = keys[0] as string;
  return [key, obj[key]];
}

export function parseWildcardText(text: string): WildcardPattern {
  const r = parseWildcard(text);
  if (r.ok) return r.pattern;
  if (r.problem === 'consecutive') fail(`Consecutive wildcard characters at pos ${r.pos}`);
  return fail(`Invalid escape character at pos ${r.pos}`); // ours
}

function parseAffix(kind: 'prefix' | 'suffix', v: unknown): Condition {
  if (typeof v === 'string') return { kind, value: v, ignoreCase: false };
  if (isPlainObject(v)) {
    const [inner, text] = onlyEntry(v);
    if (inner !== 'equals-ignore-case') fail(`Unsupported ${kind} pattern: ${inner}`); // ours
    if (typeof text !== 'string') fail('equals-ignore-case match pattern must be a string');
    return { kind, value: text, ignoreCase: true };
  }
  return fail(`${kind} match pattern must be a string`);
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
  if (block === null) {
    fail(`Malformed CIDR, mask bits must be between 0 and ${address.version === 4 ? 32 : 128}`); // ours
  }
  return { kind: 'cidr', block };
}

function stringList(v: unknown, reason: string, allowEmpty: boolean): string[] {
  const items = Array.isArray(v) ? v : [v];
  if (items.length === 0) fail('Empty arrays are not allowed');
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') fail(reason);
    if (!allowEmpty && item === '') fail('Null prefix/suffix not allowed');
    out.push(item);
  }
  return out;
}

function parseAnythingBut(v: unknown): Condition {
  let excluded: ExcludableCondition[];
  if (typeof v === 'string' || typeof v === 'number') {
    excluded = [{ kind: 'equals', value: v }];
  } else if (Array.isArray(v)) {
    if (v.length === 0) fail('Empty arrays are not allowed');
    excluded = v.map((item): ExcludableCondition => {
      if (typeof item !== 'string' && typeof item !== 'number') {
        fail('Inside anything but list, start|null|boolean is not supported.');
      }
      return { kind: 'equals', value: item };
    });
  } else if (isPlainObject(v)) {
    const [op, operand] = onlyEntry(v);
    if (op === 'prefix' || op === 'suffix') {
      if (isPlainObject(operand)) fail(ANYTHING_BUT_SHAPE);
      const texts = stringList(operand, 'prefix/suffix match pattern must be a string', false);
      excluded = texts.map((value) => ({ kind: op, value, ignoreCase: false }));
    } else if (op === 'equals-ignore-case') {
      const reason =
        'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.';
      excluded = stringList(operand, reason, true).map((value) => ({ kind: op, value }));
    } else if (op === 'wildcard') {
      const texts = stringList(operand, 'wildcard match pattern must be a string', true);
      excluded = texts.map((t) => ({ kind: 'wildcard', pattern: parseWildcardText(t) }));
    } else {
      return fail(`Unsupported anything-but pattern: ${op}`);
    }
  } else {
    return fail(ANYTHING_BUT_SHAPE);
  }
  return { kind: 'anything-but', excluded };
}

/** One element of a leaf array. */
export function parseMatchValue(v: unknown): Condition {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') {
    return { kind: 'equals', value: v };
  }
  if (!isPlainObject(v)) return fail('Match value must be String, number, true, false, or null');
  const [op, operand] = onlyEntry(v);
  switch (op) {
    case 'prefix':
    case 'suffix':
      return parseAffix(op, operand);
    case 'equals-ignore-case':
      if (typeof operand !== 'string') fail('equals-ignore-case match pattern must be a string');
      return { kind: 'equals-ignore-case', value: operand };
    case 'wildcard':
      if (typeof operand !== 'string') fail('wildcard match pattern must be a string');
      return { kind: 'wildcard', pattern: parseWildcardText(operand) };
    case 'numeric':
      return { kind: 'numeric', range: parseEventBridgeNumeric(operand) };
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
