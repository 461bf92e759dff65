// Measuring: wall time, CPU and peak RSS. Each measured run is a child process (plan-once.js), so one run's
// heap, JIT warm-up and sockets cannot leak into the next, and maxRSS is that run's alone.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CpuBenchResult } from './cpu.js';
import type { RequestLogEntry } from '../src/emulator/index.js';
import { defaultQuotaFor, READ_OPERATIONS, WRITE_OPERATIONS, type RateQuota, type RequestStatsSnapshot } from '../src/connect/index.js';

export type ChildMode = 'plan' | 'apply' | 'peer' | 'cpu';

export interface ProcessUsage {
  /** process.cpuUsage() over the whole child, startup included (ms). */
  cpuUserMs: number;
  cpuSystemMs: number;
  /** process.resourceUsage().maxRSS, converted from kilobytes. */
  peakRssMb: number;
}

export interface ChildResult {
  mode: ChildMode;
  ok: boolean;
  /** What reached the user: an error that ended the run, or the number of failed/skipped apply changes. */
  error?: string;
  failures: number;
  /** Real milliseconds per phase. */
  loadMs: number;
  readMs: number;
  planMs: number;
  applyMs: number;
  /** CPU milliseconds (user + system) of the load and plan phases, the part a faster clock cannot shrink. */
  loadCpuMs: number;
  planCpuMs: number;
  /** Epoch ms when the apply phase began: the emulator's request log is split there. */
  applyStartedAt?: number;
  readStats?: RequestStatsSnapshot;
  applyStats?: RequestStatsSnapshot;
  /** Calls the plan lists, per operation. */
  plannedCalls: Record<string, number>;
  changes: { create: number; update: number; noOp: number };
  usage: ProcessUsage;
  /** Mode cpu only. */
  cpu?: CpuBenchResult;
}

export function usageNow(): ProcessUsage {
  const cpu = process.cpuUsage();
  return {
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    // maxRSS is in kilobytes (Node's process.resourceUsage docs).
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

/** Emulator credentials: signed requests need some, the emulator checks only that a signature is there. */
export function childEnvironment(region: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: 'AKIDBENCHMARK',
    AWS_SECRET_ACCESS_KEY: 'benchmark-secret-not-checked-by-the-emulator',
    // Keep this machine's own AWS configuration (profiles, retry mode, endpoints) out of the measurement.
    AWS_CONFIG_FILE: join(dirname(fileURLToPath(import.meta.url)), 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dirname(fileURLToPath(import.meta.url)), 'no-aws-credentials'),
    LOG_LEVEL: 'silent',
  };
}

/** Runs dist/bench/plan-once.js with `args`; its one line of JSON on stdout is the result. */
export function runChild(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildResult> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'plan-once.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ChildResult);
      } catch {
        reject(new Error(`plan-once exited ${code} without a result: ${err.trim().slice(-2000)}`));
      }
    });
  });
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The run whose `key` is the median (the upper middle one for an even count), to report one coherent run. */
export function medianBy<T>(runs: readonly T[], key: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => key(a) - key(b));
  const picked = sorted[Math.floor(sorted.length / 2)];
  if (picked === undefined) throw new RangeError('no runs');
  return picked;
}

/**
 * Connect's published quotas with the rate multiplied by the time scale: the emulator's clock runs that much
 * faster, so the client's buckets must refill that much faster too. Bursts are token counts and stay as they are.
 */
export function scaledQuotas(timeScale: number): Record<string, RateQuota> {
  const table: Record<string, RateQuota> = {};
  for (const op of [...READ_OPERATIONS, ...WRITE_OPERATIONS]) {
    const q = defaultQuotaFor(op);
    table[op] = { ratePerSecond: q.ratePerSecond * timeScale, burst: q.burst };
  }
  return table;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time of the whole child, start-up included. */
  wallMs: number;
}

/** The built CLI as a child process, timed from spawn to exit. */
export function runCliTimed(cli: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, wallMs: performance.now() - started }));
  });
}

/** Requests answered ThrottlingException (429) in emulator logs. */
export function throttledCount(...logs: (readonly RequestLogEntry[])[]): number {
  return logs.flat().filter((e) => e.status === 429).length;
}

/** Requests per operation in emulator logs, whatever their answer. */
export function countCalls(...logs: (readonly RequestLogEntry[])[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of logs.flat()) out[e.operation] = (out[e.operation] ?? 0) + 1;
  return out;
}
