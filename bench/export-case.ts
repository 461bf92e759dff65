// The export case of the benchmark: `connect-gitops export` of an N-profile instance (the built CLI, a child
// process) against Connect's published quotas, next to the fewest calls an export can make and the quota bound
// on time. Run alone with `node dist/bench/export-case.js [--time-scale K] [--runs R] [--size N]`, or from
// bench/run.ts, which appends its section to bench/results.md.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultQuotaFor, READ_OPERATIONS } from '../src/connect/index.js';
import { startEmulator } from '../src/emulator/index.js';
import { readCallsLowerBound } from '../src/live/declared.js';
import { childEnvironment, countCalls, median, medianBy, runCliTimed, scaledQuotas, throttledCount } from './measure.js';
import { quotaBound } from './quota-bound.js';
import { buildScenario } from './scenarios.js';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'main.js');

export interface ExportRun {
  code: number;
  files: number;
  calls: Record<string, number>;
  throttled: number;
  /** Real ms from the first to the last request the emulator received: the read phase, on the sped-up clock. */
  readMs: number;
  /** Real ms of the whole child process, start-up and file writing included. */
  wallMs: number;
}

export interface ExportRow {
  size: number;
  runs: number;
  timeScale: number;
  median: ExportRun;
  lowerBound: Record<string, number>;
  quotaBoundSeconds: number;
  /** Read phase x time scale, plus the rest (start-up, emitting, writing: CPU work a faster clock does not shorten). */
  connectSeconds: number;
}

/**
 * The fewest calls: export reads every profile as if a file declared it with both queue lists (src/cli/commands/
 * export.ts), so its bound is the reader's own (src/live/declared.ts) for `profiles` profiles of
 * `queuesPerProfile` queues each and no manual-assignment queues, as the scenarios build them.
 */
export function exportLowerBound(profiles: number, queuesPerProfile: number, queues: number): Record<string, number> {
  const names = Array.from({ length: profiles }, (_, i) => `profile ${i}`);
  return readCallsLowerBound(
    names.map((name) => ({ name, managesQueues: true, managesManualQueues: true })),
    { profiles, queues, pairs: new Map(names.map((name) => [name, { queues: queuesPerProfile, manualQueues: 0 }])) },
  );
}

async function exportOnce(size: number, timeScale: number): Promise<ExportRun> {
  const scenario = buildScenario('no-change', size);
  // A fresh emulator per run: every bucket starts full, as on a quiet account, which the quota bound assumes.
  const emu = await startEmulator({ seed: scenario.seed, quotas: 'connect-defaults', timeScale });
  const dir = mkdtempSync(join(tmpdir(), 'connect-gitops-bench-export-'));
  try {
    const quotaFlags = Object.entries(scaledQuotas(timeScale))
      .filter(([op]) => (READ_OPERATIONS as readonly string[]).includes(op))
      .flatMap(([op, q]) => ['--quota', `${op}=${q.ratePerSecond}:${q.burst}`]);
    const env = { ...childEnvironment(emu.region), LOG_LEVEL: 'error' };
    const args = ['export', '--dir', join(dir, 'profiles'), '--endpoint-url', emu.endpoint, '--instance-id', emu.instanceId, ...quotaFlags];
    const out = await runCliTimed(CLI, args, env, process.cwd());
    if (out.code !== 0) throw new Error(`export exited ${out.code}: ${out.stderr.trim().slice(-2000)}`);
    // Answered calls only: a throttled request is counted apart, not against the lower bound.
    const calls = countCalls(emu.requestLog.filter((e) => e.status !== 429));
    const throttled = throttledCount(emu.requestLog);
    const times = emu.requestLog.map((e) => e.at);
    return { code: out.code, files: readdirSync(join(dir, 'profiles')).length, calls, throttled, readMs: Math.max(...times) - Math.min(...times), wallMs: out.wallMs };
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureExport(size: number, timeScale: number, runs: number, log: (m: string) => void = () => undefined): Promise<ExportRow> {
  const measured: ExportRun[] = [];
  for (let r = 0; r < runs; r++) {
    log(`N=${size} export: run ${r + 1}/${runs}`);
    measured.push(await exportOnce(size, timeScale));
  }
  const connectMs = (run: ExportRun): number => run.readMs * timeScale + (run.wallMs - run.readMs);
  const middle = medianBy(measured, connectMs);
  const scenario = buildScenario('no-change', size);
  const lowerBound = exportLowerBound(size, scenario.queuesPerProfile, scenario.seed.queues.length);
  return {
    size,
    runs,
    timeScale,
    median: middle,
    lowerBound,
    quotaBoundSeconds: quotaBound(lowerBound, defaultQuotaFor).seconds,
    connectSeconds: median(measured.map(connectMs)) / 1000,
  };
}

export function renderExportSection(row: ExportRow): string {
  const ops = Object.keys({ ...row.lowerBound, ...row.median.calls }).sort();
  const calls = ops.map((op) => `${op} ${row.median.calls[op] ?? 0}/${row.lowerBound[op] ?? 0}`).join(', ');
  const readSeconds = (row.median.readMs * row.timeScale) / 1000;
  const atBound = ops.every((op) => (row.median.calls[op] ?? 0) === (row.lowerBound[op] ?? 0));
  return [
    '',
    '## Export (adoption)',
    '',
    `\`connect-gitops export\` of a ${row.size}-profile instance (the built CLI), median of ${row.runs} at ${row.timeScale}× time. Calls are \`answered/lower bound\`; Connect time is the read phase × the time scale plus start-up and writing the files.`,
    '',
    '| N | files | calls (answered/lower bound) | 429s | wall, Connect s | read phase, Connect s | quota bound s | read/bound | start-up and writing s | wall at scale s |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|',
    `| ${row.size} | ${row.median.files} | ${calls}${atBound ? ' ✓' : ''} | ${row.median.throttled} | ${row.connectSeconds.toFixed(1)} | ${readSeconds.toFixed(1)} | ${row.quotaBoundSeconds.toFixed(1)} | ${(readSeconds / row.quotaBoundSeconds).toFixed(2)} | ${((row.median.wallMs - row.median.readMs) / 1000).toFixed(1)} | ${(row.median.wallMs / 1000).toFixed(2)} |`,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { 'time-scale': { type: 'string', default: '10' }, runs: { type: 'string', default: '1' }, size: { type: 'string', default: '500' } } });
  const row = await measureExport(Number(values.size), Number(values['time-scale']), Number(values.runs), (m) => void process.stderr.write(`${m}\n`));
  process.stdout.write(renderExportSection(row));
}
