// Client-side pacing: one token bucket per Connect operation, mirroring how Connect meters each operation
// (connect-api README, "API rate quotas": per account and Region, token bucket). Staying under the bucket
// means runs are paced instead of throttled, so retries stay the exception.
import { abortReason, type Clock } from './clock.js';
import type { RateQuota } from './quotas.js';

/**
 * A token bucket that hands out tokens in request order. Waiters reserve a token up front (the balance may go
 * negative), so concurrent callers are served first come, first served, and nobody is starved.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private current: RateQuota;

  constructor(
    quota: RateQuota,
    private readonly clock: Clock,
  ) {
    if (!(quota.ratePerSecond > 0) || !(quota.burst >= 1)) {
      throw new RangeError(`invalid rate quota ${JSON.stringify(quota)}: ratePerSecond > 0 and burst >= 1 required`);
    }
    this.current = { ...quota };
    this.tokens = quota.burst;
    this.last = clock.now();
  }

  /** The rate and burst the bucket refills with now (the rate moves with adaptive pacing). */
  get quota(): RateQuota {
    return this.current;
  }

  /** Changes the refill rate from now on; tokens earned so far were earned at the old rate. */
  setRate(ratePerSecond: number): void {
    if (!(ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be > 0, got ${ratePerSecond}`);
    this.refill();
    this.current = { ...this.current, ratePerSecond };
  }

  /**
   * Forgets the tokens saved up (queued reservations stay): after a throttle, Connect's bucket is empty, so a
   * burst from ours would only be throttled too.
   */
  drain(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
  }

  /** Tokens available now (negative while callers are queued). For tests and diagnostics. */
  available(): number {
    this.refill();
    return this.tokens;
  }

  /** How long a caller arriving now would wait, in ms. */
  waitTimeMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.current.ratePerSecond) * 1000;
  }

  /** Waits until one token is this caller's. An abort while waiting gives the reservation back. */
  async take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortReason(signal);
    const waitMs = this.waitTimeMs();
    this.tokens -= 1;
    if (waitMs <= 0) return;
    try {
      await this.clock.sleep(waitMs, signal);
    } catch (e) {
      this.tokens += 1;
      throw e;
    }
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    this.tokens = Math.min(this.current.burst, this.tokens + (elapsed / 1000) * this.current.ratePerSecond);
  }
}
