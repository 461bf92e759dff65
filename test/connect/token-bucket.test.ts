import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/connect/token-bucket.js';
import { defaultQuotaFor } from '../../src/connect/quotas.js';
import { AdaptiveRate, MIN_ADAPTIVE_RATE_PER_SECOND, RATE_RECOVERY_MS, THROTTLE_RATE_FACTOR } from '../../src/connect/adaptive-rate.js';
import { createLiveReader } from '../../src/connect/reader.js';
import { PacedTransport, pacingQuota } from '../../src/connect/transport.js';
import { FakeConnect, INSTANCE, throttling } from './support/fake-connect.js';
import { ManualClock, VirtualClock } from './support/virtual-clock.js';

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

describe('adaptive pacing', () => {
  const target = 1.94;
  const setup = () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket({ ratePerSecond: target, burst: 4 }, clock);
    return { clock, bucket, rate: new AdaptiveRate(bucket, target, clock) };
  };

  it('a throttle lowers the rate by the SDK adaptive factor and empties the saved-up burst', () => {
    const { bucket, rate } = setup();
    expect(bucket.available()).toBe(4);
    rate.throttled(0);
    expect(bucket.quota.ratePerSecond).toBeCloseTo(target * THROTTLE_RATE_FACTOR, 10);
    expect(bucket.available()).toBeLessThanOrEqual(0);
    expect(bucket.waitTimeMs()).toBeCloseTo(1000 / (target * THROTTLE_RATE_FACTOR), 6);
  });

  it('one decrease per episode: throttles of requests sent before the last decrease do not lower it again', () => {
    const { clock, rate } = setup();
    clock.advance(1_000);
    rate.throttled(500);
    rate.throttled(900);
    expect(rate.rate()).toBeCloseTo(target * THROTTLE_RATE_FACTOR, 10);
    rate.throttled(1_000);
    expect(rate.rate()).toBeCloseTo(target * THROTTLE_RATE_FACTOR ** 2, 10);
  });

  it(`never drops below ${MIN_ADAPTIVE_RATE_PER_SECOND}/s, and climbs back linearly over ${RATE_RECOVERY_MS / 1000} s per full rate`, () => {
    const { clock, bucket, rate } = setup();
    for (let i = 0; i < 20; i++) {
      clock.advance(1);
      rate.throttled(clock.now());
    }
    expect(rate.rate()).toBe(MIN_ADAPTIVE_RATE_PER_SECOND);
    clock.advance(RATE_RECOVERY_MS / 2);
    rate.beforeTake();
    expect(bucket.quota.ratePerSecond).toBeCloseTo(MIN_ADAPTIVE_RATE_PER_SECOND + target / 2, 10);
    clock.advance(RATE_RECOVERY_MS);
    rate.beforeTake();
    expect(bucket.quota.ratePerSecond).toBe(target);
  });

  it('through the transport: retries of a throttled read wait for the slowed bucket, and the retry budget is not what pays', async () => {
    const fake = new FakeConnect();
    fake.addQueue('Basic');
    const clock = new VirtualClock();
    const transport = new PacedTransport(fake, { clock, random: () => 0 });
    fake.faults = [{ operation: 'ListQueues', error: throttling, times: 3 }];
    await createLiveReader(transport).listQueues({ instanceId: INSTANCE });
    expect(fake.count('ListQueues')).toBe(4);
    // Backoff is 0 here (random 0): the time that passed is the slowed pacing alone.
    expect(transport.bucketFor('ListQueues').quota.ratePerSecond).toBeLessThan(pacingQuota(defaultQuotaFor('ListQueues')).ratePerSecond);
    expect(clock.now()).toBeGreaterThan(0);
  });
});
