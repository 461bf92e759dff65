// Waiting out Connect's eventual consistency (README, "Consistency": right after a create, Describe may answer
// ResourceNotFoundException and Search may not list the profile, usually for seconds, sometimes minutes).
import { AwsError } from '../errors.js';
import type { Clock } from '../connect/clock.js';

/** How long apply waits for its own new profile to become visible before reporting. */
export const DEFAULT_CONSISTENCY_TIMEOUT_MS = 60_000;
/** Poll intervals: start short (usually seconds), double, and cap so a minute-long lag costs few calls. */
export const CONSISTENCY_FIRST_DELAY_MS = 500;
export const CONSISTENCY_MAX_DELAY_MS = 5_000;

export function isErrorNamed(e: unknown, ...names: string[]): boolean {
  return e instanceof AwsError && names.includes(e.errorName);
}

/**
 * Calls `attempt` until it returns a value other than undefined, or the bound passes (then undefined).
 * Sleeps honour `signal` (the rejection propagates).
 */
export async function pollUntil<T>(
  attempt: () => Promise<T | undefined>,
  opts: { clock: Clock; timeoutMs: number; signal?: AbortSignal },
): Promise<T | undefined> {
  const started = opts.clock.now();
  let delay = CONSISTENCY_FIRST_DELAY_MS;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    const elapsed = opts.clock.now() - started;
    if (elapsed >= opts.timeoutMs) return undefined;
    await opts.clock.sleep(Math.min(delay, opts.timeoutMs - elapsed), opts.signal);
    delay = Math.min(delay * 2, CONSISTENCY_MAX_DELAY_MS);
  }
}

/**
 * Runs `fn`; while it fails with ResourceNotFoundException and `fresh` says the resource is our own new one,
 * retries within the bound. After the bound the error is re-thrown with a message that says why.
 */
export async function retryWhileNotVisible<T>(
  fn: () => Promise<T>,
  opts: { fresh: boolean; clock: Clock; timeoutMs: number; signal?: AbortSignal },
): Promise<T> {
  const started = opts.clock.now();
  let delay = CONSISTENCY_FIRST_DELAY_MS;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (!opts.fresh || !(e instanceof AwsError) || e.errorName !== 'ResourceNotFoundException') throw e;
      const elapsed = opts.clock.now() - started;
      if (elapsed >= opts.timeoutMs) {
        throw new AwsError(
          `${e.message} (the routing profile was created by this run, but Connect still did not find it after ${Math.round(elapsed / 1000)} s of eventual consistency)`,
          e.operation,
          e.errorName,
          'Connect is eventually consistent and sometimes takes minutes; run apply again shortly, it continues where this run stopped.',
          e.profile,
          e.httpStatus,
        );
      }
      await opts.clock.sleep(Math.min(delay, opts.timeoutMs - elapsed), opts.signal);
      delay = Math.min(delay * 2, CONSISTENCY_MAX_DELAY_MS);
    }
  }
}
