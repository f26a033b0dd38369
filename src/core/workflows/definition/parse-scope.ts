/**
 * StartAt/States containers and the dispatch to each state type's parser. For every state it
 * checks the name, resolves the effective query language (the state's own QueryLanguage, else
 * the machine's; a JSONPath state inside a JSONata machine is refused with AWS's message
 * "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine"), reports
 * unsupported and wrong-language fields, and records the state's transitions for the graph
 * checks — from the raw JSON, so that an invalid state still counts as a node and does not make
 * its successors look unreachable.
 */
import { compact } from './common-fields.js';
import { childLocation, itemLocation } from './diagnostics.js';
import { checkFields, STATE_FIELDS } from './field-rules.js';
import { isJsonObject, ObjectReader, typeMessage } from './object-reader.js';
import { parseChoice, parseParallel } from './parse-branching-states.js';
import type { GraphNode, ParseContext, ScopeGraph } from './parse-context.js';
import { parseMap } from './parse-map.js';
import { parseFail, parsePass, parseSucceed, parseWait } from './parse-simple-states.js';
import { parseTask } from './parse-task.js';
import type { State, StateHeader, StateScope, StateType } from './state-types.js';
import { checkStateName } from './state-names.js';
import type { JsonObject, QueryLanguage } from './types.js';

const STATE_TYPES = Object.keys(STATE_FIELDS) as StateType[];

function graphNode(obj: JsonObject, location: string): GraphNode {
  const edges: GraphNode['edges'] = [];
  const add = (target: unknown, at: string) => {
    if (typeof target === 'string') edges.push({ target, location: at });
  };
  add(obj.Next, childLocation(location, 'Next'));
  if (obj.Type === 'Choice') {
    const choices = obj.Choices;
    if (Array.isArray(choices)) {
      choices.forEach((rule, i) => {
        if (isJsonObject(rule)) add(rule.Next, `${itemLocation(location, 'Choices', i)}/Next`);
      });
    }
    add(obj.Default, childLocation(location, 'Default'));
  }
  const catchers = obj.Catch;
  if (Array.isArray(catchers)) {
    catchers.forEach((c, i) => {
      if (isJsonObject(c)) add(c.Next, `${itemLocation(location, 'Catch', i)}/Next`);
    });
  }
  const terminal = obj.End === true || obj.Type === 'Succeed' || obj.Type === 'Fail';
  return { location, edges, terminal };
}

function effectiveLanguage(r: ObjectReader, ctx: ParseContext): QueryLanguage {
  if (!r.has('QueryLanguage')) return ctx.machineLanguage;
  const declared = r.oneOf('QueryLanguage', ['JSONPath', 'JSONata'] as const);
  if (declared === undefined) return ctx.machineLanguage;
  if (declared === 'JSONPath' && ctx.machineLanguage === 'JSONata') {
    r.sink.schema(
      "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
      r.location,
    );
  }
  return declared;
}

function parseState(r: ObjectReader, name: string, ctx: ParseContext): State | undefined {
  if (!r.require('Type')) return undefined;
  const type = r.oneOf('Type', STATE_TYPES);
  if (type === undefined) return undefined;
  const queryLanguage = effectiveLanguage(r, ctx);
  checkFields(r, STATE_FIELDS[type], queryLanguage);
  const base: StateHeader = compact({ name, queryLanguage, comment: r.string('Comment') });
  switch (type) {
    case 'Task':
      return parseTask(r, base);
    case 'Pass':
      return parsePass(r, base);
    case 'Choice':
      return parseChoice(r, base);
    case 'Wait':
      return parseWait(r, base);
    case 'Succeed':
      return parseSucceed(r, base);
    case 'Fail':
      return parseFail(r, base);
    case 'Parallel':
      return parseParallel(r, base, ctx);
    case 'Map':
      return parseMap(r, base, ctx);
  }
}

/**
 * Reads a StartAt/States container at `r` (the machine itself, a branch, an item processor).
 * `extraFields` are the container's fields beyond StartAt, States and Comment.
 */
export function readScope(
  r: ObjectReader,
  extraFields: readonly string[],
  ctx: ParseContext,
): StateScope | undefined {
  const before = r.sink.errorCount;
  r.allowOnly(new Set(['StartAt', 'States', 'Comment', ...extraFields]));
  r.require('StartAt', 'States');
  const startAt = r.string('StartAt');
  const statesObj = r.object('States');
  if (statesObj === undefined) return undefined;
  const graph: ScopeGraph = compact({ location: r.location, startAt, nodes: new Map() });
  ctx.scopes.push(graph);
  const statesLoc = r.at('States');
  for (const dup of ctx.duplicateKeys.get(statesObj) ?? []) {
    r.sink.error(
      'DUPLICATE_STATE_NAME',
      `Duplicate State name: '${dup}'`,
      childLocation(statesLoc, dup),
    );
  }
  // No prototype: a state may legitimately be called `__proto__`.
  const states = Object.create(null) as Record<string, State>;
  for (const [name, value] of Object.entries(statesObj)) {
    const location = childLocation(statesLoc, name);
    checkStateName(name, location, ctx.stateNames, r.sink);
    if (!isJsonObject(value)) {
      r.sink.schema(typeMessage('Object'), location);
      continue;
    }
    graph.nodes.set(name, graphNode(value, location));
    const state = parseState(new ObjectReader(value, location, r.sink), name, ctx);
    if (state !== undefined) states[name] = state;
  }
  if (startAt === undefined || r.sink.errorCount > before) return undefined;
  return compact({ startAt, states, comment: r.string('Comment') });
}
