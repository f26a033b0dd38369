/**
 * The JSONPath subset EventBridge evaluates for `InputPath` and `InputPathsMap` values:
 * `$` followed by steps — `.name` (letters, digits, `_`, `-`, `/`), `.*` / `[*]` wildcards
 * and `[n]` array indices; `InputPath` additionally accepts bracket notation `['name']`.
 * No filters, slices, unions or recursive descent (`..`).
 *
 * Evaluation: a definite path (no wildcard) selects one value or nothing; a path with a
 * wildcard selects every match, returned as an array (possibly empty), as Jayway-style
 * JSONPath implementations do.
 */

export type PathStep =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' };

export interface EventPath {
  readonly source: string;
  readonly steps: readonly PathStep[];
  readonly definite: boolean;
}

export interface PathSyntax {
  /** Accept `['name']` bracket notation (Target.InputPath does; InputPathsMap does not). */
  readonly brackets: boolean;
}

const NAME_CHAR = /[A-Za-z0-9_\-/]/;
const MAX_INDEX_DIGITS = 9;

/** Parses `source`, or returns `undefined` when it is outside EventBridge's subset. */
export function parseEventPath(source: string, syntax: PathSyntax): EventPath | undefined {
  if (!source.startsWith('$')) return undefined;
  const steps: PathStep[] = [];
  let pos = 1;
  while (pos < source.length) {
    const c = source[pos];
    if (c === '.') {
      pos++;
      if (source[pos] === '*') {
        steps.push({ kind: 'wildcard' });
        pos++;
        continue;
      }
      const start = pos;
      while (pos < source.length && NAME_CHAR.test(source[pos] ?? '')) pos++;
      if (pos === start) return undefined;
      steps.push({ kind: 'name', name: source.slice(start, pos) });
    } else if (c === '[') {
      const close = source.indexOf(']', pos);
      if (close < 0) return undefined;
      const inner = source.slice(pos + 1, close);
      const step = bracketStep(inner, syntax);
      if (!step) return undefined;
      steps.push(step);
      pos = close + 1;
    } else {
      return undefined;
    }
  }
  return { source, steps, definite: steps.every((s) => s.kind !== 'wildcard') };
}

function bracketStep(inner: string, syntax: PathSyntax): PathStep | undefined {
  if (inner === '*') return { kind: 'wildcard' };
  if (/^\d+$/.test(inner) && inner.length <= MAX_INDEX_DIGITS) {
    return { kind: 'index', index: Number(inner) };
  }
  if (!syntax.brackets) return undefined;
  const quoted = /^'([^'\\]+)'$/.exec(inner);
  return quoted?.[1] === undefined ? undefined : { kind: 'name', name: quoted[1] };
}

/** What a path selects: `found: false` when a definite path matches nothing. */
export type Selection =
  { readonly found: true; readonly value: unknown } | { readonly found: false };

const NOTHING: Selection = { found: false };

export function selectPath(path: EventPath, root: unknown): Selection {
  let current: unknown[] = [root];
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const node of current) applyStep(step, node, next);
    current = next;
  }
  if (!path.definite) return { found: true, value: current };
  return current.length === 0 ? NOTHING : { found: true, value: current[0] };
}

function applyStep(step: PathStep, node: unknown, out: unknown[]): void {
  if (step.kind === 'name') {
    if (isRecord(node) && Object.prototype.hasOwnProperty.call(node, step.name)) {
      out.push(node[step.name]);
    }
  } else if (step.kind === 'index') {
    if (Array.isArray(node) && step.index < node.length) out.push(node[step.index]);
  } else if (Array.isArray(node)) {
    out.push(...(node as unknown[]));
  } else if (isRecord(node)) {
    out.push(...Object.values(node));
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
