/**
 * The compiled index: a trie of leaves shared by all rules of a bus. Each branch of a rule is a
 * chain of leaves in a canonical order (indexable leaves first, then by path), so rules that
 * begin alike share nodes. Leaving a node along a field (an interned path id, see
 * event-field-index.ts), equality is found by one hash lookup keyed by the event value itself
 * (a `Map` compares by SameValueZero, which is `===` on JSON scalars), case-insensitive
 * equality and case-sensitive prefixes by hash lookups too; other conditions are tested one by
 * one; `exists: false` edges are taken when the event has no value at the path. A node where a
 * branch ends holds the records of the rules that branch belongs to.
 *
 * State: nodes only grow while rules are added; removing a rule deletes its record from its end
 * nodes and leaves the (now dead) chain in place until the owner rebuilds the trie. `mark` is
 * scratch space for the matcher (the epoch of the last event that visited the node).
 */
import type { Condition, PatternBranch, PatternLeaf, Scalar } from './ast.js';
import { conditionKey } from './condition-eval.js';

let nextNodeId = 0;

/**
 * Nodes and steps create their maps and lists only when first needed (most nodes of a large
 * bus are links of one rule's chain with a single edge): a lean trie is cheaper for the
 * garbage collector to trace, which keeps matching flat as rules are added.
 */
export class TrieNode<R> {
  readonly id = nextNodeId++;
  /** Records of the rules with a branch ending here (each once), or null for none. */
  rules: R[] | null = null;
  /** Matcher scratch: epoch of the last event whose walk reached this node. */
  mark = 0;
  /** Child per distinct leaf (path + conditions), so identical leaves share a child. */
  children: Map<string, TrieNode<R>> | null = null;
  /** Outgoing edges grouped by the event field they test (one step per field). */
  stepList: PathStep<R>[] | null = null;
}

export class PathStep<R> {
  constructor(
    /** Field id (see event-field-index.ts). */
    readonly field: number,
  ) {}
  /** Keyed by the pattern value: a `Map` compares keys by SameValueZero (`===` on JSON). */
  exact: Map<Scalar, TrieNode<R>[]> | null = null;
  ignoreCase: Map<string, TrieNode<R>[]> | null = null;
  prefix: Map<string, TrieNode<R>[]> | null = null;
  /** Distinct prefix lengths, ascending: the only slices worth looking up. */
  prefixLengths: number[] | null = null;
  general: { readonly condition: Condition; readonly next: TrieNode<R> }[] | null = null;
  absent: TrieNode<R>[] | null = null;
}

function push<K, R>(map: Map<K, TrieNode<R>[]>, key: K, node: TrieNode<R>): void {
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
  if (c.kind === 'equals') push((step.exact ??= new Map<Scalar, TrieNode<R>[]>()), c.value, next);
  else if (c.kind === 'equals-ignore-case') {
    push((step.ignoreCase ??= new Map<string, TrieNode<R>[]>()), c.value.toLowerCase(), next);
  } else if (c.kind === 'prefix' && !c.ignoreCase) {
    push((step.prefix ??= new Map<string, TrieNode<R>[]>()), c.value, next);
    const lengths = step.prefixLengths ?? [];
    if (!lengths.includes(c.value.length)) {
      step.prefixLengths = [...lengths, c.value.length].sort((a, b) => a - b);
    }
  } else if (c.kind === 'exists' && !c.value) (step.absent ??= []).push(next);
  else (step.general ??= []).push({ condition: c, next });
}

/** Records that a branch of `rule` ends at `node` (once, however many branches end there). */
export function addRule<R>(node: TrieNode<R>, rule: R): void {
  const rules = (node.rules ??= []);
  if (!rules.includes(rule)) rules.push(rule);
}

/** Undoes `addRule`. */
export function removeRule<R>(node: TrieNode<R>, rule: R): void {
  const rules = node.rules;
  const at = rules === null ? -1 : rules.indexOf(rule);
  if (at < 0) return;
  if (rules!.length === 1) node.rules = null;
  else rules!.splice(at, 1);
}

/** Every node of the trie below and including `root`. */
export function forEachNode<R>(root: TrieNode<R>, visit: (node: TrieNode<R>) => void): void {
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    visit(node);
    if (node.children) for (const child of node.children.values()) stack.push(child);
  }
}

/** The child reached from `node` through `leaf`, created (and its edges registered) if new. */
export function insertLeaf<R>(node: TrieNode<R>, ordered: OrderedLeaf, field: number): TrieNode<R> {
  const { leaf, key } = ordered;
  const id = `${leaf.path}\u0000${key}`;
  const children = (node.children ??= new Map<string, TrieNode<R>>());
  const existing = children.get(id);
  if (existing) return existing;
  const child = new TrieNode<R>();
  children.set(id, child);
  const steps = (node.stepList ??= []);
  let step = steps.find((st) => st.field === field);
  if (!step) {
    step = new PathStep<R>(field);
    steps.push(step);
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
