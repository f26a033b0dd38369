/**
 * CompiledRuleSet: all rules of one bus compiled into one trie (rule-trie.ts), so that matching
 * an event costs about the number of event fields the rules look at times the trie nodes the
 * event actually reaches — not the number of rules. The event is flattened once (pruned to the
 * paths some rule uses), then the trie is walked depth-first carrying the array-consistency
 * assignment; (node, assignment) pairs are visited once, which keeps array-heavy events from
 * exploding. Semantics are exactly those of reference-matcher.ts (the differential tests hold
 * it to that).
 *
 * State: add() inserts branches in place; remove() unhooks a rule's ids from its end nodes and
 * counts the dead branches; once dead branches outnumber live ones (plus a slack) the trie is
 * rebuilt from the remaining rules. Not thread-shared: one instance per bus, used from one
 * event loop.
 */
import type { EventPattern, Scalar } from './ast.js';
import { conditionMatches, scalarKey } from './condition-eval.js';
import { forEachEventEntry, trailsConsistent, type ArrayTrail } from './event-flatten.js';
import { patternBranches } from './pattern-branches.js';
import { insertLeaf, orderBranch, TrieNode, type PathStep } from './rule-trie.js';

/** Upper bound on branches per rule; the EventBridge parser already enforces a lower one. */
export const MAX_BRANCHES_PER_RULE = 4096;
const REBUILD_SLACK = 256;

interface Entry {
  readonly value: Scalar;
  readonly key: string;
  readonly trail: ArrayTrail;
}

interface RuleRecord<R> {
  readonly pattern: EventPattern;
  terminals: TrieNode<R>[];
}

export class CompiledRuleSet<R> {
  private root = new TrieNode<R>();
  private readonly records = new Map<R, RuleRecord<R>>();
  private readonly pathPrefixes = new Set<string>();
  private liveBranches = 0;
  private deadBranches = 0;

  get size(): number {
    return this.records.size;
  }

  has(ruleId: R): boolean {
    return this.records.has(ruleId);
  }

  /** Adds a rule, replacing any rule with the same id. */
  add(ruleId: R, pattern: EventPattern): void {
    if (this.records.has(ruleId)) this.remove(ruleId);
    const record: RuleRecord<R> = { pattern, terminals: [] };
    this.insert(ruleId, record);
    this.records.set(ruleId, record);
  }

  remove(ruleId: R): boolean {
    const record = this.records.get(ruleId);
    if (!record) return false;
    for (const node of record.terminals) node.rules.delete(ruleId);
    this.records.delete(ruleId);
    this.liveBranches -= record.terminals.length;
    this.deadBranches += record.terminals.length;
    if (this.deadBranches > this.liveBranches + REBUILD_SLACK) this.rebuild();
    return true;
  }

  /** Ids of the rules matching the event (each once, in no particular order). */
  match(event: unknown): R[] {
    const byPath = new Map<string, Entry[]>();
    forEachEventEntry(
      event,
      (path, value, trail) => {
        const entry: Entry = { value, key: scalarKey(value), trail };
        const list = byPath.get(path);
        if (list) list.push(entry);
        else byPath.set(path, [entry]);
      },
      (path) => this.pathPrefixes.has(path),
    );
    const out = new Set<R>();
    new Walk(byPath, out).visit(this.root, []);
    return [...out];
  }

  /** Parses the event's JSON text and matches it. Throws SyntaxError on invalid JSON. */
  matchJson(eventJson: string): R[] {
    return this.match(JSON.parse(eventJson) as unknown);
  }

  private insert(ruleId: R, record: RuleRecord<R>): void {
    const branches = patternBranches(record.pattern.root, MAX_BRANCHES_PER_RULE);
    if (branches === null) throw new RangeError('pattern has too many $or combinations');
    for (const branch of branches) {
      let node = this.root;
      for (const ordered of orderBranch(branch)) {
        node = insertLeaf(node, ordered);
        const segments = ordered.leaf.path.split('.');
        for (let i = 1; i <= segments.length; i++) {
          this.pathPrefixes.add(segments.slice(0, i).join('.'));
        }
      }
      node.rules.add(ruleId);
      record.terminals.push(node);
    }
    this.liveBranches += branches.length;
  }

  private rebuild(): void {
    this.root = new TrieNode<R>();
    this.pathPrefixes.clear();
    this.liveBranches = 0;
    this.deadBranches = 0;
    for (const [id, record] of this.records) {
      record.terminals = [];
      this.insert(id, record);
    }
  }
}

/** One depth-first walk of the trie for one event. */
class Walk<R> {
  private readonly seenPlain = new Set<TrieNode<R>>();
  private readonly seenWithArrays = new Set<string>();

  constructor(
    private readonly byPath: ReadonlyMap<string, readonly Entry[]>,
    private readonly out: Set<R>,
  ) {}

  visit(node: TrieNode<R>, assignment: ArrayTrail): void {
    if (assignment.length === 0) {
      if (this.seenPlain.has(node)) return;
      this.seenPlain.add(node);
    } else {
      const key = `${node.id}|${assignment.join(',')}`;
      if (this.seenWithArrays.has(key)) return;
      this.seenWithArrays.add(key);
    }
    for (const r of node.rules) this.out.add(r);
    for (const step of node.stepList) {
      const entries = this.byPath.get(step.path);
      if (entries === undefined) {
        for (const next of step.absent) this.visit(next, assignment);
        continue;
      }
      for (const e of entries) {
        if (e.trail.length === 0) this.follow(step, e, assignment);
        else if (trailsConsistent(assignment, e.trail)) {
          this.follow(step, e, [...assignment, ...e.trail]);
        }
      }
    }
  }

  private visitAll(nodes: readonly TrieNode<R>[] | undefined, assignment: ArrayTrail): void {
    if (nodes) for (const next of nodes) this.visit(next, assignment);
  }

  private follow(step: PathStep<R>, e: Entry, assignment: ArrayTrail): void {
    this.visitAll(step.exact.get(e.key), assignment);
    const v = e.value;
    if (typeof v === 'string') {
      if (step.ignoreCase.size > 0) this.visitAll(step.ignoreCase.get(v.toLowerCase()), assignment);
      for (const len of step.prefixLengths) {
        if (len > v.length) break;
        this.visitAll(step.prefix.get(v.slice(0, len)), assignment);
      }
    }
    for (const g of step.general) {
      if (conditionMatches(g.condition, v)) this.visit(g.next, assignment);
    }
  }
}
