// Our retry policy. The SDK's own retries are off (maxAttempts: 1) because its standard strategy retries
// CreateRoutingProfile's LimitExceededException (a resource quota, wire-protocol §5) and resends
// non-idempotent writes after a lost answer; and its client-wide retry quota is invisible to our statistics.

/** First try plus five retries. With pacing in front, more than one retry is already unusual. */
export const MAX_ATTEMPTS = 6;
/** No retry is started once this much time has passed since the first attempt of a call. */
export const RETRY_BUDGET_MS = 60_000;
/** Backoff bases, as in the SDK's standard strategy: throttling backs off harder than a transient 5xx. */
export const THROTTLING_BACKOFF_BASE_MS = 1_000;
export const TRANSIENT_BACKOFF_BASE_MS = 100;
/** Cap of one backoff interval (the SDK uses the same 20 s). */
export const MAX_BACKOFF_MS = 20_000;

export interface RetryPolicy {
  maxAttempts: number;
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: MAX_ATTEMPTS, budgetMs: RETRY_BUDGET_MS };

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * uniform in [0, min(cap, base * 2^retryIndex)). `retryIndex` is 0 for the first retry.
 */
export function backoffMs(retryIndex: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}
