/**
 * The EventBridge event-pattern parser: JSON text → validated EventPattern, or an
 * InvalidEventPatternError worded like AWS's InvalidEventPatternException. Structure rules:
 * the pattern is a non-empty JSON object; every field holds a non-empty array of match values
 * or a non-empty object; `$or` is an array of two or more objects none of which uses an
 * operator name as a key (otherwise AWS reads `$or` as an ordinary field name). Limits: the
 * text length (4096 characters, the PutRule maximum; AWS's default quota is 2048), the number
 * of `$or` combinations, nesting depth, and wildcard complexity per field.
 */
import type { Condition, EventPattern, FieldNode, ObjectPattern } from './ast.js';
import { InvalidEventPatternError } from './invalid-event-pattern-error.js';
import { MATCH_OPERATORS, parseMatchValue } from './eventbridge-match-expressions.js';
import { isPlainObject } from './json-shape.js';
import { patternBranches } from './pattern-branches.js';
import { wildcardsWithinComplexity } from './wildcard-complexity.js';
import type { WildcardPattern } from './wildcard.js';

export const EVENT_PATTERN_MAX_LENGTH = 4096;
/** Our bound on `$or` expansion (AWS documents none); keeps matching cost bounded. */
export const EVENT_PATTERN_MAX_BRANCHES = 1024;
/** Our bound on object nesting (AWS documents none; 4096 characters allow ~680 levels). */
export const EVENT_PATTERN_MAX_DEPTH = 100;

export interface EventPatternParseOptions {
  /** Maximum pattern length in characters (default 4096). */
  readonly maxLength?: number;
}

function fail(reason: string): never {
  throw new InvalidEventPatternError(reason);
}

function isOrGroup(v: unknown): v is Record<string, unknown>[] {
  return (
    Array.isArray(v) &&
    v.length >= 2 &&
    v.every((alt) => isPlainObject(alt) && !Object.keys(alt).some((k) => MATCH_OPERATORS.has(k)))
  );
}

function parseObject(obj: Record<string, unknown>, depth: number): ObjectPattern {
  if (depth > EVENT_PATTERN_MAX_DEPTH) fail('Event pattern is nested too deeply'); // ours
  const keys = Object.keys(obj);
  if (keys.length === 0) fail('Empty objects are not allowed');
  const fields: FieldNode[] = [];
  const anyOf: ObjectPattern[][] = [];
  for (const key of keys) {
    const v = obj[key];
    if (key === '$or' && isOrGroup(v)) {
      anyOf.push(v.map((alt) => parseObject(alt, depth + 1)));
    } else if (Array.isArray(v)) {
      if (v.length === 0) fail('Empty arrays are not allowed');
      const conditions: Condition[] = v.map(parseMatchValue);
      fields.push({ key, kind: 'leaf', conditions });
    } else if (isPlainObject(v)) {
      fields.push({ key, kind: 'object', pattern: parseObject(v, depth + 1) });
    } else {
      fail(`"${key}" must be an object or an array`);
    }
  }
  return { fields, anyOf };
}

function wildcardsOf(c: Condition): WildcardPattern[] {
  if (c.kind === 'wildcard') return [c.pattern];
  if (c.kind === 'anything-but') {
    return c.excluded.flatMap((x) => (x.kind === 'wildcard' ? [x.pattern] : []));
  }
  return [];
}

function checkComplexity(root: ObjectPattern): void {
  const branches = patternBranches(root, EVENT_PATTERN_MAX_BRANCHES);
  if (branches === null) {
    fail(`Too many $or combinations (limit ${EVENT_PATTERN_MAX_BRANCHES})`); // ours
  }
  const byPath = new Map<string, Map<string, WildcardPattern>>();
  for (const branch of branches) {
    for (const leaf of branch) {
      for (const w of leaf.conditions.flatMap(wildcardsOf)) {
        const set = byPath.get(leaf.path) ?? new Map<string, WildcardPattern>();
        set.set(w.source, w);
        byPath.set(leaf.path, set);
      }
    }
  }
  for (const set of byPath.values()) {
    if (!wildcardsWithinComplexity([...set.values()])) {
      fail(
        'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
      );
    }
  }
}

/** Parses and validates an EventBridge event pattern. Throws only InvalidEventPatternError. */
export function parseEventPattern(
  text: string,
  options: EventPatternParseOptions = {},
): EventPattern {
  if (typeof text !== 'string') fail('Filter is not an object');
  const maxLength = options.maxLength ?? EVENT_PATTERN_MAX_LENGTH;
  if (text.length > maxLength) {
    fail(`Event pattern length ${text.length} exceeds the maximum of ${maxLength}`); // ours
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail(`Filter is not valid JSON: ${e instanceof Error ? e.message : String(e)}`); // ours
  }
  if (!isPlainObject(json)) fail('Filter is not an object');
  const root = parseObject(json, 0);
  checkComplexity(root);
  return { root };
}
