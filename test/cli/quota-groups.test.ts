// Which environments of one run share quota buckets: those of one account and Region.
import { describe, expect, it } from 'vitest';
import { quotaBucketsFor } from '../../src/cli/quota-groups.js';
import type { Target } from '../../src/cli/target.js';

function target(environment: string, instanceId: string, region: string, quotas: Target['quotas'] = {}): Target {
  return { environment, dir: 'profiles', instanceId, region, ignoreShellEndpoint: true, quotas, warnings: [], notes: [] };
}

const arn = (region: string, account: string, id: string) => `arn:aws:connect:${region}:${account}:instance/${id}`;

describe('quotaBucketsFor', () => {
  it('shares one set of buckets per account and Region, and gives every other environment its own', () => {
    const { buckets, warnings } = quotaBucketsFor([
      target('dev', arn('eu-west-2', '111111111111', 'a'), 'eu-west-2'),
      target('test', arn('eu-west-2', '111111111111', 'b'), 'eu-west-2'),
      target('prod', arn('eu-west-2', '222222222222', 'c'), 'eu-west-2'),
      target('dr', arn('eu-west-1', '222222222222', 'd'), 'eu-west-1'),
    ]);
    const [dev, test, prod, dr] = buckets;
    expect(dev).toBe(test);
    expect(new Set([dev, prod, dr]).size).toBe(3);
    expect(warnings).toEqual([]);
  });

  it('bare instance IDs name no account: they share with each other within a Region', () => {
    const { buckets } = quotaBucketsFor([target('a', 'id-a', 'eu-west-2'), target('b', 'id-b', 'eu-west-2'), target('c', 'id-c', 'us-east-1')]);
    const [a, b, c] = buckets;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('a bare instance ID may be in any account of its Region: every environment there shares with it', () => {
    const { buckets } = quotaBucketsFor([
      target('dev', arn('eu-west-2', '111111111111', 'a'), 'eu-west-2'),
      target('prod', arn('eu-west-2', '222222222222', 'b'), 'eu-west-2'),
      target('sandbox', 'id-c', 'eu-west-2'),
      target('us', arn('us-east-1', '222222222222', 'd'), 'us-east-1'),
    ]);
    const [dev, prod, sandbox, us] = buckets;
    expect(dev).toBe(sandbox);
    expect(prod).toBe(sandbox);
    expect(us).not.toBe(sandbox);
  });

  it("paces a shared account with the first environment's quotas, and says so when another sets different ones", () => {
    const fast = { DescribeRoutingProfile: { ratePerSecond: 20, burst: 40 } };
    const { buckets, warnings } = quotaBucketsFor([
      target('dev', arn('eu-west-2', '111111111111', 'a'), 'eu-west-2', fast),
      target('test', arn('eu-west-2', '111111111111', 'b'), 'eu-west-2'),
    ]);
    expect(buckets[1]?.quotaFor('DescribeRoutingProfile')).toEqual({ ratePerSecond: 20, burst: 40 });
    expect(warnings).toEqual(["environments dev and test call the same account and Region but set different quotas: both are paced with dev's"]);
  });

  it('the same quotas written in another order are the same quotas: no warning', () => {
    const { warnings } = quotaBucketsFor([
      target('dev', arn('eu-west-2', '111111111111', 'a'), 'eu-west-2', { SearchRoutingProfiles: { ratePerSecond: 2, burst: 2 }, DescribeRoutingProfile: { ratePerSecond: 20, burst: 40 } }),
      target('test', arn('eu-west-2', '111111111111', 'b'), 'eu-west-2', { DescribeRoutingProfile: { burst: 40, ratePerSecond: 20 }, SearchRoutingProfiles: { ratePerSecond: 2, burst: 2 } }),
    ]);
    expect(warnings).toEqual([]);
  });
});
