// One account's quota buckets. Connect meters its API per account and Region, so every client that calls the
// same account and Region must draw from one set of buckets, or together they would send more than the quota
// allows. Each client keeps its own retries, concurrency and statistics (transport.ts).
import { systemClock, type Clock } from './clock.js';
import type { ConnectOperation } from './operations.js';
import { defaultQuotaFor, type RateQuota } from './quotas.js';
import { TokenBucket } from './token-bucket.js';

/**
 * Headroom under the quota. Connect meters arrivals, we meter departures: connection set-up, a stalled event
 * loop or the network can deliver requests bunched closer than we sent them. Keeping part of the burst in
 * reserve absorbs that: enough tokens to cover PACING_JITTER_ALLOWANCE_MS of bunching at the operation's rate
 * (at least one). It costs a fixed fraction of a second per run, not a share of the throughput. Pacing at 97 %
 * of the rate keeps the reserve from being eaten by clock drift between us and Connect. The rare throttle that
 * still gets through is retried (retry.ts). Measured with `npm run bench`.
 */
export const PACING_RATE_FACTOR = 0.97;
export const PACING_JITTER_ALLOWANCE_MS = 200;

/** Burst tokens the client leaves unused so that bunched arrivals still find Connect's bucket non-empty. */
export function burstReserve(quota: RateQuota): number {
  const forJitter = Math.max(1, Math.ceil((quota.ratePerSecond * PACING_JITTER_ALLOWANCE_MS) / 1000));
  return Math.min(forJitter, quota.burst - 1);
}

/** The bucket the client actually paces with, for an account quota. */
export function pacingQuota(quota: RateQuota): RateQuota {
  return { ratePerSecond: quota.ratePerSecond * PACING_RATE_FACTOR, burst: Math.max(1, quota.burst - burstReserve(quota)) };
}

export class QuotaBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    /** Per-operation overrides for accounts with raised (or lowered) API quotas. */
    private readonly quotas: Partial<Record<string, RateQuota>> = {},
    private readonly clock: Clock = systemClock,
  ) {}

  /** The account quota assumed for an operation: the override, else Connect's published default. */
  quotaFor(operation: ConnectOperation): RateQuota {
    return this.quotas[operation] ?? defaultQuotaFor(operation);
  }

  /** The bucket for an operation, sized a little under its quota (pacingQuota). */
  bucketFor(operation: ConnectOperation): TokenBucket {
    let bucket = this.buckets.get(operation);
    if (!bucket) {
      bucket = new TokenBucket(pacingQuota(this.quotaFor(operation)), this.clock);
      this.buckets.set(operation, bucket);
    }
    return bucket;
  }
}
