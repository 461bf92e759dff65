// plan and drift over every environment in one run: a section per environment in config order, JSON carrying
// each one's name, exit 1 if any failed (the others still reported), else 2 if any has changes, else 0. And
// validate, which checks every environment's merged profiles without calling Connect.
import { describe, expect, it } from 'vitest';
import { UpdateRoutingProfileNameCommand } from '@aws-sdk/client-connect';
import { isWrite, received, sdkFor } from './harness.js';
import {
  changed,
  DEV_INSTANCE,
  DEV_PROFILES,
  liveProfile,
  PROD_INSTANCE,
  PROD_PROFILES,
  twoEnvironmentsPerTest,
  type TwoEnvironments,
  type EnvironmentsJson,
  type PlanJson,
} from './environments-fixture.js';

const twoFreshEnvironments = twoEnvironmentsPerTest();

/**
 * The text of each environment's section: from its heading (`== Environment dev (instance …) ==`, or
 * `== Environment prod (instance …): failed ==`) to the next.
 */
function sections(stdout: string, names: readonly string[]): string[] {
  const lines = stdout.split('\n');
  const starts = names.map((n) => lines.findIndex((l) => new RegExp(`^== Environment ${n}( \\(instance |: )`).test(l)));
  expect(starts.every((s) => s >= 0), `a heading for each of ${names.join(', ')} in:\n${stdout}`).toBe(true);
  expect([...starts].sort((a, b) => a - b), `headings in config order in:\n${stdout}`).toEqual(starts);
  return starts.map((s, i) => lines.slice(s, starts[i + 1] ?? lines.length).join('\n'));
}

async function applyBoth(e: TwoEnvironments): Promise<void> {
  for (const env of ['dev', 'prod']) {
    const r = await e.run(['apply', '--env', env, '--auto-approve']);
    expect(r.code, `${env}: ${r.stderr}`).toBe(0);
  }
  e.dev.clearRequestLog();
  e.prod.clearRequestLog();
}

describe('plan and drift --env all', () => {
  it('text: a section per environment, in config order, each with its own changes; exit 2 with --detailed-exitcode, else 0', async () => {
    const t = await twoFreshEnvironments();
    const r = await t.run(['plan', '--env', 'all', '--detailed-exitcode']);
    expect(r.code, r.stderr).toBe(2);
    const [dev, prod] = sections(r.stdout, ['dev', 'prod']);
    expect(dev).toContain('+ create "Sandbox"');
    expect(dev).not.toContain('Night Shift');
    expect(prod).toContain('+ create "Night Shift"');
    expect(prod).not.toContain('Sandbox');
    expect(prod).toContain('Sales (production)');
    expect(r.stdout).toContain('2 environments: dev 3 to change, prod 3 to change.');
    expect(received(t.dev, isWrite)).toEqual([]);
    expect(received(t.prod, isWrite)).toEqual([]);

    // Repeating --env is the same run; without --detailed-exitcode changes are exit 0; drift reports them as 2.
    const repeated = await t.run(['plan', '--env', 'dev', '--env', 'prod']);
    expect(repeated.code, repeated.stderr).toBe(0);
    expect(repeated.stdout).toBe(r.stdout);
    expect((await t.run(['drift', '--env', 'all'])).code).toBe(2);
  });

  it('a base file holding no profile is skipped for every environment, and said so once', async () => {
    const t = await twoFreshEnvironments();
    t.write('profiles/notes.yaml', '# nothing here yet\n');
    const r = await t.run(['plan', '--env', 'all'], { env: { ...t.env, LOG_LEVEL: 'warn' } });
    expect(r.code, r.stderr).toBe(0);
    const said = r.stderr.split('\n').filter((line) => line.includes('notes.yaml: it holds no routing profile'));
    expect(said, r.stderr).toHaveLength(1);
    expect(JSON.parse(said[0] ?? '{}')).toMatchObject({ level: 40, file: 'profiles/notes.yaml', msg: 'skipped profiles/notes.yaml: it holds no routing profile (empty or comments only)' });
  });

  it('--format json is {formatVersion: 1, environments: [...]}, each entry a plan with its environment', async () => {
    const t = await twoFreshEnvironments();
    const r = await t.run(['plan', '--env', 'all', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as EnvironmentsJson;
    expect(Object.keys(doc).sort()).toEqual(['environments', 'formatVersion']);
    expect(doc.formatVersion).toBe(1);
    const [dev, prod] = doc.environments as (PlanJson & { environment: string })[];
    expect(doc.environments).toHaveLength(2);
    expect(dev).toMatchObject({ environment: 'dev', formatVersion: 1, instanceId: DEV_INSTANCE });
    expect(prod).toMatchObject({ environment: 'prod', formatVersion: 1, instanceId: PROD_INSTANCE });
    expect(changed(dev!, 'create')).toEqual(DEV_PROFILES);
    expect(changed(prod!, 'create')).toEqual(PROD_PROFILES);

    // A saved plan is one environment's: --out with several is refused before any call.
    t.dev.clearRequestLog();
    t.prod.clearRequestLog();
    const out = await t.run(['plan', '--env', 'all', '--out', 'all.plan.json']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/--out/);
    expect([received(t.dev), received(t.prod)]).toEqual([[], []]);
  });

  it('after both applies: exit 0; drift in prod only is exit 2, reported under prod only', async () => {
    const t = await twoFreshEnvironments();
    await applyBoth(t);
    const clean = await t.run(['drift', '--env', 'all']);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);

    // Someone edits prod in the console.
    const night = liveProfile(t.prod, 'Night Shift');
    await sdkFor(t.prod).send(
      new UpdateRoutingProfileNameCommand({ InstanceId: t.prod.instanceId, RoutingProfileId: night.routingProfileId, Name: 'Night Shift', Description: 'edited by hand' }),
    );
    const drift = await t.run(['drift', '--env', 'all', '--format', 'json']);
    expect(drift.code, drift.stderr).toBe(2);
    const plans = (JSON.parse(drift.stdout) as EnvironmentsJson).environments as PlanJson[];
    expect(plans.map((p) => [p.environment, changed(p, 'update')])).toEqual([
      ['dev', []],
      ['prod', ['Night Shift']],
    ]);
  });

  it('one environment unreachable: exit 1, and the other is still reported', async () => {
    const t = await twoFreshEnvironments();
    await t.prod.close();
    const text = await t.run(['plan', '--env', 'all', '--detailed-exitcode']);
    expect(text.code).toBe(1);
    const [dev, prod] = sections(text.stdout, ['dev', 'prod']);
    expect(dev).toContain('+ create "Sandbox"');
    expect(prod).toMatch(new RegExp(`^== Environment prod \\(instance ${PROD_INSTANCE}\\): failed ==$`, 'm'));
    expect(prod).toMatch(/^Error: SearchRoutingProfiles failed: .*unreachable/m);
    expect(text.stdout).toContain('2 environments: dev 3 to change, prod failed.');

    const json = await t.run(['plan', '--env', 'all', '--format', 'json']);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as EnvironmentsJson;
    expect(doc.environments.map((e) => e.environment)).toEqual(['dev', 'prod']);
    expect(doc.environments[0]).toMatchObject({ environment: 'dev', instanceId: DEV_INSTANCE });
    expect(doc.environments[1]).toEqual({ environment: 'prod', instanceId: PROD_INSTANCE, error: { kind: 'aws', message: expect.stringMatching(/unreachable/i), hint: expect.any(String) } });
  });
});

describe('validate checks every environment', () => {
  it("an overlay naming no base profile in prod's overlay is reported with file:line, and no call is sent", async () => {
    const t = await twoFreshEnvironments();
    t.write('overlays/prod/extra.yaml', ['name: Tier1 Support', 'tags: {tier: gold}', '---', 'name: Retention Desk', 'description: nowhere', ''].join('\n'));
    const r = await t.run(['validate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: the profile and overlay files are invalid: 1 problem in 1 file');
    expect(r.stderr).toMatch(/overlays\/prod\/extra\.yaml:4:\d+: .*Retention Desk/);

    const json = await t.run(['validate', '--format', 'json']);
    expect(json.code).toBe(1);
    const problems = (JSON.parse(json.stdout) as { problems: { file: string; line: number; message: string }[] }).problems;
    expect(problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/overlays\/prod\/extra\.yaml$/), line: 4, message: expect.stringContaining('Retention Desk') })]);
    expect(received(t.dev)).toEqual([]);
    expect(received(t.prod)).toEqual([]);
  });

  it('an overlay may not set environments, and a profile may not name an environment that is not defined', async () => {
    const t = await twoFreshEnvironments();
    t.write('overlays/prod/sales.yaml', ['name: Sales Agents', 'environments: [dev]', ''].join('\n'));
    t.write('profiles/staging.yaml', ['name: Staging Only', 'environments: [staging]', 'description: x', 'defaultOutboundQueue: BasicQueue', 'mediaConcurrencies: [{channel: VOICE, concurrency: 1}]', ''].join('\n'));
    const r = await t.run(['validate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/overlays\/prod\/sales\.yaml:2:\d+: .*environments/);
    expect(r.stderr).toMatch(/profiles\/staging\.yaml:2:\d+: .*staging/);
  });

  it('valid files: exit 0 for every environment at once', async () => {
    const t = await twoFreshEnvironments();
    const r = await t.run(['validate']);
    expect(r.code, r.stderr).toBe(0);
  });
});
