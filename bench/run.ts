// `npm run bench [-- --time-scale K --runs R --sizes 50,200,500]`: measures plan and apply against the emulator
// with Connect's published quotas enforced, next to the lower bound on calls and the quota bound on time, and
// the Terraform provider's read pattern as the peer; writes bench/results.md. `--cases startup,changed-since` measures
// the start-up ratio of validate and a scoped plan against a full one instead (bench/results-cli.md);
// `--cases environments` measures plan over two environments against plan over each (bench/results-environments.md).
//
// --time-scale K runs the emulator's clock K times faster and paces the client at K times the quotas, which keeps
// every ratio; wall times are reported as measured and converted back to Connect time. K = 1 is real time
// (a 500-profile create then takes over four minutes, as it does against Connect).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultQuotaFor } from '../src/connect/index.js';
import { pacingQuota } from '../src/connect/transport.js';
import { startEmulator, type RequestLogEntry } from '../src/emulator/index.js';
import { declaredProfiles, readCallsLowerBound } from '../src/live/declared.js';
import { childEnvironment, median, medianBy, runChild, type ChildResult } from './measure.js';
import { quotaBound } from './quota-bound.js';
import { machine, renderReport, type OpCalls, type PeerRow, type ScenarioRow } from './report.js';
import { buildScenario, SCENARIO_KINDS, writeProfileFiles, type Scenario } from './scenarios.js';
import { measureStartup, type StartupResult } from './startup.js';
import { measureChangedSince, type ChangedSinceResult } from './changed-since.js';
import { renderCliReport } from './cli-report.js';
import { measureExport, renderExportSection } from './export-case.js';
import { measureEnvironments } from './environments-case.js';
import { renderEnvironmentsReport } from './environments-report.js';

const { values } = parseArgs({
  options: {
    'time-scale': { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '50,200,500' },
    'cpu-reps': { type: 'string', default: '15' },
    out: { type: 'string' },
    /**
     * Which parts to run: plan-apply (bench/results.md), startup and changed-since (bench/results-cli.md),
     * environments (bench/results-environments.md).
     */
    cases: { type: 'string', default: 'plan-apply,startup,changed-since,environments' },
    'startup-runs': { type: 'string', default: '21' },
    /** Profiles in each environment's instance for the environments case: enough for a plan of several seconds. */
    'env-size': { type: 'string', default: '60' },
  },
});
const timeScale = Number(values['time-scale']);
const runs = Number(values.runs);
const sizes = (values.sizes ?? '').split(',').map(Number);
if (!(timeScale > 0) || !(runs >= 1) || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 500)) {
  throw new Error('usage: run.js [--time-scale K>0] [--runs R>=1] [--sizes 50,200,500 (each 1..500)] [--out FILE]');
}
const here = dirname(fileURLToPath(import.meta.url));
// dist/bench/run.js -> bench/results.md at the package root.
const outFile = values.out ?? join(here, '..', '..', 'bench', 'results.md');
const cliOutFile = join(here, '..', '..', 'bench', 'results-cli.md');
const environmentsOutFile = join(here, '..', '..', 'bench', 'results-environments.md');
const packageRoot = join(here, '..', '..');
const cases = new Set((values.cases ?? '').split(',').filter((c) => c !== ''));
const CASES = ['plan-apply', 'startup', 'changed-since', 'environments'];
for (const c of cases) if (!CASES.includes(c)) throw new Error(`--cases: unknown case "${c}" (${CASES.join(', ')})`);
const envSize = Number(values['env-size']);
if (!Number.isInteger(envSize) || envSize < 1 || envSize > 500) throw new Error('--env-size: profiles per environment, 1..500');
const work = mkdtempSync(join(tmpdir(), 'connect-gitops-bench-'));

/** Per operation: answered (2xx) and throttled (429) requests, from the emulator's log. */
function countLog(entries: readonly RequestLogEntry[]): Record<string, OpCalls> {
  const out: Record<string, OpCalls> = {};
  for (const e of entries) {
    const c = (out[e.operation] ??= { ok: 0, throttled: 0, other: 0 });
    if (e.status >= 200 && e.status < 300) c.ok += 1;
    else if (e.status === 429) c.throttled += 1;
    else c.other += 1;
  }
  return out;
}

/** The fewest calls a plan can make (design.md, "Reading live state with the fewest calls"; src/live/declared.ts). */
function planLowerBound(s: Scenario): Record<string, number> {
  return readCallsLowerBound(declaredProfiles(s.desired), {
    profiles: s.seed.profiles.length,
    queues: s.seed.queues.filter((q) => q.queueType !== 'AGENT').length,
    pairs: new Map(s.seed.profiles.map((p) => [p.name, { queues: (p.queues ?? []).length, manualQueues: (p.manualAssignmentQueues ?? []).length }])),
  });
}

/** What the client's own pacing allows: its buckets run a little under the quota (src/connect/transport.ts). */
function pacingBoundSeconds(calls: Record<string, number>): number {
  return quotaBound(calls, (op) => pacingQuota(defaultQuotaFor(op))).seconds;
}

interface RunMeasure {
  child: ChildResult;
  planCalls: Record<string, OpCalls>;
  applyCalls: Record<string, OpCalls>;
}

async function measureOnce(s: Scenario, dir: string, mode: 'plan' | 'apply'): Promise<RunMeasure> {
  // A fresh emulator per run: every bucket starts full, as on a quiet account, which the quota bound assumes.
  const emu = await startEmulator({ seed: s.seed, quotas: 'connect-defaults', timeScale });
  try {
    const child = await runChild(
      ['--mode', mode, '--endpoint', emu.endpoint, '--region', emu.region, '--instance-id', emu.instanceId, '--dir', dir, '--time-scale', String(timeScale)],
      childEnvironment(emu.region),
    );
    const split = child.applyStartedAt ?? Number.POSITIVE_INFINITY;
    return {
      child,
      planCalls: countLog(emu.requestLog.filter((e) => e.at < split)),
      applyCalls: countLog(emu.requestLog.filter((e) => e.at >= split)),
    };
  } finally {
    await emu.close();
  }
}

function sameCalls(a: Record<string, OpCalls>, b: Record<string, OpCalls>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

function row(
  s: Scenario,
  phase: ScenarioRow['phase'],
  measures: RunMeasure[],
  pick: (m: RunMeasure) => Record<string, OpCalls>,
  lowerBound: (m: RunMeasure) => Record<string, number>,
  connectMs: (c: ChildResult) => number,
  realMs: (c: ChildResult) => number,
  clientThrottles: (c: ChildResult) => number,
): ScenarioRow {
  const middle = medianBy(measures, (m) => connectMs(m.child));
  const bound = lowerBound(middle);
  const calls = pick(middle);
  return {
    size: s.size,
    kind: s.kind,
    phase,
    calls,
    callsVaryAcrossRuns: measures.some((m) => !sameCalls(pick(m), calls)),
    lowerBound: bound,
    quotaBoundSeconds: quotaBound(bound, defaultQuotaFor).seconds,
    pacingBoundSeconds: pacingBoundSeconds(bound),
    connectSeconds: median(measures.map((m) => connectMs(m.child))) / 1000,
    realSeconds: median(measures.map((m) => realMs(m.child))) / 1000,
    clientThrottles: median(measures.map((m) => clientThrottles(m.child))),
    maxClientThrottles: Math.max(...measures.map((m) => clientThrottles(m.child))),
    failures: Math.max(...measures.map((m) => m.child.failures)),
    firstError: measures.find((m) => m.child.error)?.child.error,
    cpuSeconds: median(measures.map((m) => (m.child.usage.cpuUserMs + m.child.usage.cpuSystemMs) / 1000)),
    peakRssMb: median(measures.map((m) => m.child.usage.peakRssMb)),
    changes: middle.child.changes,
    planCpuMs: median(measures.map((m) => m.child.planCpuMs)),
    loadCpuMs: median(measures.map((m) => m.child.loadCpuMs)),
  };
}

async function measurePeer(s: Scenario, runsWanted: number): Promise<PeerRow> {
  const results: { child: ChildResult; calls: Record<string, OpCalls> }[] = [];
  for (let r = 0; r < runsWanted; r++) {
    const emu = await startEmulator({ seed: s.seed, quotas: 'connect-defaults', timeScale });
    try {
      // Terraform knows each resource's ID from its state file; here the emulator's snapshot stands in for it.
      const ids = emu.snapshot().profiles.map((p) => p.routingProfileId);
      const idsFile = join(work, `peer-ids-${s.size}.json`);
      writeFileSync(idsFile, JSON.stringify(ids));
      const child = await runChild(
        ['--mode', 'peer', '--endpoint', emu.endpoint, '--region', emu.region, '--instance-id', emu.instanceId, '--ids', idsFile, '--time-scale', String(timeScale)],
        childEnvironment(emu.region),
      );
      results.push({ child, calls: countLog(emu.requestLog) });
    } finally {
      await emu.close();
    }
  }
  const middle = medianBy(results, (r) => r.child.readMs);
  return {
    size: s.size,
    calls: middle.calls,
    connectSeconds: (median(results.map((r) => r.child.readMs)) * timeScale) / 1000,
    throttled: median(results.map((r) => Object.values(r.calls).reduce((n, c) => n + c.throttled, 0))),
    failures: median(results.map((r) => r.child.failures)),
    firstError: results.find((r) => r.child.error)?.child.error,
    cpuSeconds: median(results.map((r) => (r.child.usage.cpuUserMs + r.child.usage.cpuSystemMs) / 1000)),
    peakRssMb: median(results.map((r) => r.child.usage.peakRssMb)),
  };
}

const log = (msg: string): void => void process.stderr.write(`${msg}\n`);

function measureStartupCase(): StartupResult {
  log(`start-up: validate of the example profiles against node -e 0, ${values['startup-runs']} runs each`);
  return measureStartup(packageRoot, Number(values['startup-runs']));
}

async function measureChangedSinceCase(): Promise<ChangedSinceResult> {
  log('changed-since: 500 profiles, 2 files changed, scoped plan against full plan');
  return measureChangedSince({ work, cli: join(packageRoot, 'dist', 'src', 'cli', 'main.js'), timeScale, runs });
}
const started = Date.now();
const rows: ScenarioRow[] = [];
const peers: PeerRow[] = [];
try {
  if (cases.has('plan-apply')) {
    for (const size of sizes) {
      for (const kind of SCENARIO_KINDS) {
        const s = buildScenario(kind, size);
        const dir = join(work, `${kind}-${size}`);
        writeProfileFiles(dir, s.desired);
        const mode = kind === 'create' ? 'apply' : 'plan';
        const measures: RunMeasure[] = [];
        for (let r = 0; r < runs; r++) {
          log(`N=${size} ${kind}: run ${r + 1}/${runs}`);
          measures.push(await measureOnce(s, dir, mode));
        }
        // A plan's Connect time: the read phase ran on the K-times clock; loading and planning are CPU, unscaled.
        const planConnectMs = (c: ChildResult): number => c.readMs * timeScale + c.loadMs + c.planMs;
        const planRealMs = (c: ChildResult): number => c.loadMs + c.readMs + c.planMs;
        rows.push(
          row(s, 'plan', measures, (m) => m.planCalls, () => planLowerBound(s), planConnectMs, planRealMs, (c) => c.readStats?.throttles ?? 0),
        );
        if (mode === 'apply') {
          rows.push(
            row(
              s,
              'apply',
              measures,
              (m) => m.applyCalls,
              // For apply the lower bound is the plan itself: exactly the calls it lists.
              (m) => m.child.plannedCalls,
              (c) => c.applyMs * timeScale,
              (c) => c.applyMs,
              (c) => c.applyStats?.throttles ?? 0,
            ),
          );
        }
      }
      log(`N=${size} peer (Terraform read pattern)`);
      peers.push(await measurePeer(buildScenario('no-change', size), runs));
    }

    const exportRow = await measureExport(Math.max(...sizes), timeScale, runs, log);

    log('CPU: computePlan on 500 profiles x 20 queue configs');
    const cpuScenario = buildScenario('no-change', 500, 20);
    const cpuDir = join(work, 'cpu-500x20');
    writeProfileFiles(cpuDir, cpuScenario.desired);
    const emu = await startEmulator({ seed: cpuScenario.seed, quotas: 'off' });
    let cpuChild: ChildResult;
    try {
      cpuChild = await runChild(
        ['--mode', 'cpu', '--endpoint', emu.endpoint, '--region', emu.region, '--instance-id', emu.instanceId, '--dir', cpuDir, '--reps', values['cpu-reps'] ?? '15'],
        childEnvironment(emu.region),
      );
    } finally {
      await emu.close();
    }
    if (!cpuChild.cpu) throw new Error(`the CPU run failed: ${cpuChild.error ?? 'no result'}`);

    writeFileSync(
      outFile,
      renderReport({
        machine: machine(),
        timeScale,
        args: process.argv.slice(2).filter((a, i, all) => a !== '--out' && all[i - 1] !== '--out'),
        runs,
        sizes,
        durationSeconds: (Date.now() - started) / 1000,
        rows,
        peers,
        cpu: cpuChild.cpu,
      }) + renderExportSection(exportRow),
    );
    log(`wrote ${outFile}`);
  }
  if (cases.has('startup') || cases.has('changed-since')) {
    const cli = { startup: cases.has('startup') ? measureStartupCase() : undefined, changedSince: cases.has('changed-since') ? await measureChangedSinceCase() : undefined };
    writeFileSync(cliOutFile, renderCliReport({ machine: machine(), args: process.argv.slice(2), ...cli }));
    log(`wrote ${cliOutFile}`);
  }
  if (cases.has('environments')) {
    const result = await measureEnvironments({ work, cli: join(packageRoot, 'dist', 'src', 'cli', 'main.js'), timeScale, runs, size: envSize, log });
    writeFileSync(environmentsOutFile, renderEnvironmentsReport(result, { machine: machine(), args: process.argv.slice(2) }));
    log(`wrote ${environmentsOutFile}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
