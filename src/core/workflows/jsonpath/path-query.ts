/**
 * Applying a parsed path to an evaluation context. `queryPath` never throws: it returns the
 * value or why nothing was found (Jayway's wording, e.g. "No results for path: $['foo']").
 * `evaluatePath` throws `States.Runtime` with AWS's InputPath/OutputPath cause
 * "Invalid path '$.foo' : No results for path: $['foo']".
 *
 * A definite path yields its node; an indefinite one yields the array of matches (possibly
 * empty), as Jayway returns it to Step Functions.
 */
import type { ParsedPath } from './path-ast.js';
import { formatPath, formatRoot } from './path-format.js';
import { selectStrict } from './path-select.js';
import { cloneJson, getOwn, type JsonValue } from '../shared/json-value.js';
import type { EvaluationContext } from './evaluation-context.js';
import { STATES_RUNTIME, StatesError } from '../shared/states-error.js';

export type PathResult =
  | { readonly found: true; readonly value: JsonValue }
  | { readonly found: false; readonly reason: string; readonly searched: JsonValue | undefined };

/** The value a path's root designates, or undefined when it is not available. */
export function rootValue(path: ParsedPath, ctx: EvaluationContext): JsonValue | undefined {
  switch (path.root.kind) {
    case 'input':
      return ctx.input;
    case 'context':
      return ctx.context;
    case 'variable':
      return ctx.variables === undefined ? undefined : getOwn(ctx.variables, path.root.name);
  }
}

export function queryPath(path: ParsedPath, ctx: EvaluationContext): PathResult {
  const start = rootValue(path, ctx);
  if (start === undefined) {
    const reason =
      path.root.kind === 'variable'
        ? `The variable '${formatRoot(path.root)}' is not defined`
        : 'The context object is not available';
    return { found: false, reason, searched: undefined };
  }
  const selection = selectStrict(path.segments, start, formatRoot(path.root));
  if (!selection.ok) return { found: false, reason: selection.reason, searched: start };
  if (!path.definite) return { found: true, value: selection.nodes };
  const [value] = selection.nodes;
  if (value === undefined) {
    return { found: false, reason: `No results for path: ${formatPath(path)}`, searched: start };
  }
  return { found: true, value };
}

/** The selected value (a fresh copy), or `States.Runtime` when the path selects nothing. */
export function evaluatePath(path: ParsedPath, ctx: EvaluationContext): JsonValue {
  const result = queryPath(path, ctx);
  if (!result.found)
    throw new StatesError(STATES_RUNTIME, `Invalid path '${path.source}' : ${result.reason}`);
  return cloneJson(result.value);
}
