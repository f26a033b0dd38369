/**
 * Definition-time checks of a parsed JSONata expression, the refusals AWS makes when a state
 * machine is created (UNSUPPORTED_JSONATA_EXPRESSION):
 *
 * - Expressions run with no context item: input arrives as `$states.input`, variables as
 *   `$name`. So a path that starts at the top level with a field name (`phone`, `*`, `**`,
 *   `%`) or with `$` is refused; names in later path steps, predicates, sort terms, groupings
 *   and transforms are relative to their own context and stay legal. A lambda body keeps the
 *   context of the place that defines it.
 * - `$$` is refused anywhere.
 * - `$states.<field>` must be a field readable where the expression is written (`result`
 *   only in Output/Assign of Task, Parallel and Map; `errorOutput` only in a Catch).
 * - `$eval` is not available in Step Functions (use `$parse`), unless the expression binds a
 *   variable of that name itself.
 */
import type { StatesField } from './types.js';

interface Node {
  type?: string;
  value?: unknown;
  [key: string]: unknown;
}

export interface ExpressionProblem {
  detail: string;
}

const CHILD_KEYS = [
  'lhs',
  'rhs',
  'expressions',
  'arguments',
  'procedure',
  'body',
  'condition',
  'then',
  'else',
  'expression',
  'expr',
];
const RELATIVE_KEYS = ['pattern', 'update', 'delete', 'terms'];
const TOP_SYMBOLS: Readonly<Record<string, string>> = {
  wildcard: '*',
  descendant: '**',
  parent: '%',
};

export function checkExpression(
  ast: unknown,
  readable: readonly StatesField[],
): ExpressionProblem | undefined {
  const bound = new Set<string>();
  collectBoundNames(ast, bound);
  let problem: ExpressionProblem | undefined;
  const report = (detail: string) => {
    problem ??= { detail };
  };

  const visit = (value: unknown, top: boolean): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, top);
      return;
    }
    if (!isNode(value)) return;
    const node = value;
    if (node.type === 'path' && Array.isArray(node.steps)) {
      checkStatesField(node.steps, readable, report);
      node.steps.forEach((step, i) => visit(step, top && i === 0));
    } else if (node.type === 'name' && top) {
      report(`Reference to '${String(node.value)}' at the top level is not supported.`);
    } else if (node.type !== undefined && node.type in TOP_SYMBOLS && top) {
      report(`Reference to '${TOP_SYMBOLS[node.type]}' at the top level is not supported.`);
    } else if (node.type === 'variable') {
      if (node.value === '$') report("Reference to '$$' is not supported.");
      else if (node.value === '' && top)
        report("Reference to '$' at the top level is not supported.");
      else if (node.value === 'eval' && !bound.has('eval')) {
        report('The function $eval is not available in Step Functions: use $parse instead.');
      }
    }
    for (const key of CHILD_KEYS) visit(node[key], top);
    for (const key of RELATIVE_KEYS) visit(node[key], false);
    for (const stage of asArray(node.stages)) visit(stage, false);
    for (const predicate of asArray(node.predicate)) visit(predicate, false);
    if (isNode(node.group)) visit(node.group.lhs, false);
  };

  visit(ast, true);
  return problem;
}

function checkStatesField(
  steps: unknown[],
  readable: readonly StatesField[],
  report: (d: string) => void,
): void {
  const [first, second] = steps;
  if (!isNode(first) || first.type !== 'variable' || first.value !== 'states') return;
  if (!isNode(second) || second.type !== 'name' || typeof second.value !== 'string') return;
  if (!(readable as readonly string[]).includes(second.value)) {
    report(`Field '$states.${second.value}' does not exist.`);
  }
}

/** Variables the expression binds itself: `$x := …` targets and lambda parameters. */
function collectBoundNames(value: unknown, names: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectBoundNames(item, names);
    return;
  }
  if (!isNode(value)) return;
  if (value.type === 'bind' && isNode(value.lhs) && typeof value.lhs.value === 'string')
    names.add(value.lhs.value);
  if (value.type === 'lambda') {
    for (const arg of asArray(value.arguments))
      if (isNode(arg) && typeof arg.value === 'string') names.add(arg.value);
  }
  for (const child of Object.values(value))
    if (typeof child === 'object') collectBoundNames(child, names);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}
