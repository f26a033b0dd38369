/**
 * Whole-graph checks, run per scope once every state is read. What AWS reports, as measured
 * against ValidateStateMachineDefinition (localstack#11978, serverless-step-functions#250,
 * floci-io/floci#2786):
 * - a StartAt, Next, Choices[].Next, Default or Catch[].Next naming no state of the same scope:
 *   MISSING_TRANSITION_TARGET "Missing 'Next' target: <name>" at the field (the word is always
 *   'Next', whatever the field);
 * - a scope with no terminal state (End: true, Succeed, Fail) anywhere: MISSING_END_STATE
 *   "Workflow has no terminal state" (no location for the machine itself), which suppresses the
 *   reachability walk of that scope;
 * - a state not reachable from StartAt: MISSING_TRANSITION_TARGET
 *   `State "<name>" is not reachable.` at the state.
 * Transitions never cross scopes: a branch cannot jump to a state of its parent.
 */
import { childLocation } from './diagnostics.js';
import type { ParseContext, ScopeGraph } from './parse-context.js';

function checkScope(scope: ScopeGraph, ctx: ParseContext): void {
  const { sink } = ctx;
  const { nodes } = scope;
  if (scope.startAt !== undefined && !nodes.has(scope.startAt)) {
    sink.error(
      'MISSING_TRANSITION_TARGET',
      `Missing 'Next' target: ${scope.startAt}`,
      childLocation(scope.location, 'StartAt'),
    );
  }
  for (const node of nodes.values()) {
    for (const edge of node.edges) {
      if (!nodes.has(edge.target)) {
        sink.error(
          'MISSING_TRANSITION_TARGET',
          `Missing 'Next' target: ${edge.target}`,
          edge.location,
        );
      }
    }
  }
  if (nodes.size > 0 && ![...nodes.values()].some((n) => n.terminal)) {
    const location = scope.location === '/' ? undefined : scope.location;
    sink.error('MISSING_END_STATE', 'Workflow has no terminal state', location);
    return;
  }
  const reached = new Set<string>();
  const queue = scope.startAt !== undefined && nodes.has(scope.startAt) ? [scope.startAt] : [];
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (reached.has(name)) continue;
    reached.add(name);
    for (const edge of nodes.get(name)?.edges ?? []) {
      if (nodes.has(edge.target) && !reached.has(edge.target)) queue.push(edge.target);
    }
  }
  for (const [name, node] of nodes) {
    if (!reached.has(name)) {
      sink.error('MISSING_TRANSITION_TARGET', `State "${name}" is not reachable.`, node.location);
    }
  }
}

export function checkGraphs(ctx: ParseContext): void {
  for (const scope of ctx.scopes) checkScope(scope, ctx);
}
