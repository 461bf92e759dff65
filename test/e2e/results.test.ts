// show, JSON results of apply and validate, the plan printed by --auto-approve, and progress lines.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, received, runCli, isWrite, releasedAfterEach } from './harness.js';
import { SEED_QUEUES, support, toYaml } from './fixtures.js';

const scope = releasedAfterEach();

/** Live has Tier1 Support; the files change its description and add Sales Team. */
async function setup() {
  const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: [support()] });
  const files = scope.profiles({
    'support.yaml': toYaml(support({ description: 'Frontline agents (EMEA)' })),
    'sales.yaml': toYaml(support({ name: 'Sales Team', queues: [{ queue: 'Sales', channel: 'VOICE', priority: 1, delay: 0 }], tags: { team: 'sales' } })),
  });
  return { e: emu, files, env: cliEnv(emu) };
}

describe('show', () => {
  it('renders a saved plan in each format exactly as plan printed it, without calling Connect', async () => {
    const { e, files, env } = await setup();
    const out = join(files.root, 'plan.json');
    const printed: Record<string, string> = {};
    for (const format of ['text', 'json', 'markdown']) {
      const r = await runCli(['plan', '--dir', files.dir, '--format', format, '--out', out], { env });
      expect(r.code, r.stderr).toBe(0);
      printed[format] = r.stdout;
    }
    e.clearRequestLog();
    for (const format of ['text', 'json', 'markdown']) {
      const shown = await runCli(['show', out, '--format', format], { env: { PATH: process.env.PATH ?? '' } });
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout, format).toBe(printed[format]);
    }
    expect((await runCli(['show', out], { env })).stdout).toBe(printed.text);
    expect(e.requestLog).toEqual([]);
  });

  it('a file that is not a saved plan is a user error naming what is wrong', async () => {
    const files = scope.profiles({});
    const path = join(files.root, 'plan.json');
    writeFileSync(path, JSON.stringify({ formatVersion: 1, instanceId: 'x' }));
    const r = await runCli(['show', path], { env: { PATH: process.env.PATH ?? '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Error: ${path} is not a connect-gitops saved plan (formatVersion 1): the file must have required property 'changes'`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--format json results', () => {
  it('validate: the problems as data, exit 1; valid files: exit 0', async () => {
    const bad = scope.profiles({ 'bad.yaml': 'name: Broken\ndescription: x\ndefaultOutboundQueue: BasicQueue\nmediaConcurrencies:\n  - channel: VOICE\n    concurrency: 2\n', 'ok.yaml': toYaml(support()) });
    const r = await runCli(['validate', '--dir', bad.dir, '--format', 'json'], { env: { PATH: process.env.PATH ?? '' }, cwd: bad.root });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { problems: { file: string; line: number; column: number; message: string }[] };
    expect(Object.keys(json)).toEqual(['formatVersion', 'valid', 'profiles', 'files', 'problems']);
    expect(json).toMatchObject({ formatVersion: 1, valid: false, profiles: 0, files: 2 });
    expect(json.problems).toHaveLength(1);
    expect(json.problems[0]).toMatchObject({ file: 'profiles/bad.yaml', line: 6 });
    expect(json.problems[0].message).toMatch(/VOICE/);

    const good = scope.profiles({ 'a.yaml': toYaml(support(), support({ name: 'Other' })) });
    const ok = await runCli(['validate', '--dir', good.dir, '--format', 'json'], { env: { PATH: process.env.PATH ?? '' } });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ formatVersion: 1, valid: true, profiles: 2, files: 1, problems: [] });
  });

  it('apply: the result as data, keys in a fixed order; the plan goes to stderr', async () => {
    const { e, files, env } = await setup();
    const r = await runCli(['apply', '--dir', files.dir, '--auto-approve', '--format', 'json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { changes: { name: string; action: string; outcome: string; calls: { operation: string; status: string }[] }[] };
    expect(Object.keys(json)).toEqual(['formatVersion', 'instanceId', 'succeeded', 'changes', 'summary', 'interrupted', 'unreachable', 'verification']);
    expect(json).toMatchObject({ formatVersion: 1, instanceId: e.instanceId, succeeded: true, interrupted: false, unreachable: false, verification: { status: 'converged' } });
    expect(json.summary).toEqual({ created: 1, adopted: 0, updated: 1, deleted: 0, unchanged: 0, failed: 0, skipped: 0, blocked: 0, calls: 2 });
    expect(json.changes.map((c) => [c.name, c.action, c.outcome, c.calls.map((x) => `${x.operation}:${x.status}`)])).toEqual([
      ['Sales Team', 'create', 'done', ['CreateRoutingProfile:done']],
      ['Tier1 Support', 'update', 'done', ['UpdateRoutingProfileName:done']],
    ]);
    expect(r.stderr).toContain('+ create "Sales Team"');
  });
});

describe('apply --auto-approve', () => {
  it('prints the plan before applying, then the report', async () => {
    const { files, env } = await setup();
    const r = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env });
    expect(r.code, r.stderr).toBe(0);
    const planAt = r.stdout.indexOf('Plan: 1 to create, 1 to update, 0 unchanged (2 API calls).');
    const reportAt = r.stdout.indexOf('Apply complete:');
    expect(planAt).toBeGreaterThanOrEqual(0);
    expect(reportAt).toBeGreaterThan(planAt);
    expect(r.stdout.slice(0, planAt)).toContain('~ update "Tier1 Support"');
  });
});

describe('progress without a terminal', () => {
  it('logs the writes advancing and says it is verifying', async () => {
    // Eight creates: more than the create quota's burst, so the paced writes span many (shortened) intervals.
    const names = Array.from({ length: 8 }, (_, i) => `Team ${i + 1}`);
    const e = await scope.emulator({ queues: SEED_QUEUES, profiles: [] });
    const files = scope.profiles({ 'teams.yaml': toYaml(...names.map((name) => support({ name }))) });
    const env = cliEnv(e);
    const r = await runCli(['apply', '--dir', files.dir, '--auto-approve'], {
      env: { ...env, LOG_LEVEL: 'info', CONNECT_GITOPS_PROGRESS_INTERVAL_MS: '5' },
    });
    expect(r.code, r.stderr).toBe(0);
    const messages = r.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages.some((m) => /^Reading live state: \d+\/\d+ profiles$/.test(m))).toBe(true);
    expect(messages.some((m) => /^Applying: \d\/8 calls$/.test(m))).toBe(true);
    expect(messages).toContain('Verifying: re-reading live state to check it matches the files');
    expect(received(e, isWrite)).toHaveLength(8);
  });

  it('stays quiet at the default interval for a short run', async () => {
    const { files, env } = await setup();
    const r = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env: { ...env, LOG_LEVEL: 'info' } });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/Applying: \d/);
    expect(readFileSync(join(files.dir, 'support.yaml'), 'utf8')).toContain('EMEA');
  });
});
