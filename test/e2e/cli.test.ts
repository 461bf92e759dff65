// The command line as users and pipelines see it: exit codes, outputs, saved plans, drift, bad input.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { TagResourceCommand, UpdateRoutingProfileNameCommand } from '@aws-sdk/client-connect';
import { cliEnv, received, runCli, sdkFor, REPO_ROOT, releasedAfterEach } from './harness.js';
import { SEED_QUEUES, support, toYaml } from './fixtures.js';

const scope = releasedAfterEach();

async function setup(liveDocs = [support()], fileDocs = [support({ description: 'Frontline agents (EMEA)' })]) {
  const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: liveDocs });
  const files = scope.profiles({ 'support.yaml': toYaml(...fileDocs) });
  return { e: emu, files, env: cliEnv(emu) };
}

describe('connect-gitops command line', () => {
  it('prints its version', async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version'], { env: { PATH: process.env.PATH ?? '' } });
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('plan: exit 0 without --detailed-exitcode, 2 with it; Terraform-like text', async () => {
    const { files, env } = await setup();
    const plain = await runCli(['plan', '--dir', files.dir], { env });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('~ update');
    expect(plain.stdout).toContain('Plan: 0 to create, 1 to update, 0 unchanged (1 API call).');
    const detailed = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode'], { env });
    expect(detailed.code).toBe(2);
    expect(detailed.stdout).toBe(plain.stdout);
  });

  it('plan --format json follows formatVersion 1 and --out saves the same plan with the live snapshot it read', async () => {
    const { files, env } = await setup();
    const out = join(files.root, 'plan.json');
    const r = await runCli(['plan', '--dir', files.dir, '--format', 'json', '--out', out], { env });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(plan)).toEqual(['formatVersion', 'instanceId', 'prune', 'changes', 'unmanaged', 'warnings', 'problems', 'summary', 'liveFingerprint']);
    expect(plan.formatVersion).toBe(1);
    expect(plan.summary).toEqual({ create: 0, update: 1, delete: 0, noOp: 0, calls: 1, agents: 0 });
    const { live, ...saved } = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(saved).toEqual(plan);
    expect(live).toMatchObject({ instanceId: expect.any(String), profiles: { 'Tier1 Support': { profile: { description: 'Frontline agents' } } } });
  });

  it("refuses a profile limited to environments when connect-gitops.yaml defines none: validate, plan and apply, with file and line, before any call", async () => {
    const { files, env, e } = await setup([support()], [{ ...support(), environments: ['dev'] }]);
    for (const command of ['plan', 'apply']) {
      const r = await runCli([command, '--dir', files.dir, '--auto-approve'].slice(0, command === 'plan' ? 3 : 4), { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/support\.yaml:\d+:\d+: routing profile "Tier1 Support" exists only in environments "dev", and connect-gitops.yaml defines no environments: it would be managed nowhere/);
    }
    // validate, the pre-commit gate, refuses it alike.
    {
      const r = await runCli(['validate', '--dir', files.dir], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/support\.yaml:\d+:\d+: routing profile "Tier1 Support" exists only in environments "dev"/);
    }
    expect(received(e)).toEqual([]);
  });

  it('plan --format markdown is a PR comment', async () => {
    const { files, env } = await setup();
    const r = await runCli(['plan', '--dir', files.dir, '--format', 'markdown'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tier1 Support');
    expect(r.stdout).toMatch(/^#/m);
  });

  it('apply --plan applies a saved plan, and refuses it once live has moved', async () => {
    const { e, files, env } = await setup();
    const out = join(files.root, 'plan.json');
    expect((await runCli(['plan', '--dir', files.dir, '--out', out], { env })).code).toBe(0);
    // Someone edits the profile in the console after the plan was reviewed.
    const id = e.snapshot().profiles.find((p) => p.name === 'Tier1 Support')!.routingProfileId;
    await sdkFor(e).send(new UpdateRoutingProfileNameCommand({ InstanceId: e.instanceId, RoutingProfileId: id, Name: 'Tier1 Support', Description: 'edited by hand' }));
    e.clearRequestLog();
    const stale = await runCli(['apply', '--dir', files.dir, '--plan', out], { env });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('stale');
    expect(stale.stderr).toContain('Tier1 Support');
    expect(received(e).every((r) => /^(Search|Describe|List)/.test(r.operation))).toBe(true);
    // A fresh plan applies.
    expect((await runCli(['plan', '--dir', files.dir, '--out', out], { env })).code).toBe(0);
    const ok = await runCli(['apply', '--dir', files.dir, '--plan', out], { env });
    expect(ok.code).toBe(0);
    expect(e.snapshot().profiles.find((p) => p.name === 'Tier1 Support')!.description).toBe('Frontline agents (EMEA)');
  });

  it('apply --plan: a console edit to a field the files leave unmanaged does not make the plan stale', async () => {
    const unmanaged = support({ queues: undefined, tags: undefined });
    const { e, files, env } = await setup([support()], [{ ...unmanaged, description: 'Frontline agents (EMEA)' }]);
    const out = join(files.root, 'plan.json');
    expect((await runCli(['plan', '--dir', files.dir, '--out', out], { env })).code).toBe(0);
    const arn = e.snapshot().profiles.find((p) => p.name === 'Tier1 Support')!.arn;
    await sdkFor(e).send(new TagResourceCommand({ resourceArn: arn, tags: { 'edited-in-console': 'yes' } }));
    const r = await runCli(['apply', '--dir', files.dir, '--plan', out], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('apply --plan refuses a plan file edited by hand and sends nothing', async () => {
    const { e, files, env } = await setup();
    const out = join(files.root, 'plan.json');
    expect((await runCli(['plan', '--dir', files.dir, '--out', out], { env })).code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { changes: { calls: { input: { Description?: string } }[] }[] };
    plan.changes[0].calls[0].input.Description = 'smuggled in';
    writeFileSync(out, JSON.stringify(plan));
    e.clearRequestLog();
    const r = await runCli(['apply', '--dir', files.dir, '--plan', out], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not match the files/);
    expect(received(e).every((x) => /^(Search|Describe|List)/.test(x.operation))).toBe(true);
  });

  it('an unusable LOG_LEVEL is a one-line user error; an empty one means info', async () => {
    const files = scope.profiles({ 'p.yaml': toYaml(support()) });
    const bad = await runCli(['validate', '--dir', files.dir], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silly' } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^Error: LOG_LEVEL must be one of/m);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect((await runCli(['validate', '--dir', files.dir], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: '' } })).code).toBe(0);
  });

  it('warns when the folder holds no profile, and skips connect-gitops.yaml inside it', async () => {
    const files = scope.profiles({});
    writeFileSync(join(files.dir, 'connect-gitops.yaml'), 'instanceId: x\n');
    const r = await runCli(['validate', '--dir', files.dir], { env: { PATH: process.env.PATH ?? '' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no routing profile found under/);
  });

  it('says which live profiles no file declares (a renamed profile is a new one beside the old)', async () => {
    const { files, env } = await setup([support(), support({ name: 'Legacy Night Shift' })], [support({ name: 'Tier1 Support (renamed)' })]);
    const r = await runCli(['plan', '--dir', files.dir], { env: { ...env, LOG_LEVEL: 'info' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+ create "Tier1 Support (renamed)"');
    expect(r.stderr).toContain('2 live routing profiles are not in the files and left alone: \\"Legacy Night Shift\\", \\"Tier1 Support\\"');
  });

  it('apply without --auto-approve and without a terminal refuses and changes nothing', async () => {
    const { e, files, env } = await setup();
    e.clearRequestLog();
    const r = await runCli(['apply', '--dir', files.dir], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--auto-approve');
    expect(received(e).filter((x) => !/^(Search|Describe|List)/.test(x.operation))).toEqual([]);
  });

  it('drift exits 2 when live differs, 0 when it matches', async () => {
    const { files, env } = await setup([support()], [support()]);
    const clean = await runCli(['drift', '--dir', files.dir], { env });
    expect(clean.code).toBe(0);
    const drifted = await setup([support({ description: 'hand edit' })], [support()]);
    const r = await runCli(['drift', '--dir', drifted.files.dir], { env: drifted.env });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Tier1 Support');
  });

  it('drift appends its Markdown to the GitHub step summary', async () => {
    const { files, env } = await setup([support({ description: 'hand edit' })], [support()]);
    const summary = join(files.root, 'summary.md');
    writeFileSync(summary, '');
    const r = await runCli(['drift', '--dir', files.dir], { env: { ...env, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(2);
    expect(readFileSync(summary, 'utf8')).toContain('Tier1 Support');
  });

  it('bad input: exit 1, file:line:column, no stack trace, zero API calls', async () => {
    const { e, env } = await setup();
    const files = scope.profiles({ 'bad.yaml': 'name: Broken\ndescription: x\ndefaultOutboundQueue: BasicQueue\nmediaConcurrencies:\n  - channel: VOICE\n    concurrency: 2\n' });
    e.clearRequestLog();
    for (const command of ['validate', 'plan', 'apply', 'drift']) {
      const r = await runCli([command, '--dir', files.dir, '--auto-approve'].slice(0, command === 'apply' ? 4 : 3), { env });
      expect(r.code, command).toBe(1);
      expect(r.stderr, command).toMatch(/bad\.yaml:6:\d+: .*VOICE/);
      expect(r.stderr, command).not.toMatch(/\n\s+at /);
    }
    expect(e.requestLog).toEqual([]);
  });

  it('an unknown queue reference names the file, the line and a close match', async () => {
    const { e, env } = await setup();
    const files = scope.profiles({ 'p.yaml': toYaml(support({ defaultOutboundQueue: 'BasicQueu' })) });
    e.clearRequestLog();
    const r = await runCli(['plan', '--dir', files.dir], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/p\.yaml:\d+:\d+: .*BasicQueu.*BasicQueue/);
    expect(received(e).every((x) => /^(Search|Describe|List)/.test(x.operation))).toBe(true);
  });

  it('validation errors become GitHub annotations in Actions', async () => {
    const files = scope.profiles({ 'bad.yaml': 'name: Broken\ndescription: x\ndefaultOutboundQueue: BasicQueue\nmediaConcurrencies:\n  - channel: PIGEON\n    concurrency: 1\n' });
    const r = await runCli(['validate', '--dir', files.dir], { env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=.*bad\.yaml,line=5,col=\d+[,:].*PIGEON/m);
  });

  it('no instance named: a clear message, exit 1', async () => {
    const files = scope.profiles({ 'p.yaml': toYaml(support()) });
    const r = await runCli(['plan', '--dir', files.dir], { env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--instance-id');
  });

  it('reads instance and region from connect-gitops.yaml next to the profiles', async () => {
    const { e, files, env } = await setup([support()], [support()]);
    writeFileSync(join(files.root, 'connect-gitops.yaml'), `instanceId: ${e.instanceArn}\nregion: ${e.region}\ndir: profiles\n`);
    const { CONNECT_INSTANCE_ID: _i, AWS_REGION: _r, ...rest } = env;
    const r = await runCli(['plan', '--detailed-exitcode'], { env: rest, cwd: files.root });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(files.root, 'profiles'))).toBe(true);
  });

  it('an AccessDenied names the missing IAM action', async () => {
    const { e, files, env } = await setup();
    e.setFaults({ accessDeniedOperations: ['DescribeRoutingProfile'] });
    const r = await runCli(['plan', '--dir', files.dir], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('connect:DescribeRoutingProfile');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
