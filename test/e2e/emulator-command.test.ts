// `connect-gitops emulator` as users start it: one line on stdout, real SDK traffic, state kept across restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
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

function startEmulatorProcess(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; endpoint: string; instanceId: string; firstLine: string }> {
  assertBuilt();
  const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', ...args], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '' } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = LINE.exec(out);
      if (m) resolve({ child, endpoint: m[1], instanceId: m[2], firstLine: out });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited ${code} before listening: ${out}`)));
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
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

    const second = await startEmulatorProcess(['--state', state]);
    const again = await sdk(second.endpoint).send(new SearchRoutingProfilesCommand({ InstanceId: second.instanceId }));
    expect(again.RoutingProfiles?.find((p) => p.Name === 'Legacy Night Shift')?.Description).toBe('changed while running');
  });
});
