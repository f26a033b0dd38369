/**
 * The input/output processing the interpreter applies around a JSONPath state, in order:
 * InputPath → Parameters → (task) → ResultSelector → ResultPath → OutputPath.
 *
 * - InputPath / OutputPath: absent means `$` (everything); `null` means `{}`; a path selecting
 *   nothing is `States.Runtime` "Invalid path '$.x' : No results for path: $['x']".
 * - ResultPath: absent or `$` means the result replaces the input; `null` means the result is
 *   discarded and the input passes through; otherwise the result is written into a copy of the
 *   input at the reference path, creating intermediate objects as needed. A path that cannot
 *   be written (input or an intermediate node is not an object, an index out of range) is
 *   `States.ResultPathMatchFailure`.
 *
 * A field value `undefined` means "not in the definition"; `null` is the JSON null.
 */
import { JsonPathDefinitionError } from './errors.js';
import { STATES_RESULT_PATH_MATCH_FAILURE, StatesError } from '../shared/states-error.js';
import {
  cloneJson,
  getOwn,
  isJsonObject,
  setOwn,
  toJsonText,
  type JsonValue,
} from '../shared/json-value.js';
import type { ParsedPath } from './path-ast.js';
import { parsePath, parseReferencePath } from './path-parser.js';
import { evaluatePath } from './path-query.js';
import { formatPath } from './path-format.js';
import type { EvaluationContext } from './evaluation-context.js';
import {
  compilePayloadTemplate,
  evaluatePayloadTemplate,
  type TemplateNode,
} from './payload-template.js';

export type PathField = ParsedPath | null | undefined;

/** Parses an InputPath or OutputPath field value. */
export function compileFilterPath(source: string | null | undefined): PathField {
  return typeof source === 'string' ? parsePath(source) : source;
}

/** Parses a ResultPath field value: a reference path on the state input (`$…`). */
export function compileResultPath(source: string | null | undefined): PathField {
  if (typeof source !== 'string') return source;
  const path = parseReferencePath(source);
  if (path.root.kind !== 'input') {
    throw new JsonPathDefinitionError(
      'ReferencePath',
      source,
      0,
      "a ResultPath must start with '$' followed by '.', '[' or nothing",
    );
  }
  return path;
}

export function applyInputPath(inputPath: PathField, ctx: EvaluationContext): JsonValue {
  if (inputPath === undefined) return cloneJson(ctx.input);
  if (inputPath === null) return {};
  return evaluatePath(inputPath, ctx);
}

/** `output` is the state output after ResultPath; `ctx` supplies `$$` and variables. */
export function applyOutputPath(
  outputPath: PathField,
  output: JsonValue,
  ctx: Omit<EvaluationContext, 'input'> = {},
): JsonValue {
  if (outputPath === undefined) return cloneJson(output);
  if (outputPath === null) return {};
  return evaluatePath(outputPath, { ...ctx, input: output });
}

/** ResultSelector: a payload template over the task result. */
export function applyResultSelector(
  selector: TemplateNode | undefined,
  result: JsonValue,
  ctx: Omit<EvaluationContext, 'input'> = {},
): JsonValue {
  return selector === undefined
    ? cloneJson(result)
    : evaluatePayloadTemplate(selector, { ...ctx, input: result });
}

/** Parameters / ItemSelector / Arguments over the effective input (after InputPath). */
export function applyParameters(
  parameters: TemplateNode | undefined,
  effectiveInput: JsonValue,
  ctx: Omit<EvaluationContext, 'input'> = {},
): JsonValue {
  return parameters === undefined
    ? cloneJson(effectiveInput)
    : evaluatePayloadTemplate(parameters, { ...ctx, input: effectiveInput });
}

export { compilePayloadTemplate };

export function applyResultPath(
  resultPath: PathField,
  rawInput: JsonValue,
  result: JsonValue,
): JsonValue {
  if (resultPath === undefined || (resultPath !== null && resultPath.segments.length === 0))
    return cloneJson(result);
  if (resultPath === null) return cloneJson(rawInput);
  const fail = (why: string) =>
    new StatesError(
      STATES_RESULT_PATH_MATCH_FAILURE,
      `Unable to apply ResultPath '${resultPath.source}' to input '${toJsonText(rawInput)}': ${why}`,
    );
  const output = cloneJson(rawInput);
  let node: JsonValue = output;
  const segments = resultPath.segments;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    const here = formatPath({ root: resultPath.root, segments: segments.slice(0, i) });
    if (segment.type === 'property') {
      if (!isJsonObject(node)) throw fail(`${here} is not an object`);
      if (last) {
        setOwn(node, segment.name, cloneJson(result));
        break;
      }
      let child = getOwn(node, segment.name);
      if (child === undefined) {
        child = {};
        setOwn(node, segment.name, child);
      }
      node = child;
    } else if (segment.type === 'index') {
      if (!Array.isArray(node)) throw fail(`${here} is not an array`);
      if (segment.index >= node.length) throw fail(`${here} has no index ${segment.index}`);
      if (last) {
        node[segment.index] = cloneJson(result);
        break;
      }
      node = node[segment.index]!;
    } else {
      throw fail('it is not a reference path');
    }
  }
  return output;
}
