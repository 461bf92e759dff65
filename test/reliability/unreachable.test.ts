// Connect going away mid-apply, through the built CLI: the run stops within seconds (it used to retry profile
// after profile for about 50 s), prints the report of what was done and what was not sent, and exits 1.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { assertBuilt, CLI, cliEnv, emulatorWith, isWrite, profilesDir, REPO_ROOT } from '../e2e/harness.js';
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

describe('Connect unreachable during apply', () => {
  it('stops within seconds, reports what was done and what was not sent, exit 1', async () => {
    assertBuilt();
    emu = await emulatorWith({ queues: SEED_QUEUES, profiles: asSeed(...NAMES.map((name) => support({ name }))) }, { quotas: 'connect-defaults' });
    // 20 descriptions to change at about 2 a second: a paced apply of about 10 s.
    const files = profilesDir({ 'teams.yaml': toYaml(...NAMES.map((name) => support({ name, description: `${name} v2` }))) });
    cleanups.push(files.cleanup);
    const log = emu.requestLog;

    const child = spawn(process.execPath, [CLI, 'apply', '--dir', files.dir, '--auto-approve'], { env: cliEnv(emu), cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

    const deadline = Date.now() + 30_000;
    while (!log.some((e) => isWrite(e.operation) && e.status === 200) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(log.some((e) => isWrite(e.operation)), 'apply sent a write').toBe(true);
    const stopped = Date.now();
    await emu.close();
    emu = undefined;
    const code = await exited;
    const afterStop = Date.now() - stopped;

    expect(code, stdout + stderr).toBe(1);
    // Generous for a loaded machine; it takes well under a second here.
    expect(afterStop).toBeLessThan(10_000);
    expect(stdout).toMatch(/skipped \(not sent: Connect is unreachable \(ECONNREFUSED\)\)/);
    // What was done before Connect went away is in the report too.
    expect(stdout).toMatch(/"Team \d\d".*: updated/);
  });
});
