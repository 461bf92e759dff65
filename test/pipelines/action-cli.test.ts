// action.yml's run step with the real, compiled CLI behind it (no AWS needed: validate makes no call).
// Needs `npm run build` (npm test builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readYaml, repo, runStepDefaults, type Action } from './yaml-files.js';

const action = readYaml<Action>('action.yml');
const script = action.runs.steps.find((s) => s.id === 'run')?.run ?? '';
const work = mkdtempSync(join(tmpdir(), 'action-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  if (!existsSync(join(repo, 'dist', 'src', 'cli', 'main.js'))) throw new Error('dist/src/cli/main.js is missing: run `npm run build` first');
  writeFileSync(join(work, 'run.sh'), script);
  // A workspace with one invalid profile: VOICE concurrency is always 1 in Connect.
  mkdirSync(join(work, 'workspace', 'bad'), { recursive: true });
  writeFileSync(
    join(work, 'workspace', 'bad', 'tier1.yaml'),
    'name: Tier1\ndescription: Frontline\ndefaultOutboundQueue: BasicQueue\nmediaConcurrencies:\n  - channel: VOICE\n    concurrency: 2\n',
  );
});

function runAction(workspace: string, directory: string): { status: number | null; log: string; outputs: Record<string, string> } {
  const output = join(work, `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: repo,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: work,
    ...runStepDefaults(action),
    CG_COMMAND: 'validate',
    CG_DIRECTORY: directory,
  };
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', join(work, 'run.sh')], { cwd: workspace, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: r.status, log: r.stdout + r.stderr, outputs };
}

describe('the action running the real CLI', () => {
  it('validates the example profiles: exit code 0', () => {
    const r = runAction(repo, 'profiles');
    expect(r.status, r.log).toBe(0);
    expect(r.outputs).toMatchObject({ exitcode: '0', changes: 'false' });
  });

  it('turns an invalid profile into a failed step and an annotation on its line', () => {
    const r = runAction(join(work, 'workspace'), 'bad');
    expect(r.status).toBe(1);
    expect(r.outputs.exitcode).toBe('1');
    // Outside the stop-commands block, so the runner acts on it.
    const [beforeReport] = r.log.split('::stop-commands::');
    expect(beforeReport).toMatch(/^::error file=bad\/tier1\.yaml,line=6,col=\d+,title=connect-gitops::.*VOICE/m);
  });
});
