// End-to-end harness: the built CLI as a child process, the real SDK over HTTP, the emulator in-process.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConnectClient } from '@aws-sdk/client-connect';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(REPO_ROOT, 'dist/src/cli/main.js');

export const FAKE_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does it).`);
}

/** A clean environment: nothing from the developer's own AWS setup leaks into a test. */
export function cliEnv(emu: RunningEmulator, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: emu.region,
    AWS_ENDPOINT_URL_CONNECT: emu.endpoint,
    CONNECT_INSTANCE_ID: emu.instanceId,
    LOG_LEVEL: 'warn',
    ...FAKE_CREDENTIALS,
    ...extra,
  };
}

/**
 * For a file that runs the CLI in-process (run(), the binary's code path): the SDK of this test process reads
 * the fake credentials and nothing of the developer's own AWS setup, and the environment is restored after.
 */
export function fakeAwsForInProcessRuns(): void {
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, FAKE_CREDENTIALS, { AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' });
  });
  afterAll(() => {
    process.env = saved;
  });
}

/** The stdout and stderr callbacks of an in-process run(), and what each received. */
export function captured() {
  let out = '';
  let err = '';
  return { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), get out() { return out; }, get err() { return err; } };
}

export function runCli(args: string[], opts: { env: Record<string, string>; cwd?: string; input?: string; timeoutMs?: number }): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: opts.env, cwd: opts.cwd ?? REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`connect-gitops ${args.join(' ')} did not finish in ${opts.timeoutMs ?? 60_000} ms\nstdout:${stdout}\nstderr:${stderr}`));
    }, opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, stdout, stderr });
    });
    // A CLI that exits before reading its input (an argument refused at once) closes the pipe: the EPIPE that
    // follows says nothing about the run, whose exit code and output are what the test checks.
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/** A throwaway folder with profile files: `{ 'a.yaml': '...' }`. */
export function profilesDir(files: Record<string, string>): { dir: string; root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'cg-e2e-'));
  const dir = join(root, 'profiles');
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { dir, root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export const STANDARD_QUEUES = ['BasicQueue', 'Sales', 'Support', 'Billing', 'Escalations', 'Email Inbound', 'Callbacks'];

export async function emulatorWith(seed: Partial<NonNullable<EmulatorOptions['seed']>> = {}, options: Omit<EmulatorOptions, 'seed'> = {}): Promise<RunningEmulator> {
  return startEmulator({
    ...options,
    seed: { queues: STANDARD_QUEUES.map((name) => ({ name })), profiles: [], ...seed } as NonNullable<EmulatorOptions['seed']>,
  });
}

export function sdkFor(emu: RunningEmulator): ConnectClient {
  return new ConnectClient({
    region: emu.region,
    endpoint: emu.endpoint,
    credentials: { accessKeyId: FAKE_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: FAKE_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
  });
}

/** What the emulator received, as (operation, input) pairs: the wire truth the tests assert on. */
export function received(emu: RunningEmulator, filter: (op: string) => boolean = () => true): { operation: string; input: Record<string, unknown> }[] {
  return emu.requestLog.filter((e) => filter(e.operation)).map((e) => ({ operation: e.operation, input: e.input }));
}

export const isRead = (op: string) => /^(Search|Describe|List|Get)/.test(op);
export const isWrite = (op: string) => !isRead(op);

/**
 * What one test starts, released after it whether it passed or not: no test sees another's emulator, and no
 * throwaway folder outlives its test. Call once at the top of a test file; emulators close first (a CLI still
 * talking to one gets refused, never a half-deleted folder), then the rest, in the order they were added.
 */
export function releasedAfterEach(): {
  /** `emulatorWith`, closed after the test. */
  emulator: (...args: Parameters<typeof emulatorWith>) => Promise<RunningEmulator>;
  /** An emulator started another way, closed after the test (closing one twice is harmless). */
  track: (emu: RunningEmulator) => RunningEmulator;
  /** `profilesDir`, removed after the test. */
  profiles: (files?: Record<string, string>) => ReturnType<typeof profilesDir>;
  /** Any other release (a proxy, a server). */
  defer: (release: () => void | Promise<void>) => void;
} {
  let emulators: RunningEmulator[] = [];
  let releases: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    const [started, rest] = [emulators, releases];
    emulators = [];
    releases = [];
    for (const emu of started) await emu.close();
    for (const release of rest) await release();
  });
  const track = (emu: RunningEmulator): RunningEmulator => {
    emulators.push(emu);
    return emu;
  };
  return {
    emulator: async (...args) => track(await emulatorWith(...args)),
    track,
    profiles: (files = {}) => {
      const made = profilesDir(files);
      releases.push(made.cleanup);
      return made;
    },
    defer: (release) => void releases.push(release),
  };
}
