// Connect's API rate quotas are per-operation token buckets (admin guide); a request finding its bucket
// empty is answered ThrottlingException (429).
import { defaultQuotaFor, type RateQuota } from '../connect/quotas.js';
import type { Clock } from './clock.js';
import type { QuotaSetting } from './types.js';

export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly quota: RateQuota,
    private readonly clock: Clock,
  ) {
    // Starts full: a quiet account can send a whole burst at once.
    this.tokens = quota.burst;
    this.last = clock.now();
  }

  tryTake(): boolean {
    const now = this.clock.now();
    this.tokens = Math.min(this.quota.burst, this.tokens + ((now - this.last) / 1000) * this.quota.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class Quotas {
  private buckets = new Map<string, TokenBucket>();
  constructor(
    private setting: QuotaSetting,
    private readonly clock: Clock,
  ) {}

  /** Replaces the setting; buckets start full again. */
  set(setting: QuotaSetting): void {
    this.setting = setting;
    this.buckets.clear();
  }

  /** The quota that applies to an operation; none when quotas are off or the custom table leaves it out. */
  quotaFor(operation: string): RateQuota | undefined {
    if (this.setting === 'off') return undefined;
    if (this.setting === 'connect-defaults') return defaultQuotaFor(operation);
    return this.setting[operation];
  }

  /** False when the operation's bucket is empty: the request is throttled. */
  admit(operation: string): boolean {
    const quota = this.quotaFor(operation);
    if (!quota) return true;
    let bucket = this.buckets.get(operation);
    if (!bucket) {
      bucket = new TokenBucket(quota, this.clock);
      this.buckets.set(operation, bucket);
    }
    return bucket.tryTake();
  }
}
