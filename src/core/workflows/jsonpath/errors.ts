/**
 * The definition-time exception of the JSONPath data-flow layer (runtime failures are the
 * shared `StatesError`, `../shared/states-error.ts`).
 *
 * - `JsonPathDefinitionError` is a definition-time problem: a path, reference path or intrinsic
 *   call that does not parse. It says where and why, and renders the sentence AWS puts in a
 *   SCHEMA_VALIDATION_FAILED diagnostic for the field that holds it.
 */

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
