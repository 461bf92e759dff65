import { LimitExceededException } from '@aws-sdk/client-connect';
import { describe, expect, it } from 'vitest';
import { createConnectWriter } from '../../src/connect/writer.js';
import { createLiveReader } from '../../src/connect/reader.js';
import { NotSentError, OutcomeUnknownError, UnreachableError } from '../../src/connect/errors.js';
import { MAX_THROTTLED_ATTEMPTS, READ_MAX_ATTEMPTS, READ_MAX_THROTTLED_ATTEMPTS, backoffMs, THROTTLING_BACKOFF_BASE_MS } from '../../src/connect/retry.js';
import { PacedTransport, pacingQuota } from '../../src/connect/transport.js';
import { AwsError } from '../../src/errors.js';
import type { Call } from '../../src/plan/types.js';
import { FakeConnect, INSTANCE, connectionRefused, networkReset, sdkError, temporaryDnsFailure, throttling } from './support/fake-connect.js';
import { ManualClock, VirtualClock } from './support/virtual-clock.js';

const create: Call = {
  operation: 'CreateRoutingProfile',
  input: {
    InstanceId: INSTANCE,
    Name: 'Tier1',
    Description: 'd',
    DefaultOutboundQueueId: 'q-basic',
    MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }],
  },
};

function setup(random = () => 0.5) {
  const fake = new FakeConnect();
  fake.addQueue('Basic');
  const clock = new VirtualClock();
  const transport = new PacedTransport(fake, { clock, random });
  return { fake, clock, transport, writer: createConnectWriter(transport), reader: createLiveReader(transport) };
}

describe('retries', () => {
  it('retries throttling with full-jitter exponential backoff and succeeds', async () => {
    const { fake, clock, transport, reader } = setup();
    fake.faults = [{ operation: 'ListQueues', error: throttling, times: 3 }];
    const page = await reader.listQueues({ instanceId: INSTANCE });
    expect(page.items).toHaveLength(1);
    expect(fake.count('ListQueues')).toBe(4);
    // random() = 0.5: half of 1 s, 2 s, 4 s.
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
    expect(transport.stats.snapshot()).toMatchObject({ calls: { ListQueues: 4 }, throttles: 3, retries: 3 });
  });

  it(`gives up on a read after ${READ_MAX_ATTEMPTS} failed attempts with an AwsError naming the operation`, async () => {
    const { fake, reader } = setup(() => 0);
    fake.faults = [{ operation: 'SearchRoutingProfiles', error: () => sdkError('InternalServiceException', 500), times: 100 }];
    const err = await reader.searchRoutingProfiles({ instanceId: INSTANCE }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsError);
    expect(err).toMatchObject({ operation: 'SearchRoutingProfiles', errorName: 'InternalServiceException', httpStatus: 500 });
    expect(fake.count('SearchRoutingProfiles')).toBe(READ_MAX_ATTEMPTS);
  });

  it('counts throttles apart: a read tolerates more of them than a write, and neither gives up early', async () => {
    const { fake, reader, writer } = setup(() => 0);
    const p = fake.addProfile({ name: 'P' });
    fake.faults = [{ operation: 'ListQueues', error: throttling, times: 1_000 }];
    await expect(reader.listQueues({ instanceId: INSTANCE })).rejects.toMatchObject({ errorName: 'ThrottlingException' });
    expect(fake.count('ListQueues')).toBe(READ_MAX_THROTTLED_ATTEMPTS);
    fake.faults = [{ operation: 'UpdateRoutingProfileName', error: throttling, times: 1_000 }];
    const rename: Call = { operation: 'UpdateRoutingProfileName', input: { InstanceId: INSTANCE, RoutingProfileId: p.id, Name: 'P', Description: 'x' } };
    await expect(writer.send(rename)).rejects.toMatchObject({ errorName: 'ThrottlingException' });
    expect(fake.count('UpdateRoutingProfileName')).toBe(MAX_THROTTLED_ATTEMPTS);
  });

  it('counts throttles and other failures apart when they come in one call: neither uses up the other', async () => {
    const { fake, clock, reader } = setup();
    fake.faults = [
      { operation: 'SearchRoutingProfiles', error: throttling, times: 3 },
      { operation: 'SearchRoutingProfiles', error: () => sdkError('InternalServiceException', 500), times: 100 },
    ];
    const err = await reader.searchRoutingProfiles({ instanceId: INSTANCE }).catch((e: unknown) => e);
    expect(err).toMatchObject({ errorName: 'InternalServiceException' });
    expect(fake.count('SearchRoutingProfiles')).toBe(3 + READ_MAX_ATTEMPTS);
    expect((err as AwsError).message).toMatch(new RegExp(`after ${3 + READ_MAX_ATTEMPTS} attempts`));
    // The backoffs (whole ms; the pacing waits between them, slowed by the throttles, are not): random() = 0.5,
    // three throttles from 1 s, then the 5xx series starting again from its own base of 100 ms.
    const backoffs = [500, 1000, 2000, ...Array.from({ length: READ_MAX_ATTEMPTS - 1 }, (_, i) => 50 * 2 ** i)];
    expect(clock.sleeps.filter(Number.isInteger)).toEqual(backoffs);
  });

  it('stops retrying when the backoff would exceed the budget; pacing waits do not count', async () => {
    const fake = new FakeConnect();
    fake.addQueue('Basic');
    const clock = new VirtualClock();
    const transport = new PacedTransport(fake, { clock, random: () => 0.999, retry: { budgetMs: 10_000, maxThrottledAttempts: 100 } });
    fake.faults = [{ operation: 'ListQueues', error: throttling, times: 100 }];
    const err = await createLiveReader(transport).listQueues({ instanceId: INSTANCE }).catch((e: unknown) => e);
    expect(err).toMatchObject({ errorName: 'ThrottlingException' });
    // Backoff 999 + 1998 + 3996 ms spent; the next (7992 ms) would pass 10 s.
    expect(fake.count('ListQueues')).toBe(4);
    expect((err as AwsError).message).toMatch(/after 4 attempts/);
  });

  it('backoff is bounded by base * 2^n and by the cap', () => {
    expect(backoffMs(0, THROTTLING_BACKOFF_BASE_MS, () => 0.999)).toBe(999);
    expect(backoffMs(3, THROTTLING_BACKOFF_BASE_MS, () => 0.999)).toBe(7992);
    expect(backoffMs(10, THROTTLING_BACKOFF_BASE_MS, () => 0.999)).toBe(19980);
    expect(backoffMs(5, THROTTLING_BACKOFF_BASE_MS, () => 0)).toBe(0);
  });

  it('does not retry LimitExceededException on CreateRoutingProfile and names the quota', async () => {
    const { fake, writer } = setup();
    fake.faults = [{ operation: 'CreateRoutingProfile', error: () => new LimitExceededException({ message: 'Limit exceeded', $metadata: { httpStatusCode: 429 } }) }];
    const err = await writer.send(create, { profile: 'Tier1' }).catch((e: unknown) => e);
    expect(fake.count('CreateRoutingProfile')).toBe(1);
    expect(err).toBeInstanceOf(AwsError);
    expect((err as AwsError).message).toContain('500 routing profiles per instance');
    expect((err as AwsError).hint).toMatch(/Service Quotas/);
    expect((err as AwsError).profile).toBe('Tier1');
  });

  it('does not retry client errors', async () => {
    const { fake, writer } = setup();
    fake.faults = [{ operation: 'CreateRoutingProfile', error: () => sdkError('InvalidParameterException', 400) }];
    await expect(writer.send(create)).rejects.toMatchObject({ errorName: 'InvalidParameterException' });
    expect(fake.count('CreateRoutingProfile')).toBe(1);
  });

  it('reports a lost answer on a non-idempotent write as outcome unknown, without resending', async () => {
    const { fake, transport, writer } = setup();
    fake.faults = [{ operation: 'CreateRoutingProfile', error: networkReset, afterCommit: true }];
    const err = await writer.send(create, { profile: 'Tier1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err).toMatchObject({ errorName: 'ECONNRESET', outcome: 'unknown' });
    expect(fake.count('CreateRoutingProfile')).toBe(1);
    expect(transport.stats.snapshot().outcomeUnknown).toBe(1);
  });

  it('retries a network error that happened before anything was sent, even for a create', async () => {
    const { fake, writer } = setup();
    fake.faults = [{ operation: 'CreateRoutingProfile', error: temporaryDnsFailure }];
    const out = await writer.send(create);
    expect(out.routingProfileId).toBeDefined();
    expect(fake.count('CreateRoutingProfile')).toBe(2);
  });

  it('Connect unreachable (connection refused): no retry, and nothing more is sent by anyone', async () => {
    const { fake, clock, transport, writer, reader } = setup();
    fake.faults = [{ operation: 'CreateRoutingProfile', error: connectionRefused, times: 100 }];
    const err = await writer.send(create, { profile: 'Tier1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect(err).toMatchObject({ operation: 'CreateRoutingProfile', errorName: 'ECONNREFUSED', maybeApplied: false, hint: expect.stringContaining('--endpoint-url') });
    expect(fake.count('CreateRoutingProfile')).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(transport.unreachable).toBe(true);
    // Later calls, reads included, are refused without a request.
    await expect(reader.listQueues({ instanceId: INSTANCE })).rejects.toBeInstanceOf(UnreachableError);
    expect(fake.log).toHaveLength(1);
  });

  it('a call backing off after a throttle is woken at once when another finds Connect unreachable', async () => {
    const fake = new FakeConnect();
    fake.addQueue('Basic');
    const clock = new ManualClock();
    const reader = createLiveReader(new PacedTransport(fake, { clock, random: () => 0.999 }));
    fake.faults = [
      { operation: 'ListQueues', error: throttling },
      { operation: 'SearchRoutingProfiles', error: connectionRefused },
    ];
    const backingOff = reader.listQueues({ instanceId: INSTANCE }).catch((e: unknown) => e);
    await clock.advance(0);
    await expect(reader.searchRoutingProfiles({ instanceId: INSTANCE })).rejects.toBeInstanceOf(UnreachableError);
    expect(await backingOff).toBeInstanceOf(UnreachableError);
    // No time passed: the 999 ms backoff was cut short, and ListQueues was not sent again.
    expect(clock.now()).toBe(0);
    expect(fake.ops()).toEqual(['ListQueues', 'SearchRoutingProfiles']);
  });

  it('an idempotent update whose answer was lost, then found Connect gone, says it may have been applied', async () => {
    const { fake, writer } = setup();
    const p = fake.addProfile({ name: 'P' });
    fake.faults = [{ operation: 'UpdateRoutingProfileName', error: networkReset, afterCommit: true }];
    const rename: Call = { operation: 'UpdateRoutingProfileName', input: { InstanceId: INSTANCE, RoutingProfileId: p.id, Name: 'Q', Description: 'x' } };
    const originalSend = fake.send.bind(fake);
    fake.send = async (command) => {
      if (fake.log.length >= 1) throw connectionRefused();
      return originalSend(command);
    };
    await expect(writer.send(rename)).rejects.toMatchObject({ name: 'AwsError', maybeApplied: true });
  });

  it('retries a lost answer on an idempotent update', async () => {
    const { fake, writer } = setup();
    const p = fake.addProfile({ name: 'P' });
    fake.faults = [{ operation: 'UpdateRoutingProfileName', error: networkReset, afterCommit: true }];
    await writer.send({ operation: 'UpdateRoutingProfileName', input: { InstanceId: INSTANCE, RoutingProfileId: p.id, Name: 'Q', Description: 'x' } });
    expect(fake.count('UpdateRoutingProfileName')).toBe(2);
    expect(p.name).toBe('Q');
  });

  it('sends nothing once the signal is aborted', async () => {
    const { fake, writer } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(writer.send(create, { signal: controller.signal })).rejects.toBeInstanceOf(NotSentError);
    expect(fake.log).toHaveLength(0);
  });
});

describe('pacing', () => {
  it('paces a burst of calls to the operation quota instead of being throttled', async () => {
    const fake = new FakeConnect();
    const p = fake.addProfile({ name: 'P' });
    const clock = new VirtualClock();
    const reader = createLiveReader(fake, { clock, quotas: { DescribeRoutingProfile: { ratePerSecond: 2, burst: 3 } } });
    await Promise.all(Array.from({ length: 6 }, () => reader.describeRoutingProfile({ instanceId: INSTANCE, routingProfileId: p.id })));
    // Paced at 97 % of the rate with one token in reserve: 2 at once, then 4 more at 1.94 per second.
    expect(clock.now()).toBeCloseTo((4 / 1.94) * 1000, 6);
    expect(fake.count('DescribeRoutingProfile')).toBe(6);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow = {
      async send() {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight -= 1;
        return { QueueSummaryList: [] };
      },
    };
    const reader = createLiveReader(slow, { concurrency: 3, quotas: { ListQueues: { ratePerSecond: 1000, burst: 1000 } } });
    await Promise.all(Array.from({ length: 12 }, () => reader.listQueues({ instanceId: INSTANCE })));
    expect(peak).toBe(3);
  });
});

describe('pacing headroom', () => {
  it.each([
    [{ ratePerSecond: 2, burst: 5 }, { ratePerSecond: 1.94, burst: 4 }],
    [{ ratePerSecond: 10, burst: 10 }, { ratePerSecond: 9.7, burst: 8 }],
    [{ ratePerSecond: 50, burst: 10 }, { ratePerSecond: 48.5, burst: 1 }],
    [{ ratePerSecond: 1, burst: 1 }, { ratePerSecond: 0.97, burst: 1 }],
  ])('quota %j is paced as %j (a reserve covering 200 ms of bunched arrivals)', (quota, paced) => {
    const got = pacingQuota(quota);
    expect(got.burst).toBe(paced.burst);
    expect(got.ratePerSecond).toBeCloseTo(paced.ratePerSecond, 10);
  });
});
