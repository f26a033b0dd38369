/**
 * The errors an evaluation can throw besides the JSONata library's own (plain objects with a
 * `code` such as `T0410`): `FunctionError` for Step Functions' added functions, coded like
 * JSONata's (`D3137` is the code JSONata gives `$error()`, and the code AWS's functions answer
 * with), and `LimitExceededError` for the time, depth and memory bounds, whose messages are
 * the JSONata reference implementation's (also what AWS reports), without a code.
 */

export class FunctionError extends Error {
  readonly code: string;

  /** `index` and `type` fill JSONata's message template when `code` has one (T0412). */
  constructor(
    code: string,
    message: string,
    readonly index?: number,
    readonly type?: string,
  ) {
    super(message);
    this.name = 'FunctionError';
    this.code = code;
  }
}

export class LimitExceededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitExceededError';
  }
}

export const MEMORY_LIMIT_MESSAGE =
  'Expression evaluation memory limit exceeded: Check for excessive memory usage';
export const TIMEOUT_MESSAGE = 'Expression evaluation timeout: Check for infinite loop';
export const DEPTH_MESSAGE =
  'Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive';

/** The text after "threw an error during evaluation: " for anything an evaluation threw. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof LimitExceededError) return thrown.message;
  if (typeof thrown === 'object' && thrown !== null) {
    const { code, message } = thrown as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : '';
    if (typeof code === 'string') return text ? `${code}: ${text}` : code;
    if (text) return text;
  }
  return String(thrown);
}
