/**
 * Latency recording for the benchmarks: every sample is kept (milliseconds, Float64Array that
 * grows by doubling) and percentiles are read from the sorted samples, so p999 is exact rather
 * than bucketed. A bound on the sample count keeps memory in check on long runs: past it, every
 * k-th sample is kept (uniform thinning), which leaves the percentiles unbiased.
 */

export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

const DEFAULT_MAX_SAMPLES = 2_000_000;

export class LatencyRecorder {
  private samples = new Float64Array(4096);
  private size = 0;
  private seen = 0;
  private keepEvery = 1;

  constructor(private readonly maxSamples = DEFAULT_MAX_SAMPLES) {}

  /** Adds one latency in milliseconds. */
  record(ms: number): void {
    this.seen++;
    if (this.seen % this.keepEvery !== 0) return;
    if (this.size === this.samples.length) {
      if (this.size >= this.maxSamples) {
        this.thin();
        if (this.seen % this.keepEvery !== 0) return;
      } else {
        const grown = new Float64Array(Math.min(this.samples.length * 2, this.maxSamples));
        grown.set(this.samples);
        this.samples = grown;
      }
    }
    this.samples[this.size++] = ms;
  }

  /** Adds `n` samples of the same latency (e.g. every message of one batch). */
  recordMany(ms: number, n: number): void {
    for (let i = 0; i < n; i++) this.record(ms);
  }

  get count(): number {
    return this.seen;
  }

  summary(): LatencySummary {
    const sorted = this.samples.slice(0, this.size).sort();
    const n = sorted.length;
    if (n === 0) return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0 };
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sorted[i]!;
    const at = (q: number): number =>
      round(sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!);
    return {
      count: this.seen,
      min: round(sorted[0]!),
      mean: round(sum / n),
      p50: at(0.5),
      p90: at(0.9),
      p99: at(0.99),
      p999: at(0.999),
      max: round(sorted[n - 1]!),
    };
  }

  /** Halves the kept samples (every other one) and doubles the keep interval. */
  private thin(): void {
    let j = 0;
    for (let i = 1; i < this.size; i += 2) this.samples[j++] = this.samples[i]!;
    this.size = j;
    this.keepEvery *= 2;
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
