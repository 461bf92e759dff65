// The README's walk-through "promote a change from dev to prod", step by step through the built CLI: the example
// folder (examples/environments) against two emulators started from the demo seeds (demo/environments), each
// its own account. Only the emulators' ports differ from the README: they are free ports here, written into a
// copy of connect-gitops.yaml.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { FAKE_CREDENTIALS, REPO_ROOT, isWrite, received, releasedAfterEach, runCli } from './harness.js';

const { track, defer } = releasedAfterEach();

/** The README's third terminal: credentials only (the emulators take any), and a shell pointing elsewhere. */
function walkthroughEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: tmpdir(),
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    LOG_LEVEL: 'warn',
    // Left over from another session: the environments' own instance and endpoint must win over these.
    CONNECT_INSTANCE_ID: '00000000-0000-4000-8000-000000000000',
    AWS_ENDPOINT_URL_CONNECT: 'http://127.0.0.1:9',
    ...FAKE_CREDENTIALS,
  };
}

async function exampleWithEmulators(): Promise<{ folder: string; dev: RunningEmulator; prod: RunningEmulator }> {
  const dev = track(await startEmulator({ seedDir: join(REPO_ROOT, 'demo/environments/dev') }));
  const prod = track(await startEmulator({ seedDir: join(REPO_ROOT, 'demo/environments/prod') }));
  const root = mkdtempSync(join(tmpdir(), 'cg-promote-'));
  defer(() => rmSync(root, { recursive: true, force: true }));
  const folder = join(root, 'environments');
  cpSync(join(REPO_ROOT, 'examples/environments'), folder, { recursive: true });
  const config = join(folder, 'connect-gitops.yaml');
  const text = readFileSync(config, 'utf8');
  expect(text).toContain('http://127.0.0.1:4566');
  expect(text).toContain('http://127.0.0.1:4567');
  writeFileSync(config, text.replace('http://127.0.0.1:4566', dev.endpoint).replace('http://127.0.0.1:4567', prod.endpoint));
  return { folder, dev, prod };
}

function profileNames(emu: RunningEmulator): string[] {
  return emu
    .snapshot()
    .profiles.map((p) => p.name)
    .sort();
}

function supportAgents(emu: RunningEmulator) {
  const profile = emu.snapshot().profiles.find((p) => p.name === 'Support Agents');
  if (profile === undefined) throw new Error('Support Agents is missing');
  return profile;
}

describe('README walk-through: promote a change from dev to prod', () => {

  it('validates, plans both, applies dev then prod, and promotes one edit', async () => {
    const { folder, dev, prod } = await exampleWithEmulators();
    const cli = (args: string[]) => runCli(args, { env: walkthroughEnv(), cwd: folder });

    const validated = await cli(['validate']);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('valid in every environment (dev 3, prod 2)');

    const first = await cli(['plan', '--env', 'all', '--detailed-exitcode']);
    expect(first.code).toBe(2);
    expect(first.stdout).toContain('2 environments: dev 3 to change, prod 2 to change.');
    const [devSection, prodSection] = first.stdout.split('== Environment prod');
    expect(devSection).toContain('+ create "Release Testers"');
    expect(prodSection).not.toContain('Release Testers');
    expect(prodSection).toMatch(/cost-centre\s+"CC-9001"/);
    expect(received(dev, isWrite)).toEqual([]);
    expect(received(prod, isWrite)).toEqual([]);

    prod.clearRequestLog();
    const appliedDev = await cli(['apply', '--env', 'dev', '--auto-approve']);
    expect(appliedDev.code).toBe(0);
    expect(appliedDev.stdout).toContain('Apply complete: 3 created, 0 updated, 0 failed (3 API calls).');
    expect(prod.requestLog).toEqual([]);
    expect(profileNames(dev)).toEqual(['Basic Routing Profile', 'Release Testers', 'Sales Agents', 'Support Agents']);

    const halfway = await cli(['drift', '--env', 'all']);
    expect(halfway.code).toBe(2);
    expect(halfway.stdout).toContain('2 environments: dev no drift, prod 2 out of sync.');

    expect((await cli(['apply', '--env', 'prod', '--auto-approve'])).code).toBe(0);
    expect(profileNames(prod)).toEqual(['Basic Routing Profile', 'Sales Agents', 'Support Agents']);
    expect(supportAgents(prod).tags).toEqual({ team: 'support', 'cost-centre': 'CC-9001', stage: 'production' });
    expect(supportAgents(dev).tags).toEqual({ team: 'support', 'cost-centre': 'CC-1001' });
    expect((await cli(['drift', '--env', 'all'])).code).toBe(0);

    // The promoted edit: one base file, both environments.
    const file = join(folder, 'profiles/support-agents.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('delay: 30', 'delay: 10'));
    const promoted = await cli(['plan', '--env', 'all', '--detailed-exitcode']);
    expect(promoted.code).toBe(2);
    expect(promoted.stdout).toContain('2 environments: dev 1 to change, prod 1 to change.');

    expect((await cli(['apply', '--env', 'dev', '--auto-approve'])).code).toBe(0);
    const devOnly = await cli(['drift', '--env', 'all']);
    expect(devOnly.code).toBe(2);
    expect(devOnly.stdout).toContain('2 environments: dev no drift, prod 1 out of sync.');

    const saved = await cli(['plan', '--env', 'prod', '--out', 'prod-plan.json']);
    expect(saved.code).toBe(0);
    const wrongEnvironment = await cli(['apply', '--env', 'dev', '--plan', 'prod-plan.json']);
    expect(wrongEnvironment.code).toBe(1);
    expect(wrongEnvironment.stderr).toContain('was planned for environment prod');

    dev.clearRequestLog();
    prod.clearRequestLog();
    const appliedProd = await cli(['apply', '--env', 'prod', '--plan', 'prod-plan.json']);
    expect(appliedProd.code).toBe(0);
    expect(received(prod, isWrite).map((c) => c.operation)).toEqual(['UpdateRoutingProfileQueues']);
    expect(dev.requestLog).toEqual([]);
    const delays = (emu: RunningEmulator) => supportAgents(emu).queueConfigs.filter((q) => q.channel === 'VOICE').map((q) => q.delay);
    expect(delays(prod)).toContain(10);
    expect(delays(prod)).not.toContain(30);
    expect((await cli(['drift', '--env', 'all'])).code).toBe(0);
  });
});
