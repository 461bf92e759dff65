// --env picks one instance: each command touches only the instance of its environment; a wrong or missing
// choice, or --env beside an instance flag, is refused before any call; the environment wins over the shell.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { received } from './harness.js';
import { changed, DEV_INSTANCE, DEV_PROFILES, PROD_INSTANCE, twoEnvironmentsPerTest, type PlanJson, type TwoEnvironments } from './environments-fixture.js';

const twoFreshEnvironments = twoEnvironmentsPerTest();

/** Neither instance received anything. */
function untouched(e: TwoEnvironments): void {
  expect(received(e.dev)).toEqual([]);
  expect(received(e.prod)).toEqual([]);
}

describe('--env NAME', () => {
  it('plan --env dev reads dev only, and says which environment the plan is for', async () => {
    const t = await twoFreshEnvironments();
    const r = await t.run(['plan', '--env', 'dev', '--format', 'json', '--detailed-exitcode']);
    expect(r.code, r.stderr).toBe(2);
    const plan = JSON.parse(r.stdout) as PlanJson;
    expect(plan).toMatchObject({ formatVersion: 1, environment: 'dev', instanceId: DEV_INSTANCE });
    // dev's own profiles: the dev-only one, not the prod-only one.
    expect(changed(plan, 'create')).toEqual(DEV_PROFILES);
    expect(received(t.dev).length).toBeGreaterThan(0);
    expect(received(t.prod)).toEqual([]);
  });

  it('an unknown environment, or none chosen among several, is exit 1 naming them, with no call sent', async () => {
    const t = await twoFreshEnvironments();
    for (const args of [
      ['plan', '--env', 'staging'],
      ['drift', '--env', 'staging'],
      ['apply', '--env', 'staging', '--auto-approve'],
      ['export', '--env', 'staging', '--dir', 'exported'],
    ]) {
      const r = await t.run(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/staging/);
      expect(r.stderr, args.join(' ')).toMatch(/\bdev\b[\s\S]*\bprod\b/);
    }
    for (const args of [['plan'], ['apply', '--auto-approve']]) {
      const r = await t.run(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(/\bdev\b[\s\S]*\bprod\b/);
      expect(r.stderr, args.join(' ')).toMatch(/--env/);
    }
    untouched(t);
  });

  it('defaultEnvironment is the one used without --env; a single environment is the default by itself', async () => {
    const t = await twoFreshEnvironments();
    t.writeConfig({ extra: { defaultEnvironment: 'prod' } });
    const chosen = await t.run(['plan', '--format', 'json']);
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ environment: 'prod', instanceId: PROD_INSTANCE });
    expect(received(t.dev)).toEqual([]);

    t.prod.clearRequestLog();
    // With dev alone defined, a document naming prod would name an undefined environment.
    rmSync(join(t.dir, 'night-shift.yaml'));
    t.writeConfig({ environments: { dev: t.settings.dev } });
    const only = await t.run(['plan', '--format', 'json']);
    expect(only.code, only.stderr).toBe(0);
    expect(JSON.parse(only.stdout)).toMatchObject({ environment: 'dev', instanceId: DEV_INSTANCE });
    expect(received(t.prod)).toEqual([]);
  });

  it('--env beside --instance-id, --region or --endpoint-url is a usage error, before any call', async () => {
    const t = await twoFreshEnvironments();
    for (const [flag, value] of [
      ['--instance-id', DEV_INSTANCE],
      ['--region', 'eu-west-2'],
      ['--endpoint-url', t.dev.endpoint],
    ] as const) {
      const r = await t.run(['plan', '--env', 'dev', flag, value]);
      expect(r.code, `${flag}: ${r.stderr}`).toBe(1);
      expect(r.stderr, flag).toBe(`Error: --env cannot be combined with ${flag}: the environment in connect-gitops.yaml says where\nRun \`connect-gitops plan --help\` for its options.\n`);
    }
    untouched(t);
  });

  it('apply and export take exactly one environment', async () => {
    const t = await twoFreshEnvironments();
    for (const [args, asked] of [
      [['apply', '--env', 'all', '--auto-approve'], 'all'],
      [['apply', '--env', 'dev', '--env', 'prod', '--auto-approve'], 'dev, prod'],
      [['export', '--env', 'all', '--dir', 'exported'], 'all'],
    ] as const) {
      const r = await t.run([...args]);
      const command = args[0];
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr, args.join(' ')).toBe(
        `Error: ${command} works on one environment at a time, not ${asked}\nRun connect-gitops ${command} --env NAME once for each environment.\n`,
      );
    }
    untouched(t);
  });

  it("the environment's instance and endpoint win over CONNECT_INSTANCE_ID and AWS_ENDPOINT_URL_CONNECT: plan, apply, export", async () => {
    const t = await twoFreshEnvironments();
    // The shell points at dev, as a developer's shell might after a day on dev.
    const shell = { ...t.env, CONNECT_INSTANCE_ID: DEV_INSTANCE, AWS_ENDPOINT_URL_CONNECT: t.dev.endpoint };
    const plan = await t.run(['plan', '--env', 'prod', '--format', 'json'], { env: shell });
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ environment: 'prod', instanceId: PROD_INSTANCE });
    // Said on stderr, each log line naming the environment it is about.
    const overruled = plan.stderr.split('\n').filter((line) => line.includes('CONNECT_INSTANCE_ID is set in the shell'));
    expect(overruled).toHaveLength(1);
    expect(JSON.parse(overruled[0] ?? '{}')).toMatchObject({ level: 40, environment: 'prod' });

    const apply = await t.run(['apply', '--env', 'prod', '--auto-approve'], { env: shell });
    expect(apply.code, apply.stderr).toBe(0);
    expect(t.prod.snapshot().profiles.length).toBe(3);

    // export reads prod's profiles, with prod's overlay values, into files: nothing from dev.
    const exported = await t.run(['export', '--env', 'prod', '--dir', 'exported'], { env: shell });
    expect(exported.code, exported.stderr).toBe(0);
    expect(readdirSync(join(t.root, 'exported')).sort()).toEqual(['night-shift.yaml', 'sales-agents.yaml', 'tier1-support.yaml']);
    expect(readFileSync(join(t.root, 'exported', 'sales-agents.yaml'), 'utf8')).toContain('description: "Sales (production)"');
    expect(received(t.dev)).toEqual([]);
    expect(t.dev.snapshot().profiles).toEqual([]);
  });
});
