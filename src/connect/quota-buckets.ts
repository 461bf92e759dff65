// One account's quota buckets. Connect meters its API per account and Region, so every client that calls the
// same account and Region must draw from one set of buckets, or together they would send more than the quota
// allows. Each client keeps its own retries, concurrency and statistics (transport.ts).
import { AdaptiveRate } from './adaptive-rate.js';
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

/** An operation's bucket and the adaptive rate that moves it. */
export interface Pace {
  bucket: TokenBucket;
  rate: AdaptiveRate;
}

export class QuotaBuckets {
  /**
   * A bucket's adaptive rate travels with the bucket: whoever draws from it slows it down and lets it recover,
   * so transports sharing these buckets (one account's quota) share what throttling taught.
   */
  private readonly paces = new Map<string, Pace>();

  constructor(
    /** Per-operation overrides for accounts with raised (or lowered) API quotas. */
    private readonly quotas: Partial<Record<string, RateQuota>> = {},
    private readonly clock: Clock = systemClock,
  ) {}

  /** The account quota assumed for an operation: the override, else Connect's published default. */
  quotaFor(operation: ConnectOperation): RateQuota {
    return this.quotas[operation] ?? defaultQuotaFor(operation);
  }

  /** The bucket for an operation, sized a little under its quota (pacingQuota), its rate adapted to throttles. */
  bucketFor(operation: ConnectOperation): TokenBucket {
    return this.paceFor(operation).bucket;
  }

  paceFor(operation: ConnectOperation): Pace {
    let pace = this.paces.get(operation);
    if (!pace) {
      const bucket = new TokenBucket(pacingQuota(this.quotaFor(operation)), this.clock);
      pace = { bucket, rate: new AdaptiveRate(bucket, bucket.quota.ratePerSecond, this.clock) };
      this.paces.set(operation, pace);
    }
    return pace;
  }
}
