/**
 * `JsonataDefinitionError`: a JSONata expression in a definition that AWS would refuse at
 * CreateStateMachine / ValidateStateMachineDefinition time. It carries AWS's diagnostic code
 * (`INVALID_JSONATA_EXPRESSION` for text that does not parse, `UNSUPPORTED_JSONATA_EXPRESSION`
 * for text that parses but uses something Step Functions forbids), the sentence, and the JSON
 * pointer of the offending value; `message` is the diagnostic as AWS lists it in an
 * InvalidDefinition error: `CODE: sentence at /States/Name/Output/key`.
 */

export type JsonataDiagnosticCode = 'INVALID_JSONATA_EXPRESSION' | 'UNSUPPORTED_JSONATA_EXPRESSION';

export class JsonataDefinitionError extends Error {
  readonly code: JsonataDiagnosticCode;
  /** The sentence alone, without code and location. */
  readonly detail: string;
  /** JSON pointer (RFC 6901) of the string holding the expression. */
  readonly location: string;
  /** The expression text between `{%` and `%}`, trimmed. */
  readonly expression: string;

  constructor(code: JsonataDiagnosticCode, detail: string, location: string, expression: string) {
    super(`${code}: ${detail} at ${location}`);
    this.name = 'JsonataDefinitionError';
    this.code = code;
    this.detail = detail;
    this.location = location;
    this.expression = expression;
  }
}

export function isJsonataDefinitionError(e: unknown): e is JsonataDefinitionError {
  return e instanceof JsonataDefinitionError;
}

/** Appends one key or index to a JSON pointer, escaping `~` and `/` as RFC 6901 says. */
export function pointerAppend(pointer: string, segment: string | number): string {
  const text = String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  return `${pointer}/${text}`;
}
