// apply --env: each environment's profiles land on its own instance only, prod's overlay and the profiles
// limited to one environment where they belong; a saved plan applies only to its environment; a change to a
// base file is promoted from dev to prod.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWrite, received } from './harness.js';
import { support, toYaml } from './fixtures.js';
import {
  changed,
  DEV_PROFILES,
  liveNames,
  liveProfile,
  PROD_PROFILES,
  PROD_QUEUES,
  twoEnvironmentsPerTest,
  type PlanJson,
} from './environments-fixture.js';

const twoFreshEnvironments = twoEnvironmentsPerTest();

const prodQueueId = (name: string): string => PROD_QUEUES.find((q) => q.name === name)?.queueId ?? `no prod queue ${name}`;

describe('apply --env', () => {
  it('dev first, then prod: each writes to its own instance; the overlay and the environment-only profiles land where they should', async () => {
    const t = await twoFreshEnvironments();
    const dev = await t.run(['apply', '--env', 'dev', '--auto-approve']);
    expect(dev.code, dev.stderr).toBe(0);
    expect(liveNames(t.dev)).toEqual(DEV_PROFILES);
    expect(received(t.prod)).toEqual([]);
    // dev has the base profile as written: no overlay there.
    expect(liveProfile(t.dev, 'Sales Agents')).toMatchObject({ description: 'Sales', tags: { team: 'sales' } });
    expect(liveProfile(t.dev, 'Sales Agents').mediaConcurrencies.map((m) => m.channel)).toEqual(['VOICE']);

    t.dev.clearRequestLog();
    const prod = await t.run(['apply', '--env', 'prod', '--auto-approve']);
    expect(prod.code, prod.stderr).toBe(0);
    expect(received(t.dev)).toEqual([]);
    expect(liveNames(t.prod)).toEqual(PROD_PROFILES);
    const salesInProd = liveProfile(t.prod, 'Sales Agents');
    // Replaced whole: description and media; merged key by key: tags.
    expect(salesInProd.description).toBe('Sales (production)');
    expect(salesInProd.mediaConcurrencies.map((m) => [m.channel, m.concurrency, m.crossChannelBehavior])).toEqual([
      ['VOICE', 1, 'ROUTE_ANY_CHANNEL'],
      ['CHAT', 2, 'ROUTE_ANY_CHANNEL'],
    ]);
    expect(salesInProd.tags).toEqual({ team: 'sales', 'cost-centre': 'prod' });
    // Not in the overlay: from the base file, with prod's own queue IDs found by name.
    expect(salesInProd.defaultOutboundQueueId).toBe(prodQueueId('Sales'));
    expect(salesInProd.queueConfigs.map((q) => q.queueId)).toEqual([prodQueueId('Sales')]);
    // dev is as dev's apply left it.
    expect(liveProfile(t.dev, 'Sales Agents').description).toBe('Sales');

    const both = await t.run(['plan', '--env', 'all', '--detailed-exitcode']);
    expect(both.code, both.stdout + both.stderr).toBe(0);
  });

  it('an overlay folder inside the profiles folder is never read as profiles', async () => {
    const t = await twoFreshEnvironments({ overlayDir: 'profiles/overlays/prod' });
    const dev = await t.run(['plan', '--env', 'dev', '--format', 'json']);
    expect(dev.code, dev.stderr).toBe(0);
    expect(changed(JSON.parse(dev.stdout) as PlanJson, 'create')).toEqual(DEV_PROFILES);
    const prod = await t.run(['apply', '--env', 'prod', '--auto-approve']);
    expect(prod.code, prod.stderr).toBe(0);
    expect(liveProfile(t.prod, 'Sales Agents').description).toBe('Sales (production)');
    expect(received(t.dev, isWrite)).toEqual([]);

    // export into that folder reads the base files only: every live profile is already declared there.
    const exported = await t.run(['export', '--env', 'prod']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^Exported 0 routing profiles to profiles \(\d+ already declared\)\.$/m);
  });

  it("a plan saved for dev is refused by apply --env prod before any call; dev's apply takes it", async () => {
    const t = await twoFreshEnvironments();
    const saved = await t.run(['plan', '--env', 'dev', '--out', 'dev.plan.json']);
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(t.root, 'dev.plan.json'), 'utf8'))).toMatchObject({ environment: 'dev' });
    t.dev.clearRequestLog();

    const wrong = await t.run(['apply', '--env', 'prod', '--plan', 'dev.plan.json']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/\bdev\b/);
    expect(wrong.stderr).toMatch(/\bprod\b/);
    // The saved plan names its environment: the mismatch is known without reading Connect.
    expect(received(t.prod)).toEqual([]);
    expect(received(t.dev)).toEqual([]);
    expect(t.prod.snapshot().profiles).toEqual([]);

    const right = await t.run(['apply', '--env', 'dev', '--plan', 'dev.plan.json']);
    expect(right.code, right.stderr).toBe(0);
    expect(liveNames(t.dev)).toEqual(DEV_PROFILES);
  });

  it('promoting a change: edit a base file, plan and apply dev, then prod', async () => {
    const t = await twoFreshEnvironments();
    for (const env of ['dev', 'prod']) {
      const r = await t.run(['apply', '--env', env, '--auto-approve']);
      expect(r.code, `${env}: ${r.stderr}`).toBe(0);
    }
    writeFileSync(join(t.dir, 'support.yaml'), toYaml(support({ description: 'Frontline agents, all channels' })));
    t.dev.clearRequestLog();
    t.prod.clearRequestLog();

    const planDev = await t.run(['plan', '--env', 'dev', '--format', 'json', '--detailed-exitcode']);
    expect(planDev.code, planDev.stderr).toBe(2);
    const devPlan = JSON.parse(planDev.stdout) as PlanJson;
    expect(changed(devPlan, 'update')).toEqual(['Tier1 Support']);
    expect(devPlan.changes.find((c) => c.action === 'update')?.calls.map((c) => c.operation)).toEqual(['UpdateRoutingProfileName']);
    const applyDev = await t.run(['apply', '--env', 'dev', '--auto-approve']);
    expect(applyDev.code, applyDev.stderr).toBe(0);
    expect(received(t.dev, isWrite).map((c) => c.operation)).toEqual(['UpdateRoutingProfileName']);
    expect(liveProfile(t.dev, 'Tier1 Support').description).toBe('Frontline agents, all channels');
    // Not yet promoted: prod still has the old text, and nothing was sent there.
    expect(received(t.prod)).toEqual([]);
    expect(liveProfile(t.prod, 'Tier1 Support').description).toBe('Frontline agents');

    const both = await t.run(['plan', '--env', 'all', '--format', 'json', '--detailed-exitcode']);
    expect(both.code, both.stderr).toBe(2);
    const plans = (JSON.parse(both.stdout) as { environments: PlanJson[] }).environments;
    expect(plans.map((p) => [p.environment, changed(p, 'update')])).toEqual([
      ['dev', []],
      ['prod', ['Tier1 Support']],
    ]);

    const applyProd = await t.run(['apply', '--env', 'prod', '--auto-approve']);
    expect(applyProd.code, applyProd.stderr).toBe(0);
    expect(received(t.prod, isWrite).map((c) => c.operation)).toEqual(['UpdateRoutingProfileName']);
    expect(liveProfile(t.prod, 'Tier1 Support').description).toBe('Frontline agents, all channels');
    // The overlay still holds in prod.
    expect(liveProfile(t.prod, 'Sales Agents').description).toBe('Sales (production)');
    const done = await t.run(['plan', '--env', 'all', '--detailed-exitcode']);
    expect(done.code, done.stdout + done.stderr).toBe(0);
  });
});
