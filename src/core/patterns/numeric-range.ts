/**
 * Numeric ranges for `numeric` conditions. AWS compares numbers with limited precision: values
 * between -5.0e9 and +5.0e9 inclusive, to six digits after the decimal point (event-ruler's
 * ComparableNumber; older EventBridge docs quote ±1.0e9). We compare integers in millionths,
 * which are exact in a double over that range. Event numbers outside it never match.
 */
export const NUMERIC_LIMIT = 5e9;

export interface NumericBound {
  /** The bound in millionths (see `toMillionths`). */
  readonly value: number;
  readonly inclusive: boolean;
}

export interface NumericRange {
  readonly lower?: NumericBound;
  readonly upper?: NumericBound;
}

/** True when `n` is a finite number AWS can compare. */
export function isComparableNumber(n: number): boolean {
  return Number.isFinite(n) && n >= -NUMERIC_LIMIT && n <= NUMERIC_LIMIT;
}

/** `n` rounded to six decimal places, as an integer count of millionths. */
export function toMillionths(n: number): number {
  return Math.round(n * 1e6);
}

export function numericRangeMatches(range: NumericRange, value: unknown): boolean {
  if (typeof value !== 'number' || !isComparableNumber(value)) return false;
  const v = toMillionths(value);
  const { lower, upper } = range;
  if (lower && (lower.inclusive ? v < lower.value : v <= lower.value)) return false;
  if (upper && (upper.inclusive ? v > upper.value : v >= upper.value)) return false;
  return true;
}

/** A stable text form, used to recognise identical conditions. */
export function numericRangeKey(range: NumericRange): string {
  const lo = range.lower ? `${range.lower.inclusive ? '[' : '('}${range.lower.value}` : '(-';
  const hi = range.upper ? `${range.upper.value}${range.upper.inclusive ? ']' : ')'}` : '+)';
  return `${lo},${hi}`;
}
