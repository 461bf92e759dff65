// After apply, re-read and re-plan: converged means the new plan is empty. Search may lag behind writes
// (README, "Consistency"), so a non-empty plan is retried within a bound before it is reported.
import { systemClock, type Clock } from '../connect/clock.js';
import type { Plan } from '../plan/types.js';

export const DEFAULT_VERIFY_TIMEOUT_MS = 30_000;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 8_000;

export interface VerifyResult {
  converged: boolean;
  notConverged: { name: string; fields: string[] }[];
}

export async function verifyConverged(
  replan: () => Promise<Plan>,
  opts: {
    timeoutMs?: number;
    clock?: Clock;
    signal?: AbortSignal;
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
  for (;;) {
    const plan = await replan();
    const notConverged = plan.changes
      .filter((c) => c.action !== 'no-op')
      .map((c) => ({ name: c.name, fields: c.action === 'create' ? ['(missing)'] : c.diffs.map((d) => d.field) }));
    if (notConverged.length === 0) return { converged: true, notConverged };
    if (notConverged.every((n) => opts.unfinished?.has(n.name))) return { converged: false, notConverged };
    if (waited + delay > timeoutMs || opts.signal?.aborted) return { converged: false, notConverged };
    try {
      await clock.sleep(delay, opts.signal);
    } catch {
      // Interrupted while waiting: report what the last re-read showed.
      return { converged: false, notConverged };
    }
    waited += delay;
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}
