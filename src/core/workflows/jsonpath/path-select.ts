/**
 * The path walker. Each segment maps the current node list to the next one.
 *
 * Strictness follows Jayway JsonPath: while every earlier segment is definite ("upstream
 * definite"), a name applied to a non-object, an index or slice applied to a non-array, or a
 * missing intermediate name is an error, with Jayway's wording; after an indefinite segment
 * such mismatches just select nothing. Indexes out of bounds always select nothing.
 * Deep scan (`..`) visits containers in document pre-order, the node itself first.
 */
import { isDefiniteSegment, type Segment, type Selector } from './path-ast.js';
import { formatSegment, formatSegments } from './path-format.js';
import {
  getOwn,
  isJsonObject,
  jsonTypeName,
  setOwn,
  toJsonText,
  type JsonObject,
  type JsonValue,
} from '../shared/json-value.js';
import { filterAccepts } from './filter-evaluate.js';

export type Selection =
  | { readonly ok: true; readonly nodes: JsonValue[] }
  | { readonly ok: false; readonly reason: string };

interface Strict {
  /** Canonical text of the path up to (not including) this segment. */
  readonly prefix: string;
  readonly isLeaf: boolean;
}

/** Walks with Jayway's strictness; `rootText` is the canonical root (`$`, `$$`, `$name`). */
export function selectStrict(
  segments: readonly Segment[],
  start: JsonValue,
  rootText: string,
): Selection {
  let nodes: JsonValue[] = [start];
  let upstreamDefinite = true;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const isLeaf = i === segments.length - 1;
    const strict = upstreamDefinite
      ? { prefix: rootText + formatSegments(segments.slice(0, i)), isLeaf }
      : undefined;
    const next: JsonValue[] = [];
    for (const node of nodes) {
      const failure = applySegment(segment, node, start, isLeaf, strict, next);
      if (failure !== undefined) return { ok: false, reason: failure };
    }
    nodes = next;
    upstreamDefinite = upstreamDefinite && isDefiniteSegment(segment, isLeaf);
  }
  return { ok: true, nodes };
}

/** Walks leniently (filter operands): every mismatch selects nothing. */
export function selectAll(
  segments: readonly Segment[],
  start: JsonValue,
  root: JsonValue,
): JsonValue[] {
  let nodes: JsonValue[] = [start];
  segments.forEach((segment, i) => {
    const next: JsonValue[] = [];
    for (const node of nodes)
      applySegment(segment, node, root, i === segments.length - 1, undefined, next);
    nodes = next;
  });
  return nodes;
}

function applySegment(
  segment: Segment,
  node: JsonValue,
  root: JsonValue,
  isLeaf: boolean,
  strict: Strict | undefined,
  out: JsonValue[],
): string | undefined {
  if (segment.type !== 'descendant') return applySelector(segment, node, root, isLeaf, strict, out);
  const selector = segment.selector;
  for (const container of containersInPreOrder(node)) {
    if (selector.type === 'filter') {
      if (filterAccepts(selector.expr, container, root)) out.push(container);
    } else if (selector.type === 'properties') {
      if (
        isJsonObject(container) &&
        selector.names.some((n) => getOwn(container, n) !== undefined)
      ) {
        out.push(pick(container, selector.names));
      }
    } else {
      applySelector(selector, container, root, true, undefined, out);
    }
  }
  return undefined;
}

function applySelector(
  selector: Selector,
  node: JsonValue,
  root: JsonValue,
  isLeaf: boolean,
  strict: Strict | undefined,
  out: JsonValue[],
): string | undefined {
  switch (selector.type) {
    case 'property': {
      if (!isJsonObject(node)) return strict && notAnObject(selector, node, strict);
      const value = getOwn(node, selector.name);
      if (value !== undefined) out.push(value);
      else if (strict && !strict.isLeaf)
        return `Missing property in path ${strict.prefix}${formatSegment(selector)}`;
      return undefined;
    }
    case 'properties':
      if (!isLeaf) {
        return `Multi properties can only be used as path leafs: ${strict?.prefix ?? ''}${formatSegment(selector)}`;
      }
      if (!isJsonObject(node)) return strict && notAnObject(selector, node, strict);
      out.push(pick(node, selector.names));
      return undefined;
    case 'index':
    case 'indexes':
    case 'slice':
      if (!Array.isArray(node)) {
        return (
          strict &&
          `Filter: ${formatSegment(selector)} can only be applied to arrays. Current context is: ${toJsonText(node)}`
        );
      }
      for (const i of arrayPositions(selector, node.length)) out.push(node[i]!);
      return undefined;
    case 'wildcard':
      if (Array.isArray(node)) out.push(...node);
      else if (isJsonObject(node)) out.push(...Object.values(node));
      return undefined;
    case 'filter':
      if (Array.isArray(node)) {
        for (const item of node) if (filterAccepts(selector.expr, item, root)) out.push(item);
      } else if (isJsonObject(node)) {
        if (filterAccepts(selector.expr, node, root)) out.push(node);
      } else if (strict) {
        return `Filter: ${formatSegment(selector)} can not be applied to primitives. Current context is: ${toJsonText(node)}`;
      }
      return undefined;
  }
}

function notAnObject(selector: Selector, node: JsonValue, strict: Strict): string {
  return `Expected to find an object with property ${formatSegment(selector)} in path ${strict.prefix} but found '${jsonTypeName(node)}'. This is not a json object.`;
}

/** The multi-name selection: an object of the names present, in the order written. */
function pick(node: JsonObject, names: readonly string[]): JsonObject {
  const picked: JsonObject = {};
  for (const name of names) {
    const value = getOwn(node, name);
    if (value !== undefined) setOwn(picked, name, value);
  }
  return picked;
}

function arrayPositions(selector: Selector, length: number): number[] {
  const wrap = (i: number) => (i < 0 ? length + i : i);
  if (selector.type === 'index') {
    const i = wrap(selector.index);
    return i >= 0 && i < length ? [i] : [];
  }
  if (selector.type === 'indexes') {
    return selector.indexes.map(wrap).filter((i) => i >= 0 && i < length);
  }
  if (selector.type !== 'slice') return [];
  const from = Math.max(0, selector.start === undefined ? 0 : wrap(selector.start));
  const to = Math.min(length, selector.end === undefined ? length : wrap(selector.end));
  const positions: number[] = [];
  for (let i = from; i < to; i++) positions.push(i);
  return positions;
}

/** Every object and array reachable from `node` (itself included), parents before children. */
function containersInPreOrder(node: JsonValue): JsonValue[] {
  const found: JsonValue[] = [];
  const stack: JsonValue[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let children: JsonValue[];
    if (Array.isArray(current)) children = current;
    else if (isJsonObject(current)) children = Object.values(current);
    else continue;
    found.push(current);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}
