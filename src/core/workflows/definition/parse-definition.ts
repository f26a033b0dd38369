/**
 * Entry point: `parseDefinition(text)` turns an Amazon States Language document into a typed
 * StateMachineDefinition plus the diagnostics ValidateStateMachineDefinition would return.
 * A definition is returned only when there is no ERROR diagnostic (WARNINGs never block).
 * Order of work: empty text (MISSING_DESCRIPTION), size, JSON syntax (INVALID_JSON_DESCRIPTION),
 * top-level fields, every scope and state, then the graph checks. Pure and synchronous; time is
 * linear in the input, which is capped at MAX_DEFINITION_LENGTH characters.
 */
import { compact } from './common-fields.js';
import { type Diagnostic, DiagnosticSink } from './diagnostics.js';
import { checkGraphs } from './graph-checks.js';
import { readJson } from './json-text.js';
import { isJsonObject, ObjectReader, typeMessage } from './object-reader.js';
import type { ParseContext } from './parse-context.js';
import { readScope } from './parse-scope.js';
import type { StateMachineDefinition } from './state-types.js';

/** CreateStateMachine's `definition` length limit (API reference; "1 MB" hard quota). */
export const MAX_DEFINITION_LENGTH = 1_048_576;
/** Largest machine-level TimeoutSeconds accepted. */
export const MAX_MACHINE_TIMEOUT_SECONDS = 99_999_999;

export interface ParseDefinitionResult {
  /** Present exactly when `diagnostics` holds no ERROR. */
  definition?: StateMachineDefinition;
  diagnostics: Diagnostic[];
}

export function parseDefinition(text: string): ParseDefinitionResult {
  const sink = new DiagnosticSink();
  const fail = () => ({ diagnostics: sink.diagnostics });
  if (text.trim() === '') {
    sink.error('MISSING_DESCRIPTION', 'Received a null or empty workflow definition');
    return fail();
  }
  if (text.length > MAX_DEFINITION_LENGTH) {
    sink.error(
      'SCHEMA_VALIDATION_FAILED',
      `The definition exceeds the maximum length of ${MAX_DEFINITION_LENGTH} characters`,
    );
    return fail();
  }
  const json = readJson(text);
  if (!json.ok) {
    sink.error('INVALID_JSON_DESCRIPTION', json.message);
    return fail();
  }
  if (!isJsonObject(json.value)) {
    sink.schema(typeMessage('Object'), '/');
    return fail();
  }
  const r = new ObjectReader(json.value, '/', sink);
  const machineLanguage = r.oneOf('QueryLanguage', ['JSONPath', 'JSONata'] as const) ?? 'JSONPath';
  const ctx: ParseContext = {
    sink,
    machineLanguage,
    duplicateKeys: json.duplicateKeys,
    stateNames: new Map(),
    labels: new Map(),
    scopes: [],
    readScope: (reader, extra) => readScope(reader, extra, ctx),
  };
  const version = r.string('Version');
  const timeoutSeconds = r.number('TimeoutSeconds', {
    min: 1,
    max: MAX_MACHINE_TIMEOUT_SECONDS,
    integer: true,
  });
  const scope = readScope(r, ['Version', 'TimeoutSeconds', 'QueryLanguage'], ctx);
  checkGraphs(ctx);
  if (scope === undefined || sink.errorCount > 0) return fail();
  return {
    definition: compact({ ...scope, queryLanguage: machineLanguage, version, timeoutSeconds }),
    diagnostics: sink.diagnostics,
  };
}
