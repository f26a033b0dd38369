/**
 * Compiles a JSONata-mode field value (`Arguments`, `Output`, `Assign`, `Items`, `Condition`,
 * `TimeoutSeconds`, …) into a template tree, once per definition. The value is either one
 * `{% … %}` expression or a JSON value with such strings at any depth, in object values and
 * array items (never in keys). Strings not wrapped entirely, `" {% x %}"` or `"a {% x %} b"`,
 * are literal text. Subtrees without expressions are kept as one literal.
 *
 * Each expression records its field path for runtime causes (`Output/a/b[0]`) and its JSON
 * pointer for definition diagnostics (`/States/S/Output/a/b/0`). Compiling the same template
 * object for the same site again returns the cached tree.
 */
import {
  compileExpression,
  isJsonataExpression,
  type CompiledExpression,
  type ExpressionSite,
} from './compile-expression.js';
import { pointerAppend } from './definition-error.js';
import type { JsonValue } from './types.js';

export type TemplateNode =
  | { readonly kind: 'literal'; readonly value: JsonValue }
  | { readonly kind: 'expression'; readonly compiled: CompiledExpression }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, TemplateNode])[] }
  | { readonly kind: 'array'; readonly items: readonly TemplateNode[] };

export interface CompiledTemplate {
  readonly site: ExpressionSite;
  readonly root: TemplateNode;
  /** Every expression in the template, in evaluation order. */
  readonly expressions: readonly CompiledExpression[];
}

const cache = new WeakMap<object, Map<string, CompiledTemplate>>();

/** Throws `JsonataDefinitionError` for the first expression that does not compile. */
export function compileTemplate(template: JsonValue, site: ExpressionSite): CompiledTemplate {
  const cacheable = typeof template === 'object' && template !== null;
  const key = `${site.field}\u0000${site.location}\u0000${site.statesFields.join(',')}`;
  const hit = cacheable ? cache.get(template)?.get(key) : undefined;
  if (hit) return hit;
  const expressions: CompiledExpression[] = [];
  const root = compileNode(template, site, expressions);
  const compiled: CompiledTemplate = { site, root, expressions };
  if (cacheable) {
    let bySite = cache.get(template);
    if (!bySite) cache.set(template, (bySite = new Map<string, CompiledTemplate>()));
    bySite.set(key, compiled);
  }
  return compiled;
}

/** True when the value holds at least one `{% … %}` expression at any depth. */
export function containsExpression(value: JsonValue): boolean {
  if (isJsonataExpression(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(containsExpression);
}

function compileNode(
  value: JsonValue,
  site: ExpressionSite,
  expressions: CompiledExpression[],
): TemplateNode {
  if (isJsonataExpression(value)) {
    const compiled = compileExpression(value, site);
    expressions.push(compiled);
    return { kind: 'expression', compiled };
  }
  if (typeof value !== 'object' || value === null || !containsExpression(value))
    return { kind: 'literal', value };
  if (Array.isArray(value)) {
    const items = value.map((item, i) =>
      compileNode(
        item,
        { ...site, field: `${site.field}[${i}]`, location: pointerAppend(site.location, i) },
        expressions,
      ),
    );
    return { kind: 'array', items };
  }
  const entries = Object.entries(value).map(
    ([key, item]) =>
      [
        key,
        compileNode(
          item,
          { ...site, field: `${site.field}/${key}`, location: pointerAppend(site.location, key) },
          expressions,
        ),
      ] as const,
  );
  return { kind: 'object', entries };
}
