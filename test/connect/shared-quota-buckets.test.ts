// Quotas are per account and Region: environments of one account and Region planned in one run draw from one
// set of buckets, environments in other accounts (or Regions) from their own. From connect-gitops.yaml through
// the targets to the buckets each environment's transport paces with, and what that does to a run's time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dump } from 'js-yaml';
import { createLiveReader } from '../../src/connect/reader.js';
import { QuotaBuckets } from '../../src/connect/quota-buckets.js';
import { PacedTransport, pacingQuota } from '../../src/connect/transport.js';
import { quotaBucketsFor } from '../../src/cli/quota-groups.js';
import { resolveTargets } from '../../src/cli/target.js';
import { FakeConnect, INSTANCE } from './support/fake-connect.js';
import { VirtualClock } from './support/virtual-clock.js';

const arn = (region: string, account: string, id: string): string => `arn:aws:connect:${region}:${account}:instance/${id}`;

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** The buckets of every environment of a config file, as plan --env all builds them. */
function bucketsOf(environments: Record<string, { instanceId: string; region?: string }>, quotas?: object) {
  root = mkdtempSync(join(tmpdir(), 'cg-quota-groups-'));
  writeFileSync(join(root, 'connect-gitops.yaml'), dump({ ...(quotas ? { quotas } : {}), environments }));
  const targets = resolveTargets({ env: ['all'] }, { PATH: process.env.PATH ?? '' }, root);
  const { buckets, warnings } = quotaBucketsFor(targets);
  return { byName: new Map(targets.map((t, i) => [t.environment ?? '', buckets[i] as QuotaBuckets])), warnings };
}

describe('which environments share quota buckets', () => {
  it('from connect-gitops.yaml: the account and Region of each instance ARN decide; bare IDs in one Region share', () => {
    // test/cli/quota-groups.test.ts holds the grouping rule to hand-made targets; this goes through the file.
    const { byName } = bucketsOf({
      dev: { instanceId: arn('eu-west-2', '111111111111', 'a') },
      test: { instanceId: arn('eu-west-2', '111111111111', 'b') },
      prod: { instanceId: arn('eu-west-2', '222222222222', 'c') },
      dr: { instanceId: arn('eu-central-1', '111111111111', 'd') },
      lab: { instanceId: 'e', region: 'eu-west-1' },
      sandbox: { instanceId: 'f', region: 'eu-west-1' },
    });
    expect(byName.get('dev')).toBe(byName.get('test'));
    expect(byName.get('lab')).toBe(byName.get('sandbox'));
    expect(new Set(['dev', 'prod', 'dr', 'lab'].map((n) => byName.get(n))).size).toBe(4);
  });

  it('a shared bucket is one bucket: what dev draws, test no longer has; prod, in another account, still has all of its own', async () => {
    // A rate so low that no token comes back during the test: the balance is what the reads took.
    const quota = { ratePerSecond: 0.001, burst: 3 };
    const { byName } = bucketsOf(
      {
        dev: { instanceId: arn('eu-west-2', '111111111111', 'a') },
        test: { instanceId: arn('eu-west-2', '111111111111', 'b') },
        prod: { instanceId: arn('eu-west-2', '222222222222', 'c') },
      },
      { DescribeRoutingProfile: quota },
    );
    const fake = new FakeConnect();
    const profile = fake.addProfile({ name: 'P' });
    const transport = (name: string) => new PacedTransport(fake, { buckets: byName.get(name) as QuotaBuckets });
    const dev = transport('dev');
    const usable = pacingQuota(quota).burst;
    for (let i = 0; i < usable; i++) await createLiveReader(dev).describeRoutingProfile({ instanceId: INSTANCE, routingProfileId: profile.id });
    expect(fake.count('DescribeRoutingProfile')).toBe(usable);
    expect(transport('test').bucketFor('DescribeRoutingProfile').waitTimeMs()).toBeGreaterThan(0);
    expect(transport('prod').bucketFor('DescribeRoutingProfile').waitTimeMs()).toBe(0);
  });
});

describe('what sharing costs', () => {
  /** Two environments reading 40 profiles each at once; the virtual time the slower one finishes. */
  async function twoReads(shared: boolean): Promise<number> {
    const clock = new VirtualClock();
    const quotas = { DescribeRoutingProfile: { ratePerSecond: 10, burst: 10 } };
    const account = new QuotaBuckets(quotas, clock);
    const run = async (buckets: QuotaBuckets): Promise<void> => {
      const fake = new FakeConnect();
      const ids = Array.from({ length: 40 }, (_, i) => fake.addProfile({ name: `P${i}` }).id);
      const reader = createLiveReader(new PacedTransport(fake, { buckets, clock }));
      await Promise.all(ids.map((id) => reader.describeRoutingProfile({ instanceId: INSTANCE, routingProfileId: id })));
    };
    await Promise.all([run(account), run(shared ? account : new QuotaBuckets(quotas, clock))]);
    return clock.now();
  }

  it('apart, each environment finishes as if alone; shared, the two take as long as 80 reads on one bucket', async () => {
    // Pacing at 9.7/s after a burst of 8 (src/connect/quota-buckets.ts): the last of n reads waits (n - 8) / 9.7 s.
    const { ratePerSecond, burst } = pacingQuota({ ratePerSecond: 10, burst: 10 });
    expect(await twoReads(false)).toBeCloseTo(((40 - burst) / ratePerSecond) * 1000, 6);
    expect(await twoReads(true)).toBeCloseTo(((80 - burst) / ratePerSecond) * 1000, 6);
  });
});
