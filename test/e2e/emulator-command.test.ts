// `connect-gitops emulator` as users start it: one line on stdout, real SDK traffic, state kept across restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchRoutingProfilesCommand, UpdateRoutingProfileNameCommand } from '@aws-sdk/client-connect';
import { ConnectClient } from '@aws-sdk/client-connect';
import { CLI, REPO_ROOT, assertBuilt, FAKE_CREDENTIALS } from './harness.js';

const LINE = /^Amazon Connect emulator listening on (http:\/\/127\.0\.0\.1:\d+) instance (\S+)\n$/;

let children: ChildProcessWithoutNullStreams[] = [];
let dirs: string[] = [];
afterEach(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  children = [];
  dirs = [];
});

function spawnEmulator(args: string[]): { child: ChildProcessWithoutNullStreams; stderr: () => string } {
  assertBuilt();
  const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', ...args], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '' } });
  children.push(child);
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  return { child, stderr: () => err };
}

function startEmulatorProcess(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; endpoint: string; instanceId: string; firstLine: string; stderr: () => string }> {
  const { child, stderr } = spawnEmulator(args);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = LINE.exec(out);
      if (m) resolve({ child, endpoint: m[1], instanceId: m[2], firstLine: out, stderr });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited ${code} before listening: ${out}${stderr()}`)));
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  // 'close', not 'exit': stdio is drained by then, so stderr is complete.
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

const sdk = (endpoint: string) =>
  new ConnectClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: FAKE_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: FAKE_CREDENTIALS.AWS_SECRET_ACCESS_KEY }, maxAttempts: 1 });

describe('connect-gitops emulator', () => {
  it('serves the seeded instance, keeps its state across a restart, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-emu-'));
    dirs.push(dir);
    const state = join(dir, 'state.json');
    const first = await startEmulatorProcess(['--seed', 'demo/live', '--state', state]);
    expect(first.instanceId).toBe('9f3c2a1e-5b7d-4e0f-8a6b-2c4d6e8f0a1b');
    const found = await sdk(first.endpoint).send(new SearchRoutingProfilesCommand({ InstanceId: first.instanceId }));
    const names = (found.RoutingProfiles ?? []).map((p) => p.Name).sort();
    expect(names).toEqual(['Billing Agents', 'Legacy Night Shift', 'Sales Agents', 'Supervisors', 'Tier1 Support']);
    const legacy = found.RoutingProfiles!.find((p) => p.Name === 'Legacy Night Shift')!;
    await sdk(first.endpoint).send(new UpdateRoutingProfileNameCommand({ InstanceId: first.instanceId, RoutingProfileId: legacy.RoutingProfileId, Description: 'changed while running' }));

    const exited = exitOf(first.child);
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(state)).toBe(true);
    expect(first.stderr()).toBe('');

    // Restarted with the same command line: the saved state wins over the seed, and stderr says so and how to reseed.
    const second = await startEmulatorProcess(['--seed', 'demo/live', '--state', state]);
    const again = await sdk(second.endpoint).send(new SearchRoutingProfilesCommand({ InstanceId: second.instanceId }));
    expect(again.RoutingProfiles?.find((p) => p.Name === 'Legacy Night Shift')?.Description).toBe('changed while running');
    expect(second.stderr()).toBe(
      `emulator: ${state} already holds a saved state, so it is used and the seed demo/live is not; delete ${state} to start again from the seed.\n`,
    );
  });

  it('names a corrupt --state file and what is wrong with it, exits 1 and leaves the file alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-emu-'));
    dirs.push(dir);
    const state = join(dir, 'state.json');
    writeFileSync(state, '{"formatVersion": 1,\n');
    const { child, stderr } = spawnEmulator(['--seed', 'demo/live', '--state', state]);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    expect(await exitOf(child)).toBe(1);
    expect(stdout).toBe('');
    expect(stderr()).toContain(`the emulator could not start: state file ${state}:2:1 is not valid JSON (`);
    expect(stderr()).toContain('delete it to start from the seed again, or give another state file');
    expect(stderr()).not.toMatch(/\n\s+at /);
    expect(readFileSync(state, 'utf8')).toBe('{"formatVersion": 1,\n');
  });
});
