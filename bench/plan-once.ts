// One measured run, in its own process: load the profile files, read live state, plan, and (mode apply) apply;
// or (mode peer) the Terraform provider's read pattern. Prints one line of JSON (ChildResult) and nothing else.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyPlan } from '../src/apply/apply.js';
import {
  createConnectClient,
  createConnectWriter,
  createLiveReader,
  transportFor,
  type RequestStatsSnapshot,
} from '../src/connect/index.js';
import { loadDesired } from '../src/desired/load.js';
import { resolveQueueReferences } from '../src/plan/resolve-queues.js';
import { readLive } from '../src/live/read.js';
import { computePlan } from '../src/plan/planner.js';
import { cpuMsSince, scaledQuotas, usageNow, type ChildMode, type ChildResult } from './measure.js';
import { cpuBench } from './cpu.js';
import { readLikeTerraform } from './peer-terraform.js';

function minus(after: RequestStatsSnapshot, before: RequestStatsSnapshot): RequestStatsSnapshot {
  const calls: Record<string, number> = {};
  for (const [op, n] of Object.entries(after.calls)) {
    const d = n - (before.calls[op] ?? 0);
    if (d > 0) calls[op] = d;
  }
  return {
    calls,
    totalCalls: after.totalCalls - before.totalCalls,
    throttles: after.throttles - before.throttles,
    retries: after.retries - before.retries,
    outcomeUnknown: after.outcomeUnknown - before.outcomeUnknown,
    pacingWaitMs: after.pacingWaitMs - before.pacingWaitMs,
  };
}

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

async function main(): Promise<ChildResult> {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'instance-id': { type: 'string' },
      dir: { type: 'string' },
      ids: { type: 'string' },
      'time-scale': { type: 'string', default: '1' },
      reps: { type: 'string' },
    },
  });
  const mode = values.mode as ChildMode;
  const endpoint = values.endpoint ?? '';
  const region = values.region ?? '';
  const instanceId = values['instance-id'] ?? '';
  const timeScale = Number(values['time-scale']);
  const result: ChildResult = {
    mode,
    ok: true,
    failures: 0,
    loadMs: 0,
    readMs: 0,
    planMs: 0,
    applyMs: 0,
    loadCpuMs: 0,
    planCpuMs: 0,
    plannedCalls: {},
    changes: { create: 0, update: 0, noOp: 0 },
    usage: usageNow(),
  };

  if (mode === 'cpu') {
    result.cpu = await cpuBench({ endpoint, region, instanceId, dir: values.dir ?? '', reps: Number(values.reps ?? '15') });
    result.usage = usageNow();
    return result;
  }

  if (mode === 'peer') {
    const ids = JSON.parse(readFileSync(values.ids ?? '', 'utf8')) as string[];
    const peer = await readLikeTerraform({ endpoint, region, instanceId, routingProfileIds: ids, timeScale });
    result.readMs = peer.wallMs;
    result.failures = peer.failures;
    if (peer.failures > 0) {
      result.ok = false;
      result.error = Object.entries(peer.errors)
        .map(([name, n]) => `${n}× ${name}`)
        .join(', ');
    }
    result.usage = usageNow();
    return result;
  }

  const client = createConnectClient({ region, endpoint, quotas: scaledQuotas(timeScale) });
  const reader = createLiveReader(client);
  const stats = transportFor(client).stats;
  try {
    let t = performance.now();
    let cpu = process.cpuUsage();
    const desired = await loadDesired(values.dir ?? '');
    result.loadMs = performance.now() - t;
    result.loadCpuMs = cpuMsSince(cpu);

    t = performance.now();
    const declared = desired.profiles.map((p) => ({ name: p.name, managesQueues: p.queues !== undefined }));
    const live = await readLive(reader, instanceId, declared);
    result.readMs = performance.now() - t;
    result.readStats = stats.snapshot();

    t = performance.now();
    cpu = process.cpuUsage();
    const plan = computePlan(resolveQueueReferences(desired.profiles, live.queues), live);
    result.planMs = performance.now() - t;
    result.planCpuMs = cpuMsSince(cpu);
    for (const change of plan.changes) for (const call of change.calls) result.plannedCalls[call.operation] = (result.plannedCalls[call.operation] ?? 0) + 1;
    result.changes = { create: plan.summary.create, update: plan.summary.update, noOp: plan.summary.noOp };

    if (mode === 'apply') {
      const writer = createConnectWriter(client);
      // A short quiet gap, outside every timing, so that the parent can split the emulator's request log
      // between the read phase and the apply phase by arrival time alone.
      await new Promise((resolve) => setTimeout(resolve, 50));
      result.applyStartedAt = Date.now();
      const before = stats.snapshot();
      t = performance.now();
      const applied = await applyPlan(plan, writer, reader);
      result.applyMs = performance.now() - t;
      result.applyStats = minus(stats.snapshot(), before);
      result.failures = applied.changes.filter((c) => c.outcome === 'failed' || c.outcome === 'skipped').length;
      if (result.failures > 0) {
        result.ok = false;
        const firstFailed = applied.changes.flatMap((c) => c.calls).find((o) => o.status === 'failed');
        result.error = firstFailed && firstFailed.status === 'failed' ? `${firstFailed.errorName}: ${firstFailed.message}` : 'apply skipped changes';
      }
    }
  } catch (e) {
    result.ok = false;
    result.failures += 1;
    result.error = errorText(e);
    result.readStats ??= stats.snapshot();
  }
  client.destroy();
  result.usage = usageNow();
  return result;
}

main().then(
  (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
  (e: unknown) => {
    process.stderr.write(`${errorText(e)}\n`);
    process.exitCode = 1;
  },
);
