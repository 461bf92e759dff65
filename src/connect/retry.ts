// Our retry policy. The SDK's own retries are off (maxAttempts: 1) because its standard strategy retries
// CreateRoutingProfile's LimitExceededException (a resource quota, wire-protocol §5) and resends
// non-idempotent writes after a lost answer; and its client-wide retry quota is invisible to our statistics.
//
// Two counts, because the two kinds of failure mean different things. A throttled attempt was refused before
// any work (429), so repeating it is always safe; it says "slower", and the answer to that is the adaptive
// pacing in adaptive-rate.ts, which stretches the wait for the next token. A 5xx or a lost connection says
// "something broke", and a handful of attempts is enough to tell a blip from an outage.

/** Attempts for a failure that is not throttling (5xx, a connection lost on an idempotent call), writes. */
export const MAX_ATTEMPTS = 6;
/** Throttled answers one write may meet before it is reported as failed. */
export const MAX_THROTTLED_ATTEMPTS = 12;
/**
 * No retry is started once one call would have spent this long backing off. Only backoff counts: the time a
 * request takes is bounded by the request timeout and the attempt counts, and the time spent waiting for a token
 * is our own pacing, slowed on purpose when Connect throttles, not Connect failing. 120 s is what 12 throttles
 * cost on average with full jitter (half of 1 + 2 + 4 + 8 + 16 + 20 x 6 s, rounded up).
 */
export const RETRY_BUDGET_MS = 120_000;

/**
 * Reads are idempotent, and a read that gives up aborts the whole run before any write (a re-run repeats every
 * read), so they get more: 0.3^20 (30 % of answers throttled) is below 1e-10 per read, and 5 minutes of backoff
 * is what 20 throttles cost on average with full jitter at the 20 s cap.
 */
export const READ_MAX_ATTEMPTS = 8;
export const READ_MAX_THROTTLED_ATTEMPTS = 20;
export const READ_RETRY_BUDGET_MS = 300_000;

/**
 * Attempts Connect may leave unanswered (each waits the whole request timeout, 30 s by default) before one call
 * gives up, reads and writes alike: three silences in a row is an endpoint that does not answer, not a blip, and
 * eight of them would keep a run waiting four minutes before saying so.
 */
export const MAX_UNANSWERED_ATTEMPTS = 3;

/** Backoff bases, as in the SDK's standard strategy: throttling backs off harder than a transient 5xx. */
export const THROTTLING_BACKOFF_BASE_MS = 1_000;
export const TRANSIENT_BACKOFF_BASE_MS = 100;
/** Cap of one backoff interval (the SDK uses the same 20 s). */
export const MAX_BACKOFF_MS = 20_000;

export interface RetryPolicy {
  /** Attempts for failures other than throttling. */
  maxAttempts: number;
  /** Throttled attempts tolerated before giving up. */
  maxThrottledAttempts: number;
  /** Backoff one call may spend in all (pacing waits and request time not counted) before it gives up. */
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: MAX_ATTEMPTS, maxThrottledAttempts: MAX_THROTTLED_ATTEMPTS, budgetMs: RETRY_BUDGET_MS };
export const READ_RETRY_POLICY: RetryPolicy = {
  maxAttempts: READ_MAX_ATTEMPTS,
  maxThrottledAttempts: READ_MAX_THROTTLED_ATTEMPTS,
  budgetMs: READ_RETRY_BUDGET_MS,
};

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * uniform in [0, min(cap, base * 2^retryIndex)). `retryIndex` is 0 for the first retry.
 */
export function backoffMs(retryIndex: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}
