// bench/results.md: the machine, then every figure next to what it is measured against, then a verdict per target.
// Everything printed here comes from the run; nothing is typed in by hand.
import { cpus, totalmem } from 'node:os';
import { PACING_JITTER_ALLOWANCE_MS, PACING_RATE_FACTOR } from '../src/connect/transport.js';
import type { CpuBenchResult } from './cpu.js';
import { PEER_CONCURRENCY, PEER_MAX_ATTEMPTS, PEER_QUEUE_PAGE_SIZE } from './peer-terraform.js';
import { DRIFT_EVERY, QUEUE_POOL_SIZE } from './scenarios.js';

export interface OpCalls {
  ok: number;
  throttled: number;
  other: number;
}

export interface ScenarioRow {
  size: number;
  kind: string;
  phase: 'plan' | 'apply';
  /** Requests the emulator received, per operation (median run). */
  calls: Record<string, OpCalls>;
  callsVaryAcrossRuns: boolean;
  lowerBound: Record<string, number>;
  quotaBoundSeconds: number;
  pacingBoundSeconds: number;
  /** Median wall time converted to Connect time. */
  connectSeconds: number;
  /** Median wall time as measured, on the sped-up clock. */
  realSeconds: number;
  clientThrottles: number;
  maxClientThrottles: number;
  failures: number;
  firstError?: string;
  cpuSeconds: number;
  peakRssMb: number;
  changes: { create: number; update: number; noOp: number };
  planCpuMs: number;
  loadCpuMs: number;
}

export interface PeerRow {
  size: number;
  calls: Record<string, OpCalls>;
  connectSeconds: number;
  throttled: number;
  failures: number;
  firstError?: string;
  cpuSeconds: number;
  peakRssMb: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  date: string;
}

export interface BenchReport {
  machine: Machine;
  timeScale: number;
  /** The options the benchmark ran with, so the command that regenerates the file is on its first lines. */
  args: string[];
  runs: number;
  sizes: number[];
  durationSeconds: number;
  rows: ScenarioRow[];
  peers: PeerRow[];
  cpu: CpuBenchResult;
}

/** Targets from the issue. */
export const TARGETS = { wallRatio: 1.15, planCpuMs: 200, peakRssMb: 150 } as const;

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

const SHORT: Record<string, string> = {
  SearchRoutingProfiles: 'Search',
  DescribeRoutingProfile: 'Describe',
  ListRoutingProfileQueues: 'ListRPQueues',
  ListQueues: 'ListQueues',
  SearchQueues: 'SearchQueues',
  CreateRoutingProfile: 'Create',
  UpdateRoutingProfileName: 'UpdName',
  UpdateRoutingProfileConcurrency: 'UpdConcurrency',
  UpdateRoutingProfileQueues: 'UpdQueues',
  UpdateRoutingProfileDefaultOutboundQueue: 'UpdOutbound',
  UpdateRoutingProfileAgentAvailabilityTimer: 'UpdTimer',
  AssociateRoutingProfileQueues: 'Associate',
  DisassociateRoutingProfileQueues: 'Disassociate',
  TagResource: 'Tag',
  UntagResource: 'Untag',
};
const short = (op: string): string => SHORT[op] ?? op;
const s1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '—');
const s2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '—');
const total = (calls: Record<string, OpCalls>): number => Object.values(calls).reduce((n, c) => n + c.ok + c.throttled + c.other, 0);

/** True when the requests are exactly the lower bound: the same operations, the same counts, nothing refused. */
export function callsAtLowerBound(calls: Record<string, OpCalls>, bound: Record<string, number>): boolean {
  const ops = new Set([...Object.keys(calls), ...Object.keys(bound)]);
  for (const op of ops) {
    const c = calls[op] ?? { ok: 0, throttled: 0, other: 0 };
    if (c.ok !== (bound[op] ?? 0) || c.throttled !== 0 || c.other !== 0) return false;
  }
  return true;
}

function callsCell(calls: Record<string, OpCalls>, bound: Record<string, number>): string {
  const ops = [...new Set([...Object.keys(bound), ...Object.keys(calls)])].sort();
  const parts = ops.map((op) => {
    const c = calls[op] ?? { ok: 0, throttled: 0, other: 0 };
    const extra = c.throttled > 0 ? ` +${c.throttled}×429` : '';
    return `${short(op)} ${c.ok}${extra}/${bound[op] ?? 0}`;
  });
  return `${parts.join(', ')} ${callsAtLowerBound(calls, bound) ? '✓' : '✗'}`;
}

function ratio(row: ScenarioRow): number {
  return row.quotaBoundSeconds > 0 ? row.connectSeconds / row.quotaBoundSeconds : Number.NaN;
}

function scenarioLabel(row: ScenarioRow): string {
  if (row.kind === 'create') return row.phase === 'plan' ? 'create: plan' : 'create: apply';
  return row.kind === 'drift' ? `drift plan (${row.changes.update} to update)` : 'no-change plan';
}

export function renderReport(r: BenchReport): string {
  const m = r.machine;
  const out: string[] = [];
  out.push('# Benchmark: plan and apply against Connect\'s published quotas');
  out.push('');
  const command = ['npm run bench', ...(r.args.length > 0 ? ['--', ...r.args] : [])].join(' ');
  out.push(`Generated by \`${command}\` (bench/run.ts). Do not edit by hand; run it again.`);
  out.push('');
  out.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory; Node ${m.node}; ${m.date}.`);
  out.push(
    `- Runs: median of ${r.runs} per figure; sizes ${r.sizes.join(', ')} profiles with 5 queue configs each (pool of ${QUEUE_POOL_SIZE} queues); whole benchmark took ${Math.round(r.durationSeconds)} s.`,
  );
  out.push(
    `- Clock: the emulator enforces Connect's published quotas (2 requests/s, burst 5; 10/s, burst 10 for Describe, List*) on a clock running ${r.timeScale}× real time, and the client paces at ${r.timeScale}× the quotas, so every ratio is kept. Wall times are shown converted to Connect time; \`--time-scale 1\` measures in real time.`,
  );
  out.push(
    '- A plan\'s Connect time is its read phase × the time scale plus loading the files and planning (CPU work, which a faster clock does not shorten). Each run is a fresh emulator (every bucket starts full, as on a quiet account) and a fresh child process (CPU and peak RSS are that run\'s alone).',
  );
  out.push('');

  out.push('## Plan and apply');
  out.push('');
  out.push(
    'Calls are requests the emulator received per operation, `answered/lower bound` (`+n×429` when some were throttled). Lower bound: ceil(profiles/500) Search pages (at least one), one Describe per declared profile that exists, ListRoutingProfileQueues pages for those that manage `queues`, one queue-list page; for apply, exactly the planned calls. Quota bound: for each operation max(0, calls − burst)/rate, the slowest operation decides (they run side by side).',
  );
  out.push('');
  out.push('| N | scenario | calls (answered/lower bound) | wall, Connect s | quota bound s | ratio | client pacing bound s | wall at ' + `${r.timeScale}× s` + ' | 429s seen by client | failures reaching user | CPU s | peak RSS MB |');
  out.push('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of r.rows) {
    const vary = row.callsVaryAcrossRuns ? ' (varied across runs)' : '';
    out.push(
      `| ${row.size} | ${scenarioLabel(row)} | ${callsCell(row.calls, row.lowerBound)}${vary} | ${s1(row.connectSeconds)} | ${s1(row.quotaBoundSeconds)} | ${s2(ratio(row))} | ${s1(row.pacingBoundSeconds)} | ${s2(row.realSeconds)} | ${row.clientThrottles}${row.maxClientThrottles > row.clientThrottles ? ` (max ${row.maxClientThrottles})` : ''} | ${row.failures} | ${s2(row.cpuSeconds)} | ${Math.round(row.peakRssMb)} |`,
    );
  }
  out.push('');
  out.push(
    `"client pacing bound" is the same formula with the buckets the client actually paces with: ${Math.round(PACING_RATE_FACTOR * 100)} % of each rate and the burst less the tokens of ${PACING_JITTER_ALLOWANCE_MS} ms at that rate (at least 1; src/connect/transport.ts, PACING_RATE_FACTOR and burstReserve), headroom the client keeps so that arrivals bunched by the network never find Connect's bucket empty. It costs about ${Math.round((1 / PACING_RATE_FACTOR - 1) * 100)} % of throughput plus a fraction of a second per run, by construction. CPU s is the whole child process (Node startup included).`,
  );
  out.push('');

  out.push('## Peer: the Terraform AWS provider\'s read pattern');
  out.push('');
  out.push(
    `bench/peer-terraform.ts refreshes every profile as \`aws_connect_routing_profile\` does: DescribeRoutingProfile, then ListRoutingProfileQueues with pages of ${PEER_QUEUE_PAGE_SIZE}, ${PEER_CONCURRENCY} resources at once, the SDK's standard retry mode with ${PEER_MAX_ATTEMPTS} attempts (its backoff divided by the time scale), no pacing; it knows each ID (Terraform's state), so it makes no Search. Compared with our no-change plan of the same instance.`,
  );
  out.push('');
  out.push('| N | our requests | peer requests (of them 429) | calls ours/peer | our wall, Connect s | peer wall, Connect s | wall ours/peer | peer profiles failed | peer CPU s | peer peak RSS MB |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of r.peers) {
    const ours = r.rows.find((row) => row.size === p.size && row.kind === 'no-change' && row.phase === 'plan');
    if (!ours) continue;
    const oursTotal = total(ours.calls);
    const peerTotal = total(p.calls);
    out.push(
      `| ${p.size} | ${oursTotal} | ${peerTotal} (${p.throttled}) | ${s2(oursTotal / peerTotal)} | ${s1(ours.connectSeconds)} | ${s1(p.connectSeconds)} | ${s2(ours.connectSeconds / p.connectSeconds)} | ${p.failures}${p.firstError ? ` (${p.firstError})` : ''} | ${s2(p.cpuSeconds)} | ${Math.round(p.peakRssMb)} |`,
    );
  }
  out.push('');

  out.push(
    'A peer refresh that stops early because profiles failed is not a faster refresh: its wall time covers fewer completed reads, and terraform would end that refresh with the errors shown. Peer requests count every attempt, 429s included, since Connect meters them all.',
  );
  out.push('');
  out.push(`## CPU and memory: ${r.cpu.profiles} profiles × ${r.cpu.queueConfigsPerProfile} queue configs`);
  out.push('');
  out.push(`In-process, warm, median of ${r.cpu.repetitions} (CPU = user + system):`);
  out.push('');
  out.push('| measure | CPU ms |');
  out.push('|---|---:|');
  out.push(`| computePlan, nothing differs | ${s1(r.cpu.planNoChangeCpuMs)} |`);
  out.push(`| computePlan, every profile differs (${r.cpu.allUpdateCalls} calls planned) | ${s1(r.cpu.planAllUpdateCpuMs)} |`);
  out.push(`| loading the files (parse, schema, rules) | ${s1(r.cpu.loadCpuMs)} |`);
  out.push(`| whole desired → plan pipeline (load + resolve queues + computePlan) | ${s1(r.cpu.pipelineCpuMs)} |`);
  out.push('');

  out.push('## Against the targets');
  out.push('');
  const planRows = r.rows.filter((row) => row.phase === 'plan');
  const applyRows = r.rows.filter((row) => row.phase === 'apply');
  const yes = (b: boolean): string => (b ? 'met' : '**not met**');
  const answeredOk = (row: ScenarioRow): boolean =>
    Object.keys({ ...row.calls, ...row.lowerBound }).every((op) => (row.calls[op]?.ok ?? 0) === (row.lowerBound[op] ?? 0));
  const callsVerdict = (rows: ScenarioRow[], what: string): string => {
    const misses = rows.filter((row) => !callsAtLowerBound(row.calls, row.lowerBound) || row.callsVaryAcrossRuns);
    if (misses.length === 0) return `met: ${what}, in every run, with no request refused.`;
    const where = misses.map((row) => `N=${row.size} ${scenarioLabel(row)}`).join('; ');
    const answered = rows.every(answeredOk) ? `answered calls equal the lower bound everywhere, but ` : '';
    return `**not met**: ${answered}some runs also sent throttled requests that were retried (${where}); Connect meters those too.`;
  };
  out.push(`- Calls, plan: ${callsVerdict(planRows, 'exactly the lower bound, and nothing for what the files do not manage')}`);
  out.push(`- Calls, apply: ${callsVerdict(applyRows, 'exactly the planned calls')}`);
  const timed = planRows.filter((row) => row.quotaBoundSeconds > 0);
  const worst = timed.reduce<ScenarioRow | undefined>((w, row) => (!w || ratio(row) > ratio(w) ? row : w), undefined);
  const worstApply = applyRows.reduce<ScenarioRow | undefined>((w, row) => (!w || ratio(row) > ratio(w) ? row : w), undefined);
  if (worst) {
    out.push(
      `- Time, plan within ${TARGETS.wallRatio}× of the quota bound: ${yes(ratio(worst) <= TARGETS.wallRatio)} (worst ${s2(ratio(worst))}×, N=${worst.size} ${worst.kind}; plans whose bound is 0 s are left out of the ratio). The client's own pacing alone puts that plan at ${s2(worst.pacingBoundSeconds / worst.quotaBoundSeconds)}× the quota bound, before any latency or file loading; the smaller the plan, the larger the share of the reserved burst token and of the fixed start-up (first round trips, loading the files).${worstApply ? ` Apply, for reference: worst ${s2(ratio(worstApply))}× (N=${worstApply.size}).` : ''}`,
    );
  }
  const failures = r.rows.reduce((n, row) => n + row.failures, 0);
  const throttled = r.rows.reduce((n, row) => n + row.maxClientThrottles, 0);
  out.push(`- No ThrottlingException reaching the user: ${yes(failures === 0)} (${failures} failures; the client itself was throttled ${throttled} times in the worst runs, retried).`);
  out.push(`- CPU, diffing and planning 500 × 20 under ${TARGETS.planCpuMs} ms: ${yes(Math.max(r.cpu.planNoChangeCpuMs, r.cpu.planAllUpdateCpuMs) < TARGETS.planCpuMs)} (${s1(r.cpu.planNoChangeCpuMs)} / ${s1(r.cpu.planAllUpdateCpuMs)} ms).`);
  const rss500 = planRows.filter((row) => row.size === 500).map((row) => row.peakRssMb);
  if (rss500.length > 0) out.push(`- Peak RSS of a 500-profile plan under ${TARGETS.peakRssMb} MB: ${yes(Math.max(...rss500) < TARGETS.peakRssMb)} (${Math.round(Math.max(...rss500))} MB, whole process).`);
  out.push('');
  out.push(`Scenarios: drift changes one profile in ${DRIFT_EVERY}, cycling through description, CHAT concurrency, VOICE CrossChannelBehavior (visible only to Describe), one queue's priority and a tag; create starts from an instance with the queues and no profile.`);
  out.push('');
  return out.join('\n');
}
