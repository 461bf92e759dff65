// A pull request that edits 2 profile files of 500: `plan --changed-since` against a full `plan`, both through
// the built CLI against the emulator with Connect's published quotas, in the same run. The profile files live in
// a throwaway git repository whose base commit is the live state; the working tree changes two descriptions.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../src/emulator/index.js';
import { childEnvironment, countCalls, median, runCliTimed, scaledQuotas } from './measure.js';
import { buildScenario, writeProfileFiles } from './scenarios.js';

export interface PlanRun {
  calls: Record<string, number>;
  totalCalls: number;
  wallMs: number;
  exitCode: number;
  changes: number;
}

export interface ChangedSinceResult {
  size: number;
  changedFiles: number;
  runs: number;
  timeScale: number;
  scoped: PlanRun;
  full: PlanRun;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    stdio: 'ignore',
    env: { PATH: process.env.PATH, HOME: cwd, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' },
  });
}

export async function measureChangedSince(opts: { work: string; cli: string; timeScale: number; runs: number; size?: number }): Promise<ChangedSinceResult> {
  const size = opts.size ?? 500;
  const s = buildScenario('no-change', size);
  const root = join(opts.work, 'changed-since');
  const dir = join(root, 'profiles');
  writeProfileFiles(dir, s.desired);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'live state');
  // The pull request: two files edited.
  const edited = ['profile-007.yaml', 'profile-321.yaml'];
  for (const file of edited) {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^description: (.*)$/m, 'description: $1 (edited in a pull request)'));
  }
  // The client paces at the time scale's multiple of the quotas, as the emulator's clock runs.
  const quotaFlags = Object.entries(scaledQuotas(opts.timeScale)).flatMap(([op, q]) => ['--quota', `${op}=${q.ratePerSecond}:${q.burst}`]);

  const measure = async (scoped: boolean): Promise<PlanRun> => {
    const runs: PlanRun[] = [];
    for (let r = 0; r < opts.runs; r++) {
      // A fresh emulator per run: every bucket starts full, as on a quiet account.
      const emu = await startEmulator({ seed: s.seed, quotas: 'connect-defaults', timeScale: opts.timeScale });
      try {
        const env = { ...childEnvironment(emu.region), AWS_ENDPOINT_URL_CONNECT: emu.endpoint, CONNECT_INSTANCE_ID: emu.instanceId };
        const args = ['plan', '--dir', 'profiles', '--format', 'json', '--detailed-exitcode', ...quotaFlags, ...(scoped ? ['--changed-since', 'main'] : [])];
        const result = await runCliTimed(opts.cli, args, env, root);
        if (result.code !== 2) throw new Error(`plan${scoped ? ' --changed-since' : ''} exited ${result.code}: ${result.stderr.slice(-2000)}`);
        const plan = JSON.parse(result.stdout) as { summary: { update: number } };
        const calls = countCalls(emu.requestLog);
        runs.push({ calls, totalCalls: emu.requestLog.length, wallMs: result.wallMs, exitCode: result.code, changes: plan.summary.update });
      } finally {
        await emu.close();
      }
    }
    const wallMs = median(runs.map((r) => r.wallMs));
    const middle = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)] as PlanRun;
    return { ...middle, wallMs };
  };
  return { size, changedFiles: edited.length, runs: opts.runs, timeScale: opts.timeScale, scoped: await measure(true), full: await measure(false) };
}
