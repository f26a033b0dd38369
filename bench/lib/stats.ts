/**
 * Summaries across repeated runs: median with its spread (min, max), so a noisy shared machine
 * shows up as spread instead of a single lucky figure.
 */

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spread(values: readonly number[], digits = 1): Spread {
  const r = (v: number): number => Number(v.toFixed(digits));
  return {
    median: r(median(values)),
    min: r(Math.min(...values)),
    max: r(Math.max(...values)),
    runs: values.map(r),
  };
}

/** Rounds for printing. */
export function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}
