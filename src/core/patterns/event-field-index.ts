/**
 * The compiled matcher's view of an event: only the fields some rule looks at, gathered by
 * walking the parsed event guided by a schema of the rules' paths, into buffers reused from one
 * event to the next (no per-event maps, path strings or entry objects).
 *
 * Paths are interned: each distinct rule path gets a small integer field id. The schema is a
 * graph with one node per path prefix (the text of the first k segments of a rule path); from
 * the node for prefix P, the event key `k` leads to the node for `P.k` — including keys that
 * themselves contain dots, so `{"a.b": 1}` and `{"a": {"b": 1}}` reach the same field, exactly
 * as event-flatten.ts joins them. Values are collected as event-flatten.ts emits them (same
 * scalars, same array trails; the root path '' has no value), so the reference matcher's
 * semantics carry over; only the order of values within one field may differ.
 *
 * Per event, a field's values live in one young array (`items`, allocated per event) at the
 * slot recorded for the field: a bare scalar in the common case (one value, empty trail), or a
 * `FieldValues` holding several values and their trails. Stamps and slots are small integers in
 * long-lived arrays, so collecting writes no pointers into old objects (no write barriers), and
 * the walk recurses (values stay in registers) except past a nesting depth, where it defers to
 * a work list, so deeply nested arrays cannot overflow the stack.
 *
 * State: the schema only grows while rules are added (the owner rebuilds it from scratch when
 * it rebuilds its trie). `collect()` bumps an epoch, stamps the fields it sees and starts a new
 * `items`; a field whose stamp is not the current epoch has no value in the current event.
 * Epochs wrap before leaving the small-integer range, clearing every stamp. One event at a time.
 */
import type { Scalar } from './ast.js';
import type { ArrayTrail } from './event-flatten.js';

const NO_TRAIL: ArrayTrail = [];
// eslint-disable-next-line @typescript-eslint/unbound-method -- always invoked through .call
const hasOwn = Object.prototype.hasOwnProperty;
const EPOCH_LIMIT = 0x3fffffff;
/** Nesting depth past which the walk continues from a work list instead of recursing. */
const MAX_RECURSION = 200;

class SchemaNode {
  /** Event key (possibly dotted) → node of the longer prefix. */
  readonly children = new Map<string, SchemaNode>();
  /** Field id when some rule tests exactly this path; -1 otherwise. */
  field = -1;
}

/** Several values of one field (or one value inside an array of objects), with their trails. */
export class FieldValues {
  readonly values: Scalar[];
  readonly trails: ArrayTrail[];
  constructor(value: Scalar, trail: ArrayTrail) {
    this.values = [value];
    this.trails = [trail];
  }
}

interface Deferred {
  readonly value: object;
  readonly node: SchemaNode;
  readonly trail: ArrayTrail;
}

export class EventFieldIndex {
  private readonly root = new SchemaNode();
  private readonly nodes = new Map<string, SchemaNode>([['', this.root]]);
  private readonly fieldIds = new Map<string, number>();

  /** Epoch of the event currently held; a field stamped otherwise has no value. */
  private epoch = 0;
  private readonly stamp: number[] = [];
  private readonly slot: number[] = [];
  /** The current event's field values: a `Scalar` or a `FieldValues` per slot. */
  items: (Scalar | FieldValues)[] = [];
  /** True when some collected value of the current event has a non-empty array trail. */
  hasTrails = false;
  private nextArrayId = 0;
  private deferred: Deferred[] | null = null;

  /** The field id of `path`, registering the path (and its prefixes) if new. */
  fieldOf(path: string): number {
    const known = this.fieldIds.get(path);
    if (known !== undefined) return known;
    const segments = path.split('.');
    const prefixes: SchemaNode[] = [this.root];
    for (let j = 1; j <= segments.length; j++) {
      const text = segments.slice(0, j).join('.');
      let node = this.nodes.get(text);
      if (!node) {
        node = new SchemaNode();
        this.nodes.set(text, node);
      }
      prefixes.push(node);
      for (let i = 0; i < j; i++) {
        prefixes[i]!.children.set(internalized(segments.slice(i, j).join('.')), node);
      }
    }
    const id = this.stamp.length;
    this.fieldIds.set(path, id);
    // The root path '' never has a value (event-flatten.ts emits none there).
    const end = prefixes[segments.length]!;
    if (end !== this.root) end.field = id;
    this.stamp.push(0);
    this.slot.push(0);
    return id;
  }

  /** Slot of field `id` in `items` for the current event, or -1 when the event lacks it. */
  slotOf(id: number): number {
    return this.stamp[id] === this.epoch ? this.slot[id]! : -1;
  }

  /** Replaces the held event with `event`'s values; returns the new epoch. */
  collect(event: unknown): number {
    if (++this.epoch > EPOCH_LIMIT) {
      this.epoch = 1;
      this.stamp.fill(0);
    }
    this.hasTrails = false;
    this.items = [];
    this.nextArrayId = 0;
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return this.epoch;
    this.walk(event, this.root, NO_TRAIL, 0);
    const deferred = this.deferred;
    if (deferred !== null) {
      for (let d = deferred.pop(); d !== undefined; d = deferred.pop()) {
        this.walk(d.value, d.node, d.trail, 0);
      }
      this.deferred = null;
    }
    return this.epoch;
  }

  private walk(value: object, node: SchemaNode, trail: ArrayTrail, depth: number): void {
    if (depth > MAX_RECURSION) {
      (this.deferred ??= []).push({ value, node, trail });
      return;
    }
    if (Array.isArray(value)) {
      const id = this.nextArrayId++;
      const field = node.field;
      for (let i = 0; i < value.length; i++) {
        const element = value[i] as unknown;
        if (element === null || typeof element !== 'object') {
          if (field >= 0 && isScalar(element)) this.add(field, element, trail);
        } else {
          this.walk(element, node, [...trail, id, i], depth + 1);
        }
      }
      return;
    }
    const children = node.children;
    if (children.size === 0) return;
    const record = value as Record<string, unknown>;
    // for-in walks V8's enum cache without allocating (Object.keys would copy it); the
    // own-property test, made only for keys some rule uses, keeps exactly Object.keys' keys.
    for (const key in record) {
      const child = children.get(key);
      if (child === undefined || !hasOwn.call(record, key)) continue;
      const v = record[key];
      if (v === null || typeof v !== 'object') {
        if (child.field >= 0 && isScalar(v)) this.add(child.field, v, trail);
      } else {
        this.walk(v, child, trail, depth + 1);
      }
    }
  }

  private add(field: number, value: Scalar, trail: ArrayTrail): void {
    if (trail.length > 0) this.hasTrails = true;
    const items = this.items;
    if (this.stamp[field] !== this.epoch) {
      this.stamp[field] = this.epoch;
      this.slot[field] = items.length;
      items.push(trail.length === 0 ? value : new FieldValues(value, trail));
      return;
    }
    const at = this.slot[field]!;
    const held = items[at] as Scalar | FieldValues;
    if (held instanceof FieldValues) {
      held.values.push(value);
      held.trails.push(trail);
    } else {
      const multi = new FieldValues(held, NO_TRAIL);
      multi.values.push(value);
      multi.trails.push(trail);
      items[at] = multi;
    }
  }
}

/**
 * The same text as V8's internalized string (what JSON.parse and property keys use), so that a
 * key lookup that finds it compares pointers instead of characters. Purely an optimisation.
 */
function internalized(s: string): string {
  const holder: Record<string, true> = { [s]: true };
  for (const key in holder) return key;
  return s;
}

/** JSON leaves only: `undefined`, functions and the like (possible in JS objects) are absent. */
function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number';
}
