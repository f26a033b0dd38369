/**
 * The compiled index: a trie of leaves shared by all rules of a bus. Each branch of a rule is a
 * chain of leaves in a canonical order (indexable leaves first, then by path), so rules that
 * begin alike share nodes. Leaving a node along a path, equality, case-insensitive equality and
 * case-sensitive prefixes are found by hash lookups on the event value; other conditions are
 * tested one by one; `exists: false` edges are taken when the event has no value at the path.
 * A node where a branch ends holds the ids of the rules that branch belongs to.
 *
 * State: nodes only grow while rules are added; removing a rule deletes its id from its end
 * nodes and leaves the (now dead) chain in place until the owner rebuilds the trie.
 */
import type { Condition, PatternBranch, PatternLeaf } from './ast.js';
import { conditionKey, scalarKey } from './condition-eval.js';

let nextNodeId = 0;

export class TrieNode<R> {
  readonly id = nextNodeId++;
  readonly rules = new Set<R>();
  /** Child per distinct leaf (path + conditions), so identical leaves share a child. */
  readonly children = new Map<string, TrieNode<R>>();
  /** Outgoing edges grouped by the event path they test. */
  readonly steps = new Map<string, PathStep<R>>();
  /** The same steps as an array, for allocation-free iteration while matching. */
  readonly stepList: PathStep<R>[] = [];
}

export class PathStep<R> {
  constructor(readonly path: string) {}
  readonly exact = new Map<string, TrieNode<R>[]>();
  readonly ignoreCase = new Map<string, TrieNode<R>[]>();
  readonly prefix = new Map<string, TrieNode<R>[]>();
  /** Distinct prefix lengths, ascending: the only slices worth looking up. */
  prefixLengths: number[] = [];
  readonly general: { readonly condition: Condition; readonly next: TrieNode<R> }[] = [];
  readonly absent: TrieNode<R>[] = [];
}

function push<R>(map: Map<string, TrieNode<R>[]>, key: string, node: TrieNode<R>): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}

function isIndexable(c: Condition): boolean {
  return (
    c.kind === 'equals' || c.kind === 'equals-ignore-case' || (c.kind === 'prefix' && !c.ignoreCase)
  );
}

function leafKey(leaf: PatternLeaf): string {
  return [...new Set(leaf.conditions.map(conditionKey))].sort().join('\u0001');
}

interface OrderedLeaf {
  readonly leaf: PatternLeaf;
  readonly rank: number;
  readonly key: string;
}

/** The branch's leaves in canonical order: indexable leaves first, then by path and content. */
export function orderBranch(branch: PatternBranch): OrderedLeaf[] {
  const out = branch.map((leaf) => ({
    leaf,
    rank: leaf.conditions.every(isIndexable) ? 0 : 1,
    key: leafKey(leaf),
  }));
  return out.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.leaf.path < b.leaf.path ? -1 : a.leaf.path > b.leaf.path ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function register<R>(step: PathStep<R>, c: Condition, next: TrieNode<R>): void {
  if (c.kind === 'equals') push(step.exact, scalarKey(c.value), next);
  else if (c.kind === 'equals-ignore-case') push(step.ignoreCase, c.value.toLowerCase(), next);
  else if (c.kind === 'prefix' && !c.ignoreCase) {
    push(step.prefix, c.value, next);
    if (!step.prefixLengths.includes(c.value.length)) {
      step.prefixLengths = [...step.prefixLengths, c.value.length].sort((a, b) => a - b);
    }
  } else if (c.kind === 'exists' && !c.value) step.absent.push(next);
  else step.general.push({ condition: c, next });
}

/** The child reached from `node` through `leaf`, created (and its edges registered) if new. */
export function insertLeaf<R>(node: TrieNode<R>, ordered: OrderedLeaf): TrieNode<R> {
  const { leaf, key } = ordered;
  const id = `${leaf.path}\u0000${key}`;
  const existing = node.children.get(id);
  if (existing) return existing;
  const child = new TrieNode<R>();
  node.children.set(id, child);
  let step = node.steps.get(leaf.path);
  if (!step) {
    step = new PathStep<R>(leaf.path);
    node.steps.set(leaf.path, step);
    node.stepList.push(step);
  }
  const seen = new Set<string>();
  for (const c of leaf.conditions) {
    const k = conditionKey(c);
    if (seen.has(k)) continue;
    seen.add(k);
    register(step, c, child);
  }
  return child;
}
