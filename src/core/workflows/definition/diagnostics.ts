/**
 * Validation diagnostics, shaped like `ValidateStateMachineDefinitionDiagnostic` (severity, code,
 * message, location). Codes are AWS's own (API reference, ValidateStateMachineDefinitionDiagnostic
 * "List of warning codes"/"List of error codes"). `formatInvalidDefinitionMessage` renders the
 * ERROR diagnostics the way CreateStateMachine's InvalidDefinition does:
 * `Invalid State Machine Definition: 'CODE: message at /location, CODE: message at /location'`.
 * Locations are JSON-pointer-like: `/States/A/Next`, array items as `Catch[0]`; the root is `/`.
 */

export type DiagnosticSeverity = 'ERROR' | 'WARNING';

export const ERROR_CODES = [
  'INVALID_JSON_DESCRIPTION',
  'MISSING_DESCRIPTION',
  'SCHEMA_VALIDATION_FAILED',
  'INVALID_RESOURCE',
  'MISSING_END_STATE',
  'DUPLICATE_STATE_NAME',
  'INVALID_STATE_NAME',
  'DUPLICATE_LABEL_NAME',
  'INVALID_LABEL_NAME',
  'MISSING_TRANSITION_TARGET',
] as const;
export const WARNING_CODES = ['NO_DOLLAR', 'NO_PATH', 'PASS_RESULT_IS_STATIC'] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type DiagnosticCode = ErrorCode | WarningCode;

export interface Diagnostic {
  severity: DiagnosticSeverity;
  code: DiagnosticCode;
  message: string;
  /** Absent when the problem concerns the whole workflow (e.g. MISSING_END_STATE). */
  location?: string;
}

/** Collects diagnostics in discovery order. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  error(code: ErrorCode, message: string, location?: string): void {
    this.diagnostics.push(withLocation({ severity: 'ERROR', code, message }, location));
  }

  warn(code: WarningCode, message: string, location?: string): void {
    this.diagnostics.push(withLocation({ severity: 'WARNING', code, message }, location));
  }

  /** Schema errors are by far the most common; this is shorthand for them. */
  schema(message: string, location: string): void {
    this.error('SCHEMA_VALIDATION_FAILED', message, location);
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'ERROR').length;
  }
}

function withLocation(d: Diagnostic, location: string | undefined): Diagnostic {
  return location === undefined ? d : { ...d, location };
}

/** Location of `key` inside the value at `parent`. */
export function childLocation(parent: string, key: string): string {
  return parent === '/' ? `/${key}` : `${parent}/${key}`;
}

/** Location of item `index` of the array field `key` inside `parent`, e.g. `/States/A/Catch[0]`. */
export function itemLocation(parent: string, key: string, index: number): string {
  return `${childLocation(parent, key)}[${index}]`;
}

/** `CODE: message at location` — one entry of an InvalidDefinition message. */
export function describeDiagnostic(d: Diagnostic): string {
  return d.location === undefined
    ? `${d.code}: ${d.message}`
    : `${d.code}: ${d.message} at ${d.location}`;
}

/** The InvalidDefinition exception message for CreateStateMachine/UpdateStateMachine. */
export function formatInvalidDefinitionMessage(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'ERROR').map(describeDiagnostic);
  return `Invalid State Machine Definition: '${errors.join(', ')}'`;
}
