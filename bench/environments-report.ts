// bench/results-environments.md: plan over two environments against plan over each, in two accounts and in one,
// next to the pacing bound each should approach. Everything printed here comes from the run.
import { defaultQuotaFor } from '../src/connect/quotas.js';
import { pacingQuota } from '../src/connect/transport.js';
import { allOverSlower, allOverSum, type EnvironmentsResult, type PairingResult, type Selection, selectionOf, type SelectionResult } from './environments-case.js';
import { quotaBound } from './quota-bound.js';
import { type Machine, operationList, reportPreamble } from './report.js';

/** Different accounts: `all` within this factor of the slower environment counts as "about the slower one". */
export const SIDE_BY_SIDE_TARGET = 1.25;

const seconds = (ms: number): string => (ms / 1000).toFixed(2);

/**
 * The least time the client's own pacing allows for these calls on one set of buckets (src/connect/transport.ts
 * paces a little under each quota), on a clock `timeScale` times real time.
 */
export function pacingBoundSeconds(calls: Record<string, number>, timeScale: number): number {
  return quotaBound(calls, (op) => pacingQuota(defaultQuotaFor(op))).seconds / timeScale;
}

function pairingSection(p: PairingResult, r: EnvironmentsResult): string[] {
  const pick = (s: Selection): SelectionResult | undefined => selectionOf(p, s);
  const single = pacingBoundSeconds(pick('dev')?.calls ?? {}, r.timeScale);
  const together = pacingBoundSeconds(pick('all')?.calls ?? {}, r.timeScale);
  const shared = p.pairing === 'same-account';
  const ratio = allOverSlower(p);
  const verdict = shared
    ? single > 0
      ? `shared buckets: expected about ${(together / single).toFixed(2)}, the pacing bound of both on one set of buckets over one's`
      : 'shared buckets, but one environment fits in the burst: too few profiles to show what sharing costs'
    : `target ≤ ${SIDE_BY_SIDE_TARGET} ${ratio <= SIDE_BY_SIDE_TARGET ? '✓' : '✗'}`;
  return [
    `### ${shared ? 'One account' : 'Two accounts'}: dev in ${p.accounts.dev}, prod in ${p.accounts.prod}`,
    '',
    '| plan | wall s (median) | runs, s | requests dev / prod | throttled (most in a run) |',
    '|---|---:|---|---:|---:|',
    ...p.selections.map(
      (s) =>
        `| \`--env ${s.selection}\` | ${seconds(s.wallMs)} | ${s.wallRunsMs.map(seconds).join(', ')} | ${s.requests.dev} / ${s.requests.prod} | ${s.maxThrottled} |`,
    ),
    '',
    `- all / slower: **${ratio.toFixed(2)}** (${verdict}); all / (dev + prod): ${allOverSum(p).toFixed(2)}.`,
    `- Pacing bound: one environment ${single.toFixed(2)} s; ${shared ? 'both on shared buckets' : 'both, each on its own buckets'} ${(shared ? together : single).toFixed(2)} s. Calls in \`--env all\`: ${operationList(pick('all')?.calls ?? {})}.`,
    '',
  ];
}

export function renderEnvironmentsReport(r: EnvironmentsResult, context: { machine: Machine; args: string[] }): string {
  return [
    '# Benchmark: several environments in one plan',
    '',
    ...reportPreamble(context.args, context.machine, 'bench/run.ts, bench/environments-case.ts'),
    `- Two emulators enforcing Connect's published quotas on a clock ${r.timeScale}× real time${r.timeScale === 1 ? '' : ` (the client paces at ${r.timeScale}× the quotas too, from the top-level \`quotas:\` of connect-gitops.yaml)`}, each instance holding the same ${r.size} routing profiles the files declare (no changes). One connect-gitops.yaml names both by instance ARN and endpoint.`,
    `- \`connect-gitops plan --env dev|prod|all --detailed-exitcode\` through the built CLI, wall time start-up included; fresh emulators for every run (every bucket starts full, as on a quiet account); ${r.runs} run${r.runs === 1 ? '' : 's'} of each, alternating.`,
    '',
    "Quotas are per account and Region, and the account is in the instance ARN: environments in two accounts are paced apart and read side by side, so `--env all` should take about the time of the slower one, far below the sum. Two environments in one account share that account's buckets, so there `--env all` should take about the time both environments' calls need on one set of buckets: the sharing costs time, as it would against Connect, instead of throttles.",
    '',
    ...r.pairings.flatMap((p) => pairingSection(p, r)),
  ].join('\n');
}
