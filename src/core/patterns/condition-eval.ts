/**
 * What each condition means for one present leaf value of the event: the single definition of
 * operator semantics, used by the reference matcher and by the compiled matcher for conditions
 * it does not index. `exists` is about presence, so for a present value `exists: true` holds
 * and `exists: false` does not. Strings-only operators never match numbers, booleans or null;
 * numbers given as strings never match numeric operators or number equality.
 */
import type { Condition, ExcludableCondition, Scalar } from './ast.js';
import { cidrContains, cidrKey } from './ip-cidr.js';
import { numericRangeKey, numericRangeMatches } from './numeric-range.js';
import { wildcardMatches } from './wildcard.js';

export function scalarEquals(a: Scalar, b: Scalar): boolean {
  return a === b;
}

function lower(s: string): string {
  return s.toLowerCase();
}

export function conditionMatches(c: Condition, value: Scalar): boolean {
  switch (c.kind) {
    case 'equals':
      return scalarEquals(c.value, value);
    case 'equals-ignore-case':
      return typeof value === 'string' && lower(value) === lower(c.value);
    case 'prefix':
      if (typeof value !== 'string') return false;
      return c.ignoreCase ? lower(value).startsWith(lower(c.value)) : value.startsWith(c.value);
    case 'suffix':
      if (typeof value !== 'string') return false;
      return c.ignoreCase ? lower(value).endsWith(lower(c.value)) : value.endsWith(c.value);
    case 'wildcard':
      return wildcardMatches(c.pattern, value);
    case 'numeric':
      return numericRangeMatches(c.range, value);
    case 'cidr':
      return cidrContains(c.block, value);
    case 'exists':
      return c.value;
    case 'anything-but':
      return !anyMatches(c.excluded, value);
  }
}

/** A plain loop rather than `some` with a closure: this runs once per event and rule edge. */
function anyMatches(conditions: readonly ExcludableCondition[], value: Scalar): boolean {
  for (let i = 0; i < conditions.length; i++) {
    if (conditionMatches(conditions[i]!, value)) return true;
  }
  return false;
}

/** A canonical text for a scalar: numbers by value, so 5, 5.0 and 5e0 are one key. */
export function scalarKey(v: Scalar): string {
  if (typeof v === 'string') return 's' + v;
  if (typeof v === 'number') return 'n' + String(v);
  if (v === null) return 'z';
  return v ? 't' : 'f';
}

/** A canonical text for a condition; equal keys mean equal conditions. */
export function conditionKey(c: Condition): string {
  switch (c.kind) {
    case 'equals':
      return '=' + scalarKey(c.value);
    case 'equals-ignore-case':
      return 'i' + JSON.stringify(c.value);
    case 'prefix':
    case 'suffix':
      return `${c.kind}${c.ignoreCase ? 'I' : ''}${JSON.stringify(c.value)}`;
    case 'wildcard':
      return 'w' + JSON.stringify(c.pattern.segments);
    case 'numeric':
      return '#' + numericRangeKey(c.range);
    case 'cidr':
      return 'c' + cidrKey(c.block);
    case 'exists':
      return c.value ? 'E' : 'A';
    case 'anything-but':
      return '!' + JSON.stringify(c.excluded.map(conditionKey).sort());
  }
}
