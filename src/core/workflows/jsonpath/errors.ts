/**
 * The two exceptions of the JSONPath data-flow layer.
 *
 * - `StatesError` is a runtime failure the interpreter routes to Retry/Catch: `error` is the
 *   States.* name (`States.Runtime`, `States.IntrinsicFailure`, `States.ResultPathMatchFailure`)
 *   and `cause` is worded like AWS's cause, without the "An error occurred while executing the
 *   state 'X' (entered at the event id #N)." prefix, which only the interpreter knows
 *   (`withStatePrefix` adds it).
 * - `JsonPathDefinitionError` is a definition-time problem: a path, reference path or intrinsic
 *   call that does not parse. It says where and why, and renders the sentence AWS puts in a
 *   SCHEMA_VALIDATION_FAILED diagnostic for the field that holds it.
 */

export const STATES_RUNTIME = 'States.Runtime';
export const STATES_INTRINSIC_FAILURE = 'States.IntrinsicFailure';
export const STATES_RESULT_PATH_MATCH_FAILURE = 'States.ResultPathMatchFailure';

export type StatesErrorName =
  typeof STATES_RUNTIME | typeof STATES_INTRINSIC_FAILURE | typeof STATES_RESULT_PATH_MATCH_FAILURE;

export class StatesError extends Error {
  readonly error: StatesErrorName;
  override readonly cause: string;

  constructor(error: StatesErrorName, cause: string) {
    super(`${error}: ${cause}`);
    this.name = 'StatesError';
    this.error = error;
    this.cause = cause;
  }

  /** The cause as AWS records it in the history, with the state and its entered event. */
  withStatePrefix(stateName: string, enteredEventId: number): string {
    return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). ${this.cause}`;
  }
}

export function isStatesError(e: unknown): e is StatesError {
  return e instanceof StatesError;
}

/** What kind of expression failed to parse; decides the AWS diagnostic wording. */
export type DefinitionKind = 'Path' | 'ReferencePath' | 'IntrinsicFunction';

const KIND_LABEL: Record<DefinitionKind, string> = {
  Path: 'JSONPath',
  ReferencePath: 'ReferencePath',
  IntrinsicFunction: 'intrinsic function',
};

export class JsonPathDefinitionError extends Error {
  readonly kind: DefinitionKind;
  readonly expression: string;
  readonly position: number;
  readonly reason: string;
  /** The payload field holding the expression (`id.$`), when it came from a template. */
  readonly field: string | undefined;

  constructor(
    kind: DefinitionKind,
    expression: string,
    position: number,
    reason: string,
    field?: string,
  ) {
    const where = field === undefined ? '' : ` in the field '${field}'`;
    super(
      `Invalid ${KIND_LABEL[kind]} '${expression}'${where}: ${reason} (at position ${position})`,
    );
    this.name = 'JsonPathDefinitionError';
    this.kind = kind;
    this.expression = expression;
    this.position = position;
    this.reason = reason;
    this.field = field;
  }

  /** The same error, attributed to a payload field. */
  inField(field: string): JsonPathDefinitionError {
    return new JsonPathDefinitionError(
      this.kind,
      this.expression,
      this.position,
      this.reason,
      field,
    );
  }

  /** AWS's SCHEMA_VALIDATION_FAILED sentence for the field (e.g. `ResultPath`, `id.$`). */
  forField(field: string): string {
    if (this.kind === 'ReferencePath') {
      return `The value for the field '${field}' must be a valid ReferencePath`;
    }
    if (field.endsWith('.$')) {
      return `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call`;
    }
    return `The value for the field '${field}' must be a valid JSONPath`;
  }
}

export function isJsonPathDefinitionError(e: unknown): e is JsonPathDefinitionError {
  return e instanceof JsonPathDefinitionError;
}
