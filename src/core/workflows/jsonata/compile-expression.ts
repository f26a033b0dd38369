/**
 * Compiles one `{% … %}` string: recognises the wrapping, parses the expression with jsonata
 * (once per distinct text: parsed expressions are kept in a bounded cache and shared, which is
 * safe because every evaluation brings its own bindings), installs Step Functions' functions
 * and the evaluation-bound hooks, and runs the definition-time checks for the field it is
 * written in. Anything that does not compile becomes a `JsonataDefinitionError`.
 */
import jsonata from 'jsonata';
import { JsonataDefinitionError } from './definition-error.js';
import { ENTRY_HOOK, EXIT_HOOK, entryHook, exitHook } from './evaluation-bounds.js';
import { checkExpression } from './expression-checks.js';
import { SFN_FUNCTIONS } from './sfn-functions.js';
import type { StatesField } from './types.js';

/** Where an expression is written. */
export interface ExpressionSite {
  /** The field as named in runtime causes: `Output`, `Arguments/Input/key`, `Items[0]`. */
  field: string;
  /** JSON pointer of the value in the definition: `/States/Build/Output/key`. */
  location: string;
  /** The `$states` fields readable there (see `readableStatesFields`). */
  statesFields: readonly StatesField[];
}

export interface CompiledExpression extends ExpressionSite {
  /** The text between `{%` and `%}`, trimmed, as AWS quotes it in causes. */
  readonly text: string;
  readonly expression: jsonata.Expression;
}

const CACHE_LIMIT = 2_000;
const parsed = new Map<string, jsonata.Expression>();

/** True for a string AWS evaluates: wrapped entirely in `{%` and `%}`, nothing outside. */
export function isJsonataExpression(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}')
  );
}

export function compileExpression(source: string, site: ExpressionSite): CompiledExpression {
  const text = source.slice(2, -2).trim();
  const expression = parseCached(text, site.location);
  let problem;
  try {
    problem = checkExpression(expression.ast(), site.statesFields);
  } catch {
    problem = { detail: 'The expression is too deeply nested.' };
  }
  if (problem)
    throw new JsonataDefinitionError(
      'UNSUPPORTED_JSONATA_EXPRESSION',
      problem.detail,
      site.location,
      text,
    );
  return { ...site, text, expression };
}

function parseCached(text: string, location: string): jsonata.Expression {
  const hit = parsed.get(text);
  if (hit) {
    parsed.delete(text);
    parsed.set(text, hit);
    return hit;
  }
  let expression: jsonata.Expression;
  try {
    expression = jsonata(text);
  } catch (e) {
    throw new JsonataDefinitionError('INVALID_JSONATA_EXPRESSION', parseFailure(e), location, text);
  }
  for (const f of SFN_FUNCTIONS)
    expression.registerFunction(
      f.name,
      f.implementation as (...args: unknown[]) => unknown,
      f.signature,
    );
  expression.assign(ENTRY_HOOK as unknown as string, entryHook);
  expression.assign(EXIT_HOOK as unknown as string, exitHook);
  parsed.set(text, expression);
  if (parsed.size > CACHE_LIMIT) parsed.delete(parsed.keys().next().value as string);
  return expression;
}

function parseFailure(e: unknown): string {
  if (e instanceof RangeError) return 'The expression is too deeply nested.';
  const { code, message } = (typeof e === 'object' && e !== null ? e : {}) as {
    code?: unknown;
    message?: unknown;
  };
  const text = typeof message === 'string' ? message : String(e);
  return typeof code === 'string' ? `${code}: ${text}` : text;
}
