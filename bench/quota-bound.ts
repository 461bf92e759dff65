// The quota bound: the least wall time Connect's rate quotas allow for a given set of calls. Each operation has
// its own token bucket (connect-api README, "API rate quotas"), starting full on a quiet account: the first
// `burst` calls go at once, every further call waits 1/rate. Operations on separate buckets run side by side,
// so the run can be no shorter than its slowest operation. Pure, so the benchmark and its test share it.
import type { RateQuota } from '../src/connect/quotas.js';

export interface OperationBound {
  operation: string;
  calls: number;
  quota: RateQuota;
  /** max(0, calls - burst) / rate. */
  seconds: number;
}

export interface QuotaBound {
  /** The slowest operation's time: the bound for the whole run. */
  seconds: number;
  /** The operation that sets the bound; undefined when nothing has to wait. */
  bottleneck?: string;
  operations: OperationBound[];
}

export function operationBoundSeconds(calls: number, quota: RateQuota): number {
  if (!(quota.ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be > 0, got ${quota.ratePerSecond}`);
  return Math.max(0, calls - quota.burst) / quota.ratePerSecond;
}

export function quotaBound(calls: Readonly<Record<string, number>>, quotaFor: (operation: string) => RateQuota): QuotaBound {
  const operations = Object.keys(calls)
    .sort()
    .filter((operation) => (calls[operation] ?? 0) > 0)
    .map((operation) => {
      const n = calls[operation] ?? 0;
      const quota = quotaFor(operation);
      return { operation, calls: n, quota, seconds: operationBoundSeconds(n, quota) };
    });
  let slowest: OperationBound | undefined;
  for (const op of operations) if (op.seconds > 0 && (!slowest || op.seconds > slowest.seconds)) slowest = op;
  return { seconds: slowest?.seconds ?? 0, bottleneck: slowest?.operation, operations };
}
