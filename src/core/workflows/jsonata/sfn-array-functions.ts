/**
 * `$partition(array, size)` and `$range(start, end, step)`, two of the functions Step Functions
 * adds to JSONata (its replacements for States.ArrayPartition and States.ArrayRange), with the
 * edge behaviour AWS shows rather than the intrinsics' stricter rules:
 *
 * - numeric arguments are truncated toward zero (`$range(-1.7, 2, 1)` starts at -1);
 * - outcomes that AWS answers with *nothing* return `undefined` (the field then fails with
 *   "returned nothing (undefined)"): an empty array or a zero size for `$partition`; a missing
 *   or zero step, or a step pointing away from `end`, for `$range`;
 * - `$range` yields a bare number for a one-element range (a JSONata singleton sequence) and
 *   refuses, before allocating, a range past AWS's bound (360,145 elements measured) with the
 *   memory-limit error. There is no 1,000-item cap as for States.ArrayRange.
 */
import { FunctionError, LimitExceededError, MEMORY_LIMIT_MESSAGE } from './function-errors.js';

/** The largest `$range` AWS answers (measured: 360,145 elements pass, one more is refused). */
export const RANGE_MAX_ELEMENTS = 360_145;

export function partition(array: unknown, size?: number): unknown[][] | undefined {
  if (array === undefined) return undefined;
  if (!Array.isArray(array)) {
    throw new FunctionError(
      'T0412',
      'Argument 1 of function "partition" must be an array',
      1,
      'values',
    );
  }
  const chunk = size === undefined ? array.length : Math.trunc(size);
  if (chunk < 0) throw new FunctionError('D3137', 'Second argument must be zero or greater');
  if (chunk === 0 || array.length === 0) return undefined;
  const chunks: unknown[][] = [];
  for (let i = 0; i < array.length; i += chunk) chunks.push(array.slice(i, i + chunk));
  return chunks;
}

export function range(
  start: number | undefined,
  end: number | undefined,
  step?: number,
): number | number[] | undefined {
  if (start === undefined || end === undefined || step === undefined) return undefined;
  const from = Math.trunc(start);
  const to = Math.trunc(end);
  const by = Math.trunc(step);
  if (by === 0 || (by > 0 && from > to) || (by < 0 && from < to)) return undefined;
  const count = Math.floor((to - from) / by) + 1;
  if (!Number.isFinite(count) || count > RANGE_MAX_ELEMENTS) {
    throw new LimitExceededError(MEMORY_LIMIT_MESSAGE);
  }
  if (count === 1) return from;
  const values = new Array<number>(count);
  for (let i = 0; i < count; i++) values[i] = from + i * by;
  return values;
}
