// Environments of one account and Region share that account's quota buckets; each keeps its own statistics.
import { describe, expect, it } from 'vitest';
import type { ConnectCommand } from '../../src/connect/commands.js';
import { pacingQuota, QuotaBuckets } from '../../src/connect/quota-buckets.js';
import { defaultQuotaFor } from '../../src/connect/quotas.js';
import { PacedTransport, type CommandSender } from '../../src/connect/transport.js';
import { ManualClock } from './support/virtual-clock.js';

/** Connect as a counter of what arrived. */
function connect(): CommandSender & { received: number } {
  const sender = {
    received: 0,
    send: async () => {
      sender.received++;
      return {};
    },
  };
  return sender;
}

const QUOTAS = { DescribeRoutingProfile: { ratePerSecond: 10, burst: 10 } };
// pacingQuota keeps 2 tokens of the 10 in reserve: 8 may go at once.
const AT_ONCE = 8;

function sendMany(transport: PacedTransport, n: number): Promise<unknown>[] {
  return Array.from({ length: n }, () => transport.execute('DescribeRoutingProfile', {} as ConnectCommand));
}

describe('QuotaBuckets', () => {
  it('shared by two transports, lets through one burst between them, not one each; statistics stay per transport', async () => {
    const clock = new ManualClock();
    const buckets = new QuotaBuckets(QUOTAS, clock);
    const [a, b] = [connect(), connect()];
    const dev = new PacedTransport(a, { buckets, clock });
    const test = new PacedTransport(b, { buckets, clock });
    const pending = [...sendMany(dev, AT_ONCE), ...sendMany(test, AT_ONCE)];
    await clock.advance(0);
    expect(a.received + b.received).toBe(AT_ONCE);
    expect(dev.bucketFor('DescribeRoutingProfile')).toBe(test.bucketFor('DescribeRoutingProfile'));
    // The rest follow at the shared rate (9.7/s): all 16 within a second.
    await clock.advance(1000);
    await Promise.all(pending);
    expect([a.received, b.received]).toEqual([AT_ONCE, AT_ONCE]);
    expect(dev.stats.snapshot().totalCalls).toBe(AT_ONCE);
    expect(test.stats.snapshot().totalCalls).toBe(AT_ONCE);
  });

  it('not shared (other accounts): each transport has its own burst', async () => {
    const clock = new ManualClock();
    const [a, b] = [connect(), connect()];
    const dev = new PacedTransport(a, { quotas: QUOTAS, clock });
    const prod = new PacedTransport(b, { quotas: QUOTAS, clock });
    const pending = [...sendMany(dev, AT_ONCE), ...sendMany(prod, AT_ONCE)];
    await clock.advance(0);
    expect([a.received, b.received]).toEqual([AT_ONCE, AT_ONCE]);
    await Promise.all(pending);
  });

  it('a throttle one transport meets slows the other too: the adaptive rate goes with the shared bucket', async () => {
    const clock = new ManualClock();
    const buckets = new QuotaBuckets(QUOTAS, clock);
    const throttles: CommandSender = {
      send: () => Promise.reject(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } })),
    };
    const dev = new PacedTransport(throttles, { buckets, clock, retry: { maxThrottledAttempts: 1 } });
    const test = new PacedTransport(connect(), { buckets, clock });
    await expect(dev.execute('DescribeRoutingProfile', {} as ConnectCommand)).rejects.toMatchObject({ errorName: 'ThrottlingException' });
    const lowered = buckets.bucketFor('DescribeRoutingProfile').quota.ratePerSecond;
    expect(lowered).toBeLessThan(pacingQuota(QUOTAS.DescribeRoutingProfile).ratePerSecond);
    // The other transport's next call keeps the lowered rate rather than resetting it to the paced one.
    const next = test.execute('DescribeRoutingProfile', {} as ConnectCommand);
    await clock.advance(1000);
    await next;
    expect(test.bucketFor('DescribeRoutingProfile').quota.ratePerSecond).toBeLessThan(pacingQuota(QUOTAS.DescribeRoutingProfile).ratePerSecond);
  });

  it('paces with the published default for an operation without an override', () => {
    const buckets = new QuotaBuckets({}, new ManualClock());
    expect(buckets.quotaFor('ListQueues')).toEqual(defaultQuotaFor('ListQueues'));
    expect(buckets.bucketFor('ListQueues')).toBe(buckets.bucketFor('ListQueues'));
  });
});
