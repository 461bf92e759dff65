// After apply, re-read and re-plan: converged means the new plan is empty. Search may lag behind writes
// (README, "Consistency"), so a non-empty plan is retried within a bound before it is reported.
// The re-read can fail (Connect went away mid-apply, a read ran out of retries): that never throws away the
// report of what apply did. It becomes a verification that failed, with why, beside the report.
import { systemClock, type Clock } from '../connect/clock.js';
import { AwsError } from '../errors.js';
import type { Plan } from '../plan/types.js';
import type { ApplyResult, Verification } from './types.js';

export const DEFAULT_VERIFY_TIMEOUT_MS = 30_000;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 8_000;

export interface VerifyResult {
  converged: boolean;
  notConverged: { name: string; fields: string[] }[];
  verification: Verification;
}

export interface VerifyOptions {
  timeoutMs?: number;
  clock?: Clock;
  signal?: AbortSignal;
}

/**
 * Verifies an apply: the result with `converged`, `notConverged` and `verification` set. Not run when apply was
 * interrupted (the user asked to stop) or Connect became unreachable (the re-read could only fail). Never throws.
 */
export async function verifyApply(result: ApplyResult, replan: () => Promise<Plan>, opts: VerifyOptions = {}): Promise<ApplyResult> {
  const notRun = (reason: string): ApplyResult => ({ ...result, converged: false, notConverged: [], verification: { status: 'not-run', reason } });
  if (result.interrupted) return notRun('apply was interrupted');
  if (result.unreachable) return notRun('Connect became unreachable during apply');
  // Expected to differ, so reported but never waited for: what failed, was skipped, or was blocked by the plan.
  const unfinished = new Set(result.changes.filter((c) => c.outcome === 'failed' || c.outcome === 'skipped' || c.outcome === 'blocked').map((c) => c.name));
  try {
    const verified = await verifyConverged(replan, { ...opts, unfinished });
    return { ...result, converged: verified.converged, notConverged: verified.notConverged, verification: verified.verification };
  } catch (e) {
    return { ...result, converged: false, notConverged: [], verification: { status: 'failed', error: failureText(e) } };
  }
}

/** How a re-read failure reads in the report: the operation and Connect's error, as the CLI says them. */
function failureText(e: unknown): string {
  if (e instanceof AwsError) return `${e.operation}${e.profile ? ` for routing profile "${e.profile}"` : ''} failed: ${e.errorName}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

export async function verifyConverged(
  replan: () => Promise<Plan>,
  opts: VerifyOptions & {
    /**
     * Profiles whose apply failed or was skipped: they are expected to differ, so they are reported but never
     * waited for (waiting out the bound for them would only delay the report of a failure already known).
     */
    unfinished?: ReadonlySet<string>;
  } = {},
): Promise<VerifyResult> {
  const clock = opts.clock ?? systemClock;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
  // The bound is on time spent waiting for Connect to catch up, not on reading: a re-read of hundreds of
  // profiles, paced, can itself take longer than the bound, and counting it would leave no second look at a
  // profile that Search had not listed yet when the first re-read began.
  let waited = 0;
  let delay = FIRST_DELAY_MS;
  const differs = (notConverged: VerifyResult['notConverged']): VerifyResult => ({
    converged: false,
    notConverged,
    verification: { status: 'not-converged', notConverged },
  });
  for (;;) {
    // A re-read that fails is thrown to the caller (verifyApply turns it into a failed verification).
    const plan = await replan();
    const notConverged = plan.changes
      .filter((c) => c.action !== 'no-op')
      .map((c) => ({ name: c.name, fields: c.action === 'create' ? ['(missing)'] : c.diffs.map((d) => d.field) }));
    if (notConverged.length === 0) return { converged: true, notConverged, verification: { status: 'converged' } };
    if (notConverged.every((n) => opts.unfinished?.has(n.name))) return differs(notConverged);
    if (waited + delay > timeoutMs || opts.signal?.aborted) return differs(notConverged);
    try {
      await clock.sleep(delay, opts.signal);
    } catch {
      // Interrupted while waiting: report what the last re-read showed.
      return differs(notConverged);
    }
    waited += delay;
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}
