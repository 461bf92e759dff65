// `--cases environments`: one repository, two environments on two emulators enforcing Connect's published quotas,
// each instance holding the same N profiles. `plan --env dev`, `plan --env prod` and `plan --env all` through the
// built CLI. In different accounts, the two environments are paced apart and run side by side, so `all` should
// take about the time of the slower one; in one account they share the account's buckets (quotas are per account
// and Region), so `all` should take about the sum.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { dump } from 'js-yaml';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { childEnvironment, countCalls, median, medianBy, runCliTimed, scaledQuotas, throttledCount } from './measure.js';
import { buildScenario, writeProfileFiles } from './scenarios.js';

export const ENVIRONMENTS_REGION = 'eu-west-2';
export const ACCOUNTS = { dev: '111111111111', prod: '222222222222' } as const;

export type Pairing = 'different-accounts' | 'same-account';
export type Selection = 'dev' | 'prod' | 'all';

export interface SelectionResult {
  selection: Selection;
  /** Median wall time of the CLI run, start-up included, in ms. */
  wallMs: number;
  wallRunsMs: number[];
  /** Requests each emulator received in the median run. */
  requests: { dev: number; prod: number };
  /** Requests per operation, both emulators together, in the median run. */
  calls: Record<string, number>;
  /** Requests answered ThrottlingException, both emulators, the most in any run. */
  maxThrottled: number;
}

export interface PairingResult {
  pairing: Pairing;
  accounts: { dev: string; prod: string };
  selections: SelectionResult[];
}

export interface EnvironmentsResult {
  size: number;
  runs: number;
  timeScale: number;
  pairings: PairingResult[];
}

/** One selection's figures in a pairing (undefined only for a pairing built without it). */
export function selectionOf(p: PairingResult, s: Selection): SelectionResult | undefined {
  return p.selections.find((x) => x.selection === s);
}

const wall = (p: PairingResult, s: Selection): number => selectionOf(p, s)?.wallMs ?? Number.NaN;

/** all / the slower single environment: about 1 when the environments run side by side, about 2 when they share. */
export function allOverSlower(p: PairingResult): number {
  return wall(p, 'all') / Math.max(wall(p, 'dev'), wall(p, 'prod'));
}

/** all / (dev + prod): what running them one after the other would cost. */
export function allOverSum(p: PairingResult): number {
  return wall(p, 'all') / (wall(p, 'dev') + wall(p, 'prod'));
}

export async function measureEnvironments(opts: { work: string; cli: string; timeScale: number; runs: number; size: number; log: (msg: string) => void }): Promise<EnvironmentsResult> {
  const s = buildScenario('no-change', opts.size);
  const root = join(opts.work, 'environments');
  writeProfileFiles(join(root, 'profiles'), s.desired);

  const measurePairing = async (pairing: Pairing): Promise<PairingResult> => {
    const accounts = pairing === 'different-accounts' ? { ...ACCOUNTS } : { dev: ACCOUNTS.dev, prod: ACCOUNTS.dev };
    type Run = { wallMs: number; requests: { dev: number; prod: number }; calls: Record<string, number>; throttled: number };
    const runs: Record<Selection, Run[]> = { dev: [], prod: [], all: [] };
    for (let r = 0; r < opts.runs; r++) {
      // Alternating within a run, so load on the machine falls on every selection alike.
      for (const selection of ['dev', 'prod', 'all'] as const) {
        opts.log(`environments, ${pairing}, ${opts.size} profiles each: plan --env ${selection}, run ${r + 1}/${opts.runs}`);
        // Fresh emulators per run: every bucket starts full, as on a quiet account.
        const emulators = await Promise.all(
          (['dev', 'prod'] as const).map((name) =>
            startEmulator({
              seed: { ...s.seed, accountId: accounts[name], region: ENVIRONMENTS_REGION },
              quotas: 'connect-defaults',
              timeScale: opts.timeScale,
            }),
          ),
        );
        const [dev, prod] = emulators as [RunningEmulator, RunningEmulator];
        try {
          writeConfig(root, dev, prod, opts.timeScale);
          const run = await runCliTimed(opts.cli, ['plan', '--env', selection, '--detailed-exitcode'], childEnvironment(ENVIRONMENTS_REGION), root);
          if (run.code !== 0) throw new Error(`plan --env ${selection} exited ${run.code}: ${run.stderr.slice(-2000)}`);
          const requests = { dev: dev.requestLog.length, prod: prod.requestLog.length };
          // The selection must have read exactly the instances it names.
          if ((selection === 'prod') !== (requests.dev === 0) || (selection === 'dev') !== (requests.prod === 0)) {
            throw new Error(`plan --env ${selection} read dev ${requests.dev} times and prod ${requests.prod} times`);
          }
          runs[selection].push({ wallMs: run.wallMs, requests, calls: countCalls(dev.requestLog, prod.requestLog), throttled: throttledCount(dev.requestLog, prod.requestLog) });
        } finally {
          await Promise.all(emulators.map((e) => e.close()));
        }
      }
    }
    const selections = (['dev', 'prod', 'all'] as const).map((selection): SelectionResult => {
      const measured = runs[selection];
      const wallMs = median(measured.map((m) => m.wallMs));
      const middle = medianBy(measured, (m) => m.wallMs);
      return {
        selection,
        wallMs,
        wallRunsMs: measured.map((m) => m.wallMs),
        requests: middle.requests,
        calls: middle.calls,
        maxThrottled: Math.max(...measured.map((m) => m.throttled)),
      };
    });
    return { pairing, accounts, selections };
  };
  return {
    size: opts.size,
    runs: opts.runs,
    timeScale: opts.timeScale,
    pairings: [await measurePairing('different-accounts'), await measurePairing('same-account')],
  };
}

/**
 * The repository's connect-gitops.yaml: both environments by instance ARN (the account is in it) and endpoint.
 * On a sped-up emulator clock the client must pace that much faster too: the quotas, scaled, at the top level.
 */
function writeConfig(root: string, dev: RunningEmulator, prod: RunningEmulator, timeScale: number): void {
  const config = {
    dir: 'profiles',
    ...(timeScale === 1 ? {} : { quotas: scaledQuotas(timeScale) }),
    environments: {
      dev: { instanceId: dev.instanceArn, endpointUrl: dev.endpoint },
      prod: { instanceId: prod.instanceArn, endpointUrl: prod.endpoint },
    },
  };
  writeFileSync(join(root, 'connect-gitops.yaml'), dump(config, { lineWidth: 200 }));
}
