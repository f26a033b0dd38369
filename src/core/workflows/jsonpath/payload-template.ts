/**
 * Payload templates: Parameters, ResultSelector, ItemSelector and the Arguments of JSONPath
 * states. A field whose name ends in `.$` is renamed without the suffix and its value, which
 * must be a string, is computed: `$$…` a context object path, `$…` a path (or `$name…`, a
 * variable), anything else an intrinsic function call. Other values, at any depth inside
 * objects and arrays, are copied as written. Two fields that are the same name after the
 * renaming are a definition error.
 *
 * `compilePayloadTemplate` parses every expression once; `evaluatePayloadTemplate` builds the
 * payload. A `.$` path that selects nothing is `States.Runtime` with AWS's cause "The JSONPath
 * '$.x' specified for the field 'x.$' could not be found in the input '{…}'".
 */
import { JsonPathDefinitionError } from './errors.js';
import { STATES_RUNTIME, StatesError } from '../shared/states-error.js';
import {
  cloneJson,
  isJsonObject,
  setOwn,
  toJsonText,
  type JsonObject,
  type JsonValue,
} from '../shared/json-value.js';
import type { ParsedPath } from './path-ast.js';
import { parsePath } from './path-parser.js';
import { queryPath } from './path-query.js';
import type { IntrinsicCall } from './intrinsic-ast.js';
import { parseIntrinsic } from './intrinsic-parser.js';
import { evaluateIntrinsic } from './intrinsic-evaluate.js';
import type { EvaluationContext } from './evaluation-context.js';

export type TemplateNode =
  | { readonly kind: 'static'; readonly value: JsonValue }
  | { readonly kind: 'object'; readonly entries: readonly TemplateEntry[] }
  | { readonly kind: 'array'; readonly items: readonly TemplateNode[] }
  | { readonly kind: 'path'; readonly field: string; readonly path: ParsedPath }
  | { readonly kind: 'intrinsic'; readonly field: string; readonly call: IntrinsicCall };

export interface TemplateEntry {
  readonly key: string;
  readonly node: TemplateNode;
}

export const DYNAMIC_SUFFIX = '.$';

export function compilePayloadTemplate(template: JsonValue): TemplateNode {
  if (Array.isArray(template))
    return { kind: 'array', items: template.map(compilePayloadTemplate) };
  if (!isJsonObject(template)) return { kind: 'static', value: template };
  const entries: TemplateEntry[] = [];
  const seen = new Set<string>();
  for (const [field, value] of Object.entries(template)) {
    const dynamic = field.endsWith(DYNAMIC_SUFFIX);
    const key = dynamic ? field.slice(0, -DYNAMIC_SUFFIX.length) : field;
    if (seen.has(key)) {
      throw new JsonPathDefinitionError(
        'Path',
        field,
        0,
        `the field name '${key}' appears twice once '.$' suffixes are removed`,
        field,
      );
    }
    seen.add(key);
    entries.push({
      key,
      node: dynamic ? compileDynamic(field, value) : compilePayloadTemplate(value),
    });
  }
  return { kind: 'object', entries };
}

function compileDynamic(field: string, value: JsonValue): TemplateNode {
  if (typeof value !== 'string') {
    throw new JsonPathDefinitionError(
      'Path',
      toJsonText(value),
      0,
      "the value of a field ending in '.$' must be a string",
      field,
    );
  }
  try {
    if (value.startsWith('$')) return { kind: 'path', field, path: parsePath(value) };
    return { kind: 'intrinsic', field, call: parseIntrinsic(value) };
  } catch (e) {
    if (e instanceof JsonPathDefinitionError) throw e.inField(field);
    throw e;
  }
}

export function evaluatePayloadTemplate(node: TemplateNode, ctx: EvaluationContext): JsonValue {
  switch (node.kind) {
    case 'static':
      return cloneJson(node.value);
    case 'array':
      return node.items.map((item) => evaluatePayloadTemplate(item, ctx));
    case 'object': {
      const out: JsonObject = {};
      for (const entry of node.entries)
        setOwn(out, entry.key, evaluatePayloadTemplate(entry.node, ctx));
      return out;
    }
    case 'intrinsic':
      return evaluateIntrinsic(node.call, ctx, node.field);
    case 'path': {
      const result = queryPath(node.path, ctx);
      if (result.found) return cloneJson(result.value);
      const searched = result.searched === undefined ? result.reason : toJsonText(result.searched);
      throw new StatesError(
        STATES_RUNTIME,
        `The JSONPath '${node.path.source}' specified for the field '${node.field}' could not be found in the input '${searched}'`,
      );
    }
  }
}
