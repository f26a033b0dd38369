/**
 * Monthly cost estimate of running a workload as a Standard or as an Express workflow, from
 * AWS's published us-east-1 list prices: Standard bills $0.025 per 1,000 state transitions;
 * Express bills $1.00 per million requests plus $0.00001667 per GB-second, in 100 ms steps,
 * at 64 MB minimum. Free tiers are ignored. An estimate, and labelled as one wherever shown.
 */
export const STANDARD_PER_TRANSITION = 0.025 / 1000;
export const EXPRESS_PER_REQUEST = 1 / 1_000_000;
export const EXPRESS_PER_GB_SECOND = 0.00001667;
const EXPRESS_MEMORY_GB = 64 / 1024;

export interface WorkloadEstimate {
  standard: number;
  express: number;
}

export function estimateMonthlyCost(
  executionsPerMonth: number,
  transitionsPerExecution: number,
  averageDurationMs: number,
): WorkloadEstimate {
  const billedSeconds = Math.ceil(Math.max(averageDurationMs, 1) / 100) / 10;
  return {
    standard: executionsPerMonth * transitionsPerExecution * STANDARD_PER_TRANSITION,
    express:
      executionsPerMonth * EXPRESS_PER_REQUEST +
      executionsPerMonth * billedSeconds * EXPRESS_MEMORY_GB * EXPRESS_PER_GB_SECOND,
  };
}

export const dollars = (v: number): string =>
  `$${v < 10 ? v.toFixed(2) : Math.round(v).toLocaleString('en-US')}`;
