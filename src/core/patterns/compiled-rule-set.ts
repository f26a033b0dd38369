/**
 * CompiledRuleSet: all rules of one bus compiled into one trie (rule-trie.ts), so that matching
 * an event costs about the number of event fields the rules look at times the trie nodes the
 * event actually reaches — not the number of rules. The parsed event is walked once, guided by
 * the rules' field names (event-field-index.ts: keys no rule uses are never followed, values land
 * in reused per-field buffers), then the trie is walked depth-first. When no collected value
 * lies inside an array of objects (the common case) every value is usable with every other and
 * the walk needs no array bookkeeping: nodes and rules are de-duplicated by stamping them with
 * the event's epoch, and nothing is allocated but the result. Otherwise the walk carries the
 * array-consistency assignment and visits each (node, assignment) pair once, which keeps
 * array-heavy events from exploding. Semantics are exactly those of reference-matcher.ts (the
 * differential tests hold it to that).
 *
 * State: add() inserts branches in place; remove() unhooks a rule's record from its end nodes
 * and counts the dead branches; once dead branches outnumber live ones (plus a slack) the trie
 * and field index are rebuilt from the remaining rules. Matching stamps nodes and records with
 * the current event's epoch (scratch state, meaningful only during one match). Not
 * thread-shared: one instance per bus, used from one event loop, one match at a time.
 */
import type { EventPattern, Scalar } from './ast.js';
import { conditionMatches } from './condition-eval.js';
import { EventFieldIndex, FieldValues } from './event-field-index.js';
import { trailsConsistent, type ArrayTrail } from './event-flatten.js';
import { patternBranches } from './pattern-branches.js';
import {
  addRule,
  forEachNode,
  insertLeaf,
  orderBranch,
  removeRule,
  TrieNode,
  type PathStep,
} from './rule-trie.js';

/** Upper bound on branches per rule; the EventBridge parser already enforces a lower one. */
export const MAX_BRANCHES_PER_RULE = 4096;
const REBUILD_SLACK = 256;
const NO_ITEMS: readonly never[] = [];

class RuleRecord<R> {
  /** End nodes, one per branch (a node repeats when two branches are identical). */
  terminals: TrieNode<RuleRecord<R>>[] = [];
  /** Matcher scratch: epoch of the last event this rule was reported for. */
  mark = 0;
  constructor(
    readonly id: R,
    readonly pattern: EventPattern,
  ) {}
}

type Node<R> = TrieNode<RuleRecord<R>>;
type Step<R> = PathStep<RuleRecord<R>>;

export class CompiledRuleSet<R> {
  private root: Node<R> = new TrieNode();
  private fields = new EventFieldIndex();
  private readonly records = new Map<R, RuleRecord<R>>();
  private liveBranches = 0;
  private deadBranches = 0;
  /** Epoch of the event being matched (from the field index), and the walk's output. */
  private epoch = 0;
  private items: readonly (Scalar | FieldValues)[] = [];
  private out: R[] = [];
  /** What `out` points at between matches (so the last result is not retained). */
  private readonly idleOut: R[] = [];
  /** (node id, assignment) pairs already visited, for events with array trails only. */
  private readonly seenWithArrays = new Set<string>();

  get size(): number {
    return this.records.size;
  }

  has(ruleId: R): boolean {
    return this.records.has(ruleId);
  }

  /** Adds a rule, replacing any rule with the same id. */
  add(ruleId: R, pattern: EventPattern): void {
    if (this.records.has(ruleId)) this.remove(ruleId);
    const record = new RuleRecord(ruleId, pattern);
    this.insert(record);
    this.records.set(ruleId, record);
  }

  remove(ruleId: R): boolean {
    const record = this.records.get(ruleId);
    if (!record) return false;
    for (const node of record.terminals) removeRule(node, record);
    this.records.delete(ruleId);
    this.liveBranches -= record.terminals.length;
    this.deadBranches += record.terminals.length;
    if (this.deadBranches > this.liveBranches + REBUILD_SLACK) this.rebuild();
    return true;
  }

  /** Ids of the rules matching the event (each once, in no particular order). */
  match(event: unknown): R[] {
    const out: R[] = [];
    this.out = out;
    this.epoch = this.fields.collect(event);
    if (this.epoch === 1) this.clearMarks();
    this.items = this.fields.items;
    if (this.fields.hasTrails) {
      this.visit(this.root, []);
      this.seenWithArrays.clear();
    } else {
      this.visitPlain(this.root);
    }
    this.out = this.idleOut;
    this.items = NO_ITEMS;
    return out;
  }

  /** Parses the event's JSON text and matches it. Throws SyntaxError on invalid JSON. */
  matchJson(eventJson: string): R[] {
    return this.match(JSON.parse(eventJson) as unknown);
  }

  private insert(record: RuleRecord<R>): void {
    const branches = patternBranches(record.pattern.root, MAX_BRANCHES_PER_RULE);
    if (branches === null) throw new RangeError('pattern has too many $or combinations');
    for (const branch of branches) {
      let node = this.root;
      for (const ordered of orderBranch(branch)) {
        node = insertLeaf(node, ordered, this.fields.fieldOf(ordered.leaf.path));
      }
      addRule(node, record);
      record.terminals.push(node);
    }
    this.liveBranches += branches.length;
  }

  private rebuild(): void {
    this.root = new TrieNode();
    this.fields = new EventFieldIndex();
    this.liveBranches = 0;
    this.deadBranches = 0;
    for (const record of this.records.values()) {
      record.terminals = [];
      this.insert(record);
    }
  }

  /** Epochs restarted: forget every stamp (once per ~10⁹ events). */
  private clearMarks(): void {
    forEachNode(this.root, (node) => (node.mark = 0));
    for (const record of this.records.values()) record.mark = 0;
  }

  private report(rules: readonly RuleRecord<R>[]): void {
    for (let i = 0; i < rules.length; i++) {
      const record = rules[i]!;
      if (record.mark !== this.epoch) {
        record.mark = this.epoch;
        this.out.push(record.id);
      }
    }
  }

  // ---- Walk without array bookkeeping: every collected value has an empty trail. ----

  private visitPlain(node: Node<R>): void {
    if (node.mark === this.epoch) return;
    node.mark = this.epoch;
    if (node.rules !== null) this.report(node.rules);
    const steps = node.stepList;
    if (steps === null) return;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s]!;
      const slot = this.fields.slotOf(step.field);
      if (slot < 0) {
        if (step.absent !== null) this.visitAllPlain(step.absent);
        continue;
      }
      const held = this.items[slot] as Scalar | FieldValues;
      if (held instanceof FieldValues) {
        const values = held.values;
        for (let k = 0; k < values.length; k++) this.followPlain(step, values[k]!);
      } else {
        this.followPlain(step, held);
      }
    }
  }

  private visitAllPlain(nodes: readonly Node<R>[] | undefined): void {
    if (nodes !== undefined) for (let i = 0; i < nodes.length; i++) this.visitPlain(nodes[i]!);
  }

  private followPlain(step: Step<R>, v: Scalar): void {
    if (step.exact !== null) this.visitAllPlain(step.exact.get(v));
    if (typeof v === 'string') {
      if (step.ignoreCase !== null) this.visitAllPlain(step.ignoreCase.get(v.toLowerCase()));
      const lengths = step.prefixLengths;
      if (lengths !== null && step.prefix !== null) {
        for (let i = 0; i < lengths.length; i++) {
          const len = lengths[i]!;
          if (len > v.length) break;
          this.visitAllPlain(step.prefix.get(v.slice(0, len)));
        }
      }
    }
    const general = step.general;
    if (general === null) return;
    for (let i = 0; i < general.length; i++) {
      const g = general[i]!;
      if (conditionMatches(g.condition, v)) this.visitPlain(g.next);
    }
  }

  // ---- Walk with array bookkeeping: carries the array-consistency assignment. ----

  private visit(node: Node<R>, assignment: ArrayTrail): void {
    if (assignment.length === 0) {
      if (node.mark === this.epoch) return;
      node.mark = this.epoch;
    } else {
      const key = `${node.id}|${assignment.join(',')}`;
      if (this.seenWithArrays.has(key)) return;
      this.seenWithArrays.add(key);
    }
    if (node.rules !== null) this.report(node.rules);
    if (node.stepList === null) return;
    for (const step of node.stepList) {
      const slot = this.fields.slotOf(step.field);
      if (slot < 0) {
        this.visitAll(step.absent ?? undefined, assignment);
        continue;
      }
      const held = this.items[slot] as Scalar | FieldValues;
      if (!(held instanceof FieldValues)) {
        this.follow(step, held, assignment);
        continue;
      }
      for (let k = 0; k < held.values.length; k++) {
        const trail = held.trails[k]!;
        if (trail.length === 0) this.follow(step, held.values[k]!, assignment);
        else if (trailsConsistent(assignment, trail)) {
          this.follow(step, held.values[k]!, extend(assignment, trail));
        }
      }
    }
  }

  private visitAll(nodes: readonly Node<R>[] | undefined, assignment: ArrayTrail): void {
    if (nodes) for (const next of nodes) this.visit(next, assignment);
  }

  private follow(step: Step<R>, v: Scalar, assignment: ArrayTrail): void {
    if (step.exact) this.visitAll(step.exact.get(v), assignment);
    if (typeof v === 'string') {
      if (step.ignoreCase) this.visitAll(step.ignoreCase.get(v.toLowerCase()), assignment);
      if (step.prefix && step.prefixLengths) {
        for (const len of step.prefixLengths) {
          if (len > v.length) break;
          this.visitAll(step.prefix.get(v.slice(0, len)), assignment);
        }
      }
    }
    for (const g of step.general ?? []) {
      if (conditionMatches(g.condition, v)) this.visit(g.next, assignment);
    }
  }
}

/**
 * `assignment` plus the (array, index) pairs of a consistent `trail` it lacks. Pairs already
 * present carry the same index (the trails are consistent), so they add no constraint.
 */
function extend(assignment: ArrayTrail, trail: ArrayTrail): ArrayTrail {
  let out: number[] | null = null;
  for (let j = 0; j < trail.length; j += 2) {
    const array = trail[j]!;
    let present = false;
    for (let i = 0; i < assignment.length; i += 2) {
      if (assignment[i] === array) {
        present = true;
        break;
      }
    }
    if (!present) {
      out ??= [...assignment];
      out.push(array, trail[j + 1]!);
    }
  }
  return out ?? assignment;
}
