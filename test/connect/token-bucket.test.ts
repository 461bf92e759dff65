import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/connect/token-bucket.js';
import { defaultQuotaFor } from '../../src/connect/quotas.js';
import { ManualClock } from './support/virtual-clock.js';

describe('TokenBucket', () => {
  it('lets a full burst through at once, then one token per 1/rate seconds', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 5 }, clock);
    const done: number[] = [];
    const takes = Array.from({ length: 8 }, (_, i) => bucket.take().then(() => done.push(i)));
    await clock.advance(0);
    expect(done).toEqual([0, 1, 2, 3, 4]);
    await clock.advance(499);
    expect(done).toHaveLength(5);
    await clock.advance(1);
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    await clock.advance(500);
    expect(done).toHaveLength(7);
    await clock.advance(500);
    await Promise.all(takes);
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('refills over time but never above the burst', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 10 }, clock);
    for (let i = 0; i < 10; i++) await bucket.take();
    expect(bucket.available()).toBeCloseTo(0);
    await clock.advance(300);
    expect(bucket.available()).toBeCloseTo(3);
    await clock.advance(60_000);
    expect(bucket.available()).toBe(10);
    expect(bucket.waitTimeMs()).toBe(0);
  });

  it('serves waiters first come, first served and reports the wait a newcomer would have', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 }, clock);
    await bucket.take();
    const order: string[] = [];
    const a = bucket.take().then(() => order.push('a'));
    const b = bucket.take().then(() => order.push('b'));
    expect(bucket.waitTimeMs()).toBe(3000);
    await clock.advance(1000);
    await clock.advance(1000);
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('gives a reservation back when the wait is aborted', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 }, clock);
    await bucket.take();
    const controller = new AbortController();
    const waiting = bucket.take(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    expect(bucket.available()).toBeCloseTo(0);
  });

  it('is sized from the published quotas by default', () => {
    const clock = new ManualClock();
    expect(new TokenBucket(defaultQuotaFor('SearchRoutingProfiles'), clock).available()).toBe(5);
    expect(new TokenBucket(defaultQuotaFor('DescribeRoutingProfile'), clock).available()).toBe(10);
  });

  it('rejects a nonsensical quota', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 5 }, new ManualClock())).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 1, burst: 0 }, new ManualClock())).toThrow(RangeError);
  });
});
