/**
 * The naive reference matcher: obviously correct, slow, used as the oracle for the compiled
 * matcher. Definition: a pattern matches an event when some branch (one alternative chosen in
 * every `$or`) can be satisfied leaf by leaf — each leaf either picks an event value at its
 * path that one of its conditions accepts, or, when one of its conditions is `exists: false`,
 * is satisfied by the path having no value in the event at all — such that all picked values
 * are array-consistent (see event-flatten.ts). Brute force over all choices.
 */
import type { EventPattern, ObjectPattern, PatternLeaf } from './ast.js';
import { conditionMatches } from './condition-eval.js';
import { flattenEvent, trailsConsistent, type EventEntry } from './event-flatten.js';

type Part = () => Iterable<PatternLeaf[]>;

function* product(parts: readonly Part[], i: number): Generator<PatternLeaf[]> {
  const part = parts[i];
  if (part === undefined) {
    yield [];
    return;
  }
  for (const head of part()) {
    for (const tail of product(parts, i + 1)) yield [...head, ...tail];
  }
}

function* branchesOf(node: ObjectPattern, parent: string): Generator<PatternLeaf[]> {
  const parts: Part[] = [];
  for (const f of node.fields) {
    const path = parent === '' ? f.key : `${parent}.${f.key}`;
    if (f.kind === 'leaf') parts.push(() => [[{ path, conditions: f.conditions }]]);
    else parts.push(() => branchesOf(f.pattern, path));
  }
  for (const group of node.anyOf) {
    parts.push(function* () {
      for (const alt of group) yield* branchesOf(alt, parent);
    });
  }
  yield* product(parts, 0);
}

function satisfiable(
  leaves: readonly PatternLeaf[],
  i: number,
  entries: readonly EventEntry[],
  chosen: EventEntry[],
): boolean {
  const leaf = leaves[i];
  if (leaf === undefined) return true;
  const present = entries.filter((e) => e.path === leaf.path);
  if (present.length === 0) {
    const absentOk = leaf.conditions.some((c) => c.kind === 'exists' && !c.value);
    return absentOk && satisfiable(leaves, i + 1, entries, chosen);
  }
  for (const e of present) {
    if (!chosen.every((c) => trailsConsistent(c.trail, e.trail))) continue;
    if (!leaf.conditions.some((c) => conditionMatches(c, e.value))) continue;
    chosen.push(e);
    const ok = satisfiable(leaves, i + 1, entries, chosen);
    chosen.pop();
    if (ok) return true;
  }
  return false;
}

export function matchesReference(pattern: EventPattern, event: unknown): boolean {
  const entries = flattenEvent(event);
  for (const branch of branchesOf(pattern.root, '')) {
    if (satisfiable(branch, 0, entries, [])) return true;
  }
  return false;
}
