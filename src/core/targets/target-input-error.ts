/**
 * TargetInputValidationError: thrown by `compileTargetInput` for any target input
 * specification PutTargets must reject. `message` is the sentence AWS puts in the
 * `ValidationException`; the protocol edge maps this class to that error code (HTTP 400).
 * The core knows no wire names.
 */
export class TargetInputValidationError extends Error {
  /** The target field at fault (`Input`, `InputPath`, `InputTransformer.InputTemplate`, …). */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'TargetInputValidationError';
    this.field = field;
  }
}

export function isTargetInputValidationError(e: unknown): e is TargetInputValidationError {
  return e instanceof TargetInputValidationError;
}

/** AWS's generic shape for a member that breaks a modelled constraint. */
export function constraintError(
  field: string,
  member: string,
  value: string,
  constraint: string,
): TargetInputValidationError {
  return new TargetInputValidationError(
    field,
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}
