/**
 * Disjunctive normal form of a pattern: every way of choosing one alternative in each `$or`
 * gives a branch, the conjunction of its leaves with their full dotted paths. A pattern
 * matches when one of its branches does. `$or` can multiply branches, so expansion stops with
 * `null` past `maxBranches` (the dialect's parser turns that into its own error).
 */
import type { ObjectPattern, PatternBranch, PatternLeaf } from './ast.js';

function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function expand(node: ObjectPattern, parent: string, max: number): PatternLeaf[][] | null {
  let branches: PatternLeaf[][] = [[]];
  const product = (alternatives: PatternLeaf[][]): boolean => {
    const next: PatternLeaf[][] = [];
    for (const b of branches) {
      for (const alt of alternatives) {
        if (next.length >= max) return false;
        next.push([...b, ...alt]);
      }
    }
    branches = next;
    return true;
  };
  for (const f of node.fields) {
    const path = joinPath(parent, f.key);
    if (f.kind === 'leaf') {
      for (const b of branches) b.push({ path, conditions: f.conditions });
    } else {
      const sub = expand(f.pattern, path, max);
      if (sub === null || !product(sub)) return null;
    }
  }
  for (const group of node.anyOf) {
    const alternatives: PatternLeaf[][] = [];
    for (const alt of group) {
      const sub = expand(alt, parent, max);
      if (sub === null || alternatives.length + sub.length > max) return null;
      alternatives.push(...sub);
    }
    if (!product(alternatives)) return null;
  }
  return branches;
}

/** The pattern's branches, or null when there would be more than `maxBranches`. */
export function patternBranches(root: ObjectPattern, maxBranches: number): PatternBranch[] | null {
  return expand(root, '', maxBranches);
}
