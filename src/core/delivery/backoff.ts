/**
 * Retry timing shared by every asynchronous delivery: exponential backoff with full jitter,
 * capped, and an optional age limit after which an item is given up (dead-lettered).
 */

export interface RetryPolicy {
  /** Attempts in all, the first included (1 = no retry). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Give up once an item is older than this, whatever its attempts. */
  maxAgeMs?: number;
}

/** Delay before attempt `attempt + 1`, after `attempt` failed ones: random in [0, min(cap, base·2^(attempt-1))]. */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exp = policy.baseDelayMs * 2 ** Math.max(0, Math.min(attempt - 1, 30));
  return Math.floor(random() * Math.min(policy.maxDelayMs, exp));
}

export function retriesExhausted(
  policy: RetryPolicy,
  p: { attempts: number; createdAt: number; now: number },
): boolean {
  if (p.attempts >= policy.maxAttempts) return true;
  return policy.maxAgeMs !== undefined && p.now - p.createdAt >= policy.maxAgeMs;
}
