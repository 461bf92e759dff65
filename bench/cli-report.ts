// bench/results-cli.md: the command line's own figures, start-up fit for a pre-commit hook and the scoped plan
// of a pull request, with the targets they answer to.
import type { ChangedSinceResult, PlanRun } from './changed-since.js';
import { type Machine, operationList, reportPreamble } from './report.js';
import { STARTUP_RATIO_TARGET, type StartupResult } from './startup.js';

export interface CliReport {
  machine: Machine;
  args: string[];
  startup?: StartupResult;
  changedSince?: ChangedSinceResult;
}

const calls = (run: PlanRun): string => operationList(run.calls);

export function renderCliReport(r: CliReport): string {
  const out = ['# Benchmark: start-up and scoped plans', '', ...reportPreamble(r.args, r.machine), ''];
  if (r.startup) {
    const s = r.startup;
    out.push(
      '## Start-up: `validate` of the example profiles',
      '',
      `Wall time of \`connect-gitops validate --dir profiles\` (the built CLI, profiles/ of this repository) against a bare \`node -e 0\`, alternating run by run, median of ${s.runs} each after one unmeasured warm-up of each.`,
      '',
      '| measure | node -e 0 ms | validate ms | ratio | target |',
      '|---|---:|---:|---:|---:|',
      `| wall | ${s.nodeMs.toFixed(1)} | ${s.validateMs.toFixed(1)} | ${s.ratio.toFixed(2)} | ≤ ${STARTUP_RATIO_TARGET} ${s.ratio <= STARTUP_RATIO_TARGET ? '✓' : '✗'} |`,
      ...(s.cpu === undefined ? [] : [`| CPU (user + system) | ${s.cpu.nodeMs.toFixed(0)} | ${s.cpu.validateMs.toFixed(0)} | ${s.cpu.ratio.toFixed(2)} | |`]),
      '',
      'Wall time is the target; CPU time is shown beside it because other work on the machine stretches wall time far more than it stretches CPU time (clock ticks of 10 ms, from /proc).',
      '',
    );
  }
  if (r.changedSince) {
    const c = r.changedSince;
    out.push(
      `## A pull request: ${c.changedFiles} of ${c.size} profile files changed`,
      '',
      `\`plan --changed-since main\` against \`plan\`, both through the built CLI against a fresh emulator enforcing Connect's published quotas on a clock ${c.timeScale}× real time (the client paces at ${c.timeScale}× the quotas too); median of ${c.runs} runs each. Calls are the requests the emulator received.`,
      '',
      '| plan | calls | requests | changes | wall at the time scale, s |',
      '|---|---|---:|---:|---:|',
      `| scoped (--changed-since) | ${calls(c.scoped)} | ${c.scoped.totalCalls} | ${c.scoped.changes} | ${(c.scoped.wallMs / 1000).toFixed(2)} |`,
      `| full | ${calls(c.full)} | ${c.full.totalCalls} | ${c.full.changes} | ${(c.full.wallMs / 1000).toFixed(2)} |`,
      '',
      `Scoped reads: the inventory search, the queue list, and Describe and ListRoutingProfileQueues for the ${c.changedFiles} touched profiles: ${c.scoped.totalCalls} requests against ${c.full.totalCalls}, ${(c.full.wallMs / c.scoped.wallMs).toFixed(1)}× faster end to end (CLI start-up and file loading included, which the clock does not speed up).`,
      '',
    );
  }
  return `${out.join('\n')}`;
}
