// The CPU target: diffing and planning 500 profiles with 20 queue configs each. computePlan is pure, so it is
// timed alone, in-process and warm (median of several), on live state read from the emulator with quotas off;
// the whole desired -> plan pipeline (parse and validate the files, resolve queues, plan) is timed beside it.
import { createConnectClient, createLiveReader } from '../src/connect/index.js';
import { loadDesired } from '../src/desired/load.js';
import { resolveQueueReferences } from '../src/plan/resolve-queues.js';
import type { ResolvedProfile } from '../src/desired/types.js';
import { readLive } from '../src/live/read.js';
import type { LiveState } from '../src/live/types.js';
import { computePlan } from '../src/plan/planner.js';
import { cpuMsSince, median, scaledQuotas } from './measure.js';

export interface CpuBenchResult {
  profiles: number;
  queueConfigsPerProfile: number;
  repetitions: number;
  /** computePlan alone, CPU ms (user + system), median: every profile equal to live. */
  planNoChangeCpuMs: number;
  /** computePlan alone when every profile differs (description and every queue's priority). */
  planAllUpdateCpuMs: number;
  /** Calls the all-update plan lists, as a check that it did real work. */
  allUpdateCalls: number;
  /** loadDesired + resolveQueueReferences + computePlan, CPU ms, median. */
  pipelineCpuMs: number;
  /** loadDesired alone, CPU ms, median (parsing and validating the YAML files). */
  loadCpuMs: number;
}

function timedCpu(reps: number, fn: () => void): number {
  // Warm-up: the first calls pay for JIT compilation, which a long-lived process pays once.
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = process.cpuUsage();
    fn();
    samples.push(cpuMsSince(start));
  }
  return median(samples);
}

/** Every profile differs: a changed description and every queue one priority lower. */
function allChanged(profiles: readonly ResolvedProfile[]): ResolvedProfile[] {
  return profiles.map((p) => ({
    ...p,
    description: `${p.description} (changed)`,
    queues: p.queues?.map((q) => ({ ...q, priority: q.priority >= 99 ? 1 : q.priority + 1 })),
  }));
}

export async function cpuBench(opts: { endpoint: string; region: string; instanceId: string; dir: string; reps: number }): Promise<CpuBenchResult> {
  // The emulator has quotas off for this; the client's pacing is lifted too, since only CPU is measured.
  const client = createConnectClient({ region: opts.region, endpoint: opts.endpoint, quotas: scaledQuotas(10_000) });
  const desired = await loadDesired(opts.dir);
  const declared = desired.profiles.map((p) => ({ name: p.name, managesQueues: p.queues !== undefined }));
  const live: LiveState = await readLive(createLiveReader(client), opts.instanceId, declared);
  client.destroy();

  const resolved = resolveQueueReferences(desired.profiles, live.queues);
  const changed = allChanged(resolved);
  const noChange = computePlan(resolved, live);
  if (noChange.summary.calls !== 0) throw new Error(`the CPU scenario should plan no calls, got ${noChange.summary.calls}`);
  const allUpdateCalls = computePlan(changed, live).summary.calls;
  const queueConfigsPerProfile = Math.max(...resolved.map((p) => p.queues?.length ?? 0));

  const loadSamples: number[] = [];
  const pipelineSamples: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(opts.reps / 3)); i++) {
    const start = process.cpuUsage();
    const loaded = await loadDesired(opts.dir);
    loadSamples.push(cpuMsSince(start));
    computePlan(resolveQueueReferences(loaded.profiles, live.queues), live);
    pipelineSamples.push(cpuMsSince(start));
  }

  return {
    profiles: resolved.length,
    queueConfigsPerProfile,
    repetitions: opts.reps,
    planNoChangeCpuMs: timedCpu(opts.reps, () => void computePlan(resolved, live)),
    planAllUpdateCpuMs: timedCpu(opts.reps, () => void computePlan(changed, live)),
    allUpdateCalls,
    pipelineCpuMs: median(pipelineSamples),
    loadCpuMs: median(loadSamples),
  };
}
