/**
 * The Retry decision for a failed attempt. The first Retrier whose ErrorEquals matches owns
 * the failure (later ones are not consulted, even when that one is exhausted). With `n` the
 * retries that Retrier already made, it retries when `n < MaxAttempts`, after
 * `IntervalSeconds × BackoffRate^n` seconds, capped by MaxDelaySeconds; JitterStrategy FULL
 * draws the delay uniformly from [0, that], using the recorded random source.
 */
import type { Retrier } from '../definition/index.js';
import { firstMatch, type Failure } from './error-matching.js';

export type RetryDecision =
  { retry: false } | { retry: true; retrierIndex: number; delayMs: number };

export function decideRetry(
  retriers: readonly Retrier[],
  counts: readonly number[],
  failure: Failure,
  random: () => number,
): RetryDecision {
  const index = firstMatch(retriers, failure);
  if (index < 0) return { retry: false };
  const retrier = retriers[index]!;
  const attempts = counts[index] ?? 0;
  if (attempts >= retrier.maxAttempts) return { retry: false };
  let seconds = retrier.intervalSeconds * retrier.backoffRate ** attempts;
  if (retrier.maxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.maxDelaySeconds);
  if (retrier.jitterStrategy === 'FULL') seconds *= random();
  return { retry: true, retrierIndex: index, delayMs: Math.round(seconds * 1000) };
}
