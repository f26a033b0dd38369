/**
 * The data flow around a state in either query language, on top of `jsonpath/` and
 * `jsonata/`. Paths and templates are compiled once per definition object and cached.
 *
 * JSONPath: InputPath → Parameters → (work) → ResultSelector → ResultPath → OutputPath; `Assign`
 * is a payload template whose `$` is the state's result (Task/Parallel/Map: after
 * ResultSelector; Pass: Result or Parameters; Choice/Wait: the input after InputPath; Catch:
 * the error output).
 * JSONata: `Arguments`, `Output`, `Assign` and the other fields are `{% %}` templates over
 * `$states` (input, result, errorOutput, context) and the variables; Assign and Output both
 * see the variables as they were before the state.
 *
 * A definition problem surfacing at run time (which the parser should have refused) becomes
 * `States.Runtime`, so only `StatesError`s leave this module.
 */
import {
  applyInputPath,
  applyOutputPath,
  applyParameters,
  applyResultPath,
  applyResultSelector,
  compileFilterPath,
  compilePayloadTemplate,
  compileResultPath,
  evaluatePath,
  isJsonPathDefinitionError,
  parsePath,
  type EvaluationContext,
  type PathField,
  type TemplateNode,
} from '../jsonpath/index.js';
import {
  compileTemplate,
  evaluateTemplate,
  isJsonataDefinitionError,
  readableStatesFields,
  type CompiledTemplate,
  type StatesValues,
} from '../jsonata/index.js';
import type { StateType } from '../definition/index.js';
import type { JsonObject, JsonValue } from '../shared/json-value.js';
import { STATES_RUNTIME, StatesError, isStatesError } from '../shared/states-error.js';

const paths = new Map<string, PathField>();
const resultPaths = new Map<string, PathField>();
const templates = new WeakMap<object, TemplateNode>();
const jsonataTemplates = new Map<string, CompiledTemplate>();

/** Runs `fn`, turning definition errors into States.Runtime. */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isStatesError(e)) throw e;
    if (isJsonPathDefinitionError(e) || isJsonataDefinitionError(e)) {
      throw new StatesError(STATES_RUNTIME, e.message);
    }
    throw e;
  }
}

export function filterPath(source: string | null | undefined): PathField {
  if (typeof source !== 'string') return source;
  let path = paths.get(source);
  if (path === undefined) paths.set(source, (path = guard(() => compileFilterPath(source))));
  return path;
}

function referencePath(source: string | null | undefined): PathField {
  if (typeof source !== 'string') return source;
  let path = resultPaths.get(source);
  if (path === undefined) resultPaths.set(source, (path = guard(() => compileResultPath(source))));
  return path;
}

function template(value: JsonObject | undefined): TemplateNode | undefined {
  if (value === undefined) return undefined;
  let node = templates.get(value);
  if (node === undefined) templates.set(value, (node = guard(() => compilePayloadTemplate(value))));
  return node;
}

/** Evaluates a path (`$…`, `$$…`, `$var…`) that must select something. */
export function readPath(source: string, ctx: EvaluationContext): JsonValue {
  return guard(() => evaluatePath(parsePath(source), ctx));
}

export function inputPath(source: string | null | undefined, ctx: EvaluationContext): JsonValue {
  return guard(() => applyInputPath(filterPath(source), ctx));
}

export function parameters(
  value: JsonObject | undefined,
  effectiveInput: JsonValue,
  ctx: Omit<EvaluationContext, 'input'>,
): JsonValue {
  return guard(() => applyParameters(template(value), effectiveInput, ctx));
}

export interface ResultFields {
  resultSelector?: JsonObject;
  resultPath?: string | null;
  outputPath?: string | null;
}

/** ResultSelector → ResultPath → OutputPath; also returns the selected result (for Assign). */
export function jsonPathResult(
  fields: ResultFields,
  rawInput: JsonValue,
  result: JsonValue,
  ctx: Omit<EvaluationContext, 'input'>,
): { selected: JsonValue; output: JsonValue } {
  return guard(() => {
    const selected = applyResultSelector(template(fields.resultSelector), result, ctx);
    const combined = applyResultPath(referencePath(fields.resultPath), rawInput, selected);
    return { selected, output: applyOutputPath(filterPath(fields.outputPath), combined, ctx) };
  });
}

/** JSONPath `Assign`: a payload template over `value`. */
export function jsonPathAssign(
  assign: JsonObject | undefined,
  value: JsonValue,
  ctx: Omit<EvaluationContext, 'input'>,
): JsonObject | undefined {
  if (assign === undefined) return undefined;
  return guard(() => applyParameters(template(assign), value, ctx)) as JsonObject;
}

export interface JsonataSite {
  stateType: StateType;
  stateName: string;
  /** Top-level field name, e.g. `Output`, `Arguments`, `Assign`. */
  field: string;
  /** For Catch clauses and Choice rules: `Catch/0`, `Choices/1`. */
  within?: string;
  inCatch?: boolean;
}

export async function jsonata(
  value: JsonValue,
  site: JsonataSite,
  states: StatesValues,
  variables: Readonly<Record<string, JsonValue>>,
): Promise<JsonValue> {
  const field = site.within === undefined ? site.field : `${site.within}/${site.field}`;
  const location = `/States/${site.stateName}/${field}`;
  const statesFields = readableStatesFields({
    stateType: site.stateType,
    field: site.field,
    ...(site.inCatch === true ? { inCatch: true } : {}),
  });
  const key = `${JSON.stringify(value)}\u0000${location}\u0000${statesFields.join(',')}`;
  let compiled = jsonataTemplates.get(key);
  if (compiled === undefined) {
    compiled = guard(() => compileTemplate(value, { field, location, statesFields }));
    if (jsonataTemplates.size < 10_000) jsonataTemplates.set(key, compiled);
  }
  const template = compiled;
  return guard(() => evaluateTemplate(template, { states, variables }));
}
