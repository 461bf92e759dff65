// Adaptive pacing: when Connect throttles, send slower instead of spending the retry budget. Connect's quotas
// are per account and Region, shared with the contact centre's own integrations, so a throttle means someone
// else is using part of the rate we paced for. The answer is to take less (multiplicative decrease, as the
// SDK's own adaptive retry mode does with its beta of 0.7) and to take it back slowly once the throttles stop
// (a linear climb back to the paced rate), so a busy neighbour is not pushed into throttles of its own.
import type { Clock } from './clock.js';
import type { TokenBucket } from './token-bucket.js';

/** A throttle multiplies the operation's rate by this (the SDK's adaptive mode uses the same beta). */
export const THROTTLE_RATE_FACTOR = 0.7;
/** The rate never drops below this many requests per second (the SDK's adaptive minimum fill rate), nor above the paced rate. */
export const MIN_ADAPTIVE_RATE_PER_SECOND = 0.5;
/** Without a throttle, the rate climbs back by one full paced rate per this many milliseconds. */
export const RATE_RECOVERY_MS = 30_000;

export class AdaptiveRate {
  /** The rate right after the last decrease, and when it happened. */
  private lowered?: { rate: number; at: number };

  constructor(
    private readonly bucket: TokenBucket,
    /** The rate pacing aims for when nothing throttles (pacingQuota of the account quota). */
    private readonly target: number,
    private readonly clock: Clock,
  ) {}

  /** The rate now: the lowered rate, climbing linearly back to the target. */
  rate(): number {
    if (!this.lowered) return this.target;
    const climbed = this.lowered.rate + (this.target * (this.clock.now() - this.lowered.at)) / RATE_RECOVERY_MS;
    if (climbed >= this.target) {
      this.lowered = undefined;
      return this.target;
    }
    return climbed;
  }

  /** Brings the bucket's rate up to date before a token is taken. */
  beforeTake(): void {
    const rate = this.rate();
    if (rate !== this.bucket.quota.ratePerSecond) this.bucket.setRate(rate);
  }

  /**
   * A request sent at `sentAt` was throttled. Throttles of requests sent before the last decrease were sent at
   * the old rate and say nothing new: one decrease per episode, not one per request in flight (TCP's rule).
   */
  throttled(sentAt: number): void {
    this.bucket.drain();
    if (this.lowered && sentAt < this.lowered.at) return;
    const floor = Math.min(this.target, MIN_ADAPTIVE_RATE_PER_SECOND);
    const rate = Math.max(floor, this.rate() * THROTTLE_RATE_FACTOR);
    this.lowered = { rate, at: this.clock.now() };
    this.bucket.setRate(rate);
  }
}
