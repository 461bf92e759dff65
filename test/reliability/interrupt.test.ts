// SIGINT during apply: the call in flight finishes, nothing more is sent, the report says what was done and
// what was skipped, the exit code is 1, and a re-run converges. The built CLI as a real process, paced by
// Connect's default quotas in the emulator so that the apply takes several seconds.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { assertBuilt, CLI, cliEnv, emulatorWith, isWrite, profilesDir, REPO_ROOT, runCli } from '../e2e/harness.js';
import { SEED_QUEUES, support, toYaml } from '../e2e/fixtures.js';
import { asSeed } from './support.js';

let emu: RunningEmulator | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await emu?.close();
  emu = undefined;
  for (const c of cleanups.splice(0)) c();
});

const NAMES = Array.from({ length: 20 }, (_, i) => `Team ${String(i + 1).padStart(2, '0')}`);

describe('interrupting apply', () => {
  it('SIGINT after the first write: in-flight call finishes, the rest is skipped and reported, exit 1; a re-run converges', async () => {
    assertBuilt();
    emu = await emulatorWith({ queues: SEED_QUEUES, profiles: asSeed(...NAMES.map((name) => support({ name }))) }, { quotas: 'connect-defaults' });
    // 20 descriptions and 20 tags to change: 40 writes at about 2 a second per operation.
    const files = profilesDir({ 'teams.yaml': toYaml(...NAMES.map((name) => support({ name, description: `${name} v2`, tags: { team: name } }))) });
    cleanups.push(files.cleanup);
    const env = cliEnv(emu);
    const log = emu.requestLog;

    const child = spawn(process.execPath, [CLI, 'apply', '--dir', files.dir, '--auto-approve'], { env, cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

    // Interrupt as soon as the emulator has seen the first write.
    const deadline = Date.now() + 30_000;
    while (!log.some((e) => isWrite(e.operation)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(log.some((e) => isWrite(e.operation)), 'apply sent a write').toBe(true);
    child.kill('SIGINT');
    const code = await exited;

    expect(code, stdout + stderr).toBe(1);
    expect(stderr).toContain('SIGINT received: finishing the call in flight');
    expect(stdout).toMatch(/skipped \(interrupted: apply was stopped before this call was sent\)/);
    expect(stdout).toMatch(/Apply interrupted: .*Run apply again to finish/);
    const writes = log.filter((e) => isWrite(e.operation));
    // Stopped early, and no call was cut in half: every write that reached Connect got its whole answer.
    expect(writes.length).toBeLessThan(NAMES.length * 2);
    expect(writes.filter((e) => e.status !== 200)).toEqual([]);
    // Nothing was sent after the process had gone.
    const countAtExit = log.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(log.length).toBe(countAtExit);

    // The re-run is not what is under test: raise the quotas on both sides (the --quota flag) so it is quick.
    emu.setQuotas('off');
    const fast = ['UpdateRoutingProfileName', 'TagResource', 'DescribeRoutingProfile', 'ListRoutingProfileQueues'].flatMap((op) => ['--quota', `${op}=200:50`]);
    const again = await runCli(['apply', '--dir', files.dir, '--auto-approve', ...fast], { env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const plan = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode', ...fast], { env });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes');
  });
});
