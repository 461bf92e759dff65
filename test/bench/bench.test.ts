// The benchmark's pure parts: the quota-bound formula and the scenario generator. No timing here.
import { describe, expect, it } from 'vitest';
import { defaultQuotaFor } from '../../src/connect/quotas.js';
import { operationBoundSeconds, quotaBound } from '../../bench/quota-bound.js';
import { buildScenario, DRIFT_EVERY, profileDocument, QUEUE_POOL_SIZE } from '../../bench/scenarios.js';

describe('quotaBound', () => {
  it.each<{ name: string; calls: Record<string, number>; seconds: number }>([
    { name: 'within the burst: no wait', calls: { CreateRoutingProfile: 5 }, seconds: 0 },
    { name: 'beyond the burst: (calls - burst) / rate', calls: { CreateRoutingProfile: 50 }, seconds: 22.5 },
    { name: 'a 500-profile create', calls: { CreateRoutingProfile: 500 }, seconds: 247.5 },
    {
      name: 'a 500-profile plan: Describe and ListRoutingProfileQueues side by side, at 10/s',
      calls: { SearchRoutingProfiles: 1, ListQueues: 1, DescribeRoutingProfile: 500, ListRoutingProfileQueues: 500 },
      seconds: 49,
    },
    {
      name: 'the slowest operation decides',
      calls: { SearchRoutingProfiles: 25, DescribeRoutingProfile: 100 },
      seconds: 10,
    },
    { name: 'no calls', calls: {}, seconds: 0 },
  ])('$name', ({ calls, seconds }) => {
    expect(quotaBound(calls, defaultQuotaFor).seconds).toBeCloseTo(seconds, 9);
  });

  it('names the bottleneck and keeps every operation', () => {
    const bound = quotaBound({ SearchRoutingProfiles: 25, DescribeRoutingProfile: 100, ListQueues: 0 }, defaultQuotaFor);
    expect(bound.bottleneck).toBe('SearchRoutingProfiles');
    expect(bound.operations.map((o) => [o.operation, o.seconds])).toEqual([
      ['DescribeRoutingProfile', 9],
      ['SearchRoutingProfiles', 10],
    ]);
    expect(quotaBound({ ListQueues: 1 }, defaultQuotaFor).bottleneck).toBeUndefined();
  });

  it('uses the quota it is given', () => {
    expect(operationBoundSeconds(30, { ratePerSecond: 20, burst: 10 })).toBe(1);
    expect(() => operationBoundSeconds(1, { ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
  });
});

describe('buildScenario', () => {
  it('no-change: live equals the files', () => {
    const s = buildScenario('no-change', 50);
    expect(s.desired).toHaveLength(50);
    expect(s.seed.profiles).toEqual(s.desired);
    expect(s.seed.queues).toHaveLength(QUEUE_POOL_SIZE);
    expect(s.expectedChanges).toBe(0);
  });

  it('drift: one profile in ten differs, the rest are equal', () => {
    const s = buildScenario('drift', 200);
    const differing = s.desired.filter((d, i) => JSON.stringify(d) !== JSON.stringify(s.seed.profiles[i]));
    expect(differing).toHaveLength(200 / DRIFT_EVERY);
    expect(s.expectedChanges).toBe(200 / DRIFT_EVERY);
    expect(new Set(s.seed.profiles.map((p) => p.name))).toEqual(new Set(s.desired.map((p) => p.name)));
  });

  it('create: the queues exist, no profile does', () => {
    const s = buildScenario('create', 500);
    expect(s.seed.profiles).toEqual([]);
    expect(s.expectedChanges).toBe(500);
  });

  it('gives each profile the asked number of distinct queue-channel pairs, only on its channels', () => {
    for (const configs of [5, 20]) {
      const doc = profileDocument(7, configs);
      const pairs = (doc.queues ?? []).map((q) => `${q.queue}/${q.channel}`);
      expect(new Set(pairs).size).toBe(configs);
      const channels = new Set(doc.mediaConcurrencies.map((m) => m.channel));
      expect((doc.queues ?? []).every((q) => channels.has(q.channel))).toBe(true);
    }
  });

  it('is deterministic and names are unique', () => {
    expect(buildScenario('drift', 50)).toEqual(buildScenario('drift', 50));
    const names = buildScenario('no-change', 500).desired.map((d) => d.name);
    expect(new Set(names).size).toBe(500);
  });

  it('refuses sizes Connect cannot hold', () => {
    expect(() => buildScenario('create', 501)).toThrow(RangeError);
    expect(() => buildScenario('create', 0)).toThrow(RangeError);
  });
});
