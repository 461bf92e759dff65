// Runs action.yml's own "Run connect-gitops" script with bash, as the runner would, against a stand-in CLI
// that records its arguments and answers with a chosen exit code and stdout. Proves the exit-code policy,
// the outputs and that inputs reach the CLI as single arguments, never as shell code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readYaml, runStepDefaults, type Action } from './yaml-files.js';

const action = readYaml<Action>('action.yml');
const script = action.runs.steps.find((s) => s.id === 'run')?.run ?? '';

const root = mkdtempSync(join(tmpdir(), 'action-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const actionPath = join(root, 'action');
mkdirSync(join(actionPath, 'dist', 'src', 'cli'), { recursive: true });
// CommonJS on purpose: no package.json above it says "module".
writeFileSync(
  join(actionPath, 'dist', 'src', 'cli', 'main.js'),
  `const fs = require('node:fs');
fs.writeFileSync(process.env.STUB_ARGS, JSON.stringify(process.argv.slice(2)));
process.stdout.write(process.env.STUB_STDOUT || '');
process.exit(Number(process.env.STUB_EXIT || '0'));
`,
);
const scriptFile = join(root, 'run.sh');
writeFileSync(scriptFile, script);

let counter = 0;

interface Run {
  status: number | null;
  log: string;
  outputs: Record<string, string>;
  args: string[];
  report: string;
}

function runAction(inputs: Record<string, string>, stub: { exit?: number; stdout?: string } = {}): Run {
  counter += 1;
  const dir = join(root, `run-${counter}`);
  mkdirSync(dir);
  const outputFile = join(dir, 'github-output');
  writeFileSync(outputFile, '');
  const argsFile = join(dir, 'args.json');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GITHUB_ACTION_PATH: actionPath,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: dir,
    STUB_ARGS: argsFile,
    STUB_EXIT: String(stub.exit ?? 0),
    STUB_STDOUT: stub.stdout ?? '',
    ...runStepDefaults(action),
    ...inputs,
  };
  // The runner's own invocation for `shell: bash`.
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], { env, cwd: dir, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const report = outputs.report !== undefined && existsSync(outputs.report) ? readFileSync(outputs.report, 'utf8') : '';
  const args = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as string[]) : [];
  return { status: result.status, log: result.stdout + result.stderr, outputs, args, report };
}

describe('action.yml run step', () => {
  it('plan with changes: succeeds, reports changes=true, keeps the Markdown and the saved plan', () => {
    const markdown = '## connect-gitops plan\n\n+ create Tier1\n';
    const r = runAction({ CG_COMMAND: 'plan', CG_INSTANCE: 'abc-123', CG_REGION: 'eu-west-2' }, { exit: 2, stdout: markdown });
    expect(r.status).toBe(0);
    expect(r.outputs.exitcode).toBe('2');
    expect(r.outputs.changes).toBe('true');
    expect(r.outputs.report).toMatch(/report\.md$/);
    expect(r.report).toBe(markdown);
    expect(r.outputs['plan-file']).toMatch(/plan\.json$/);
    expect(r.args).toEqual([
      'plan', '--dir', 'profiles', '--instance-id', 'abc-123', '--region', 'eu-west-2',
      '--format', 'markdown', '--out', r.outputs['plan-file'], '--detailed-exitcode',
    ]);
  });

  it('plan without changes: exit code 0, changes=false', () => {
    const r = runAction({ CG_COMMAND: 'plan' }, { exit: 0, stdout: 'No changes.\n' });
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ exitcode: '0', changes: 'false' });
    expect(r.args).not.toContain('--instance-id');
  });

  it('fail-on-changes=true turns exit code 2 into a failed step', () => {
    const r = runAction({ CG_COMMAND: 'plan', CG_FAIL_ON_CHANGES: 'true' }, { exit: 2 });
    expect(r.status).toBe(2);
    expect(r.outputs.changes).toBe('true');
    expect(r.log).toContain('::error title=connect-gitops plan::');
  });

  it('an error (exit code 1) fails the step and still sets the outputs', () => {
    const r = runAction({ CG_COMMAND: 'plan' }, { exit: 1 });
    expect(r.status).toBe(1);
    expect(r.outputs).toMatchObject({ exitcode: '1', changes: 'false' });
  });

  it('drift: exit code 2 is success by default; no saved plan, no --detailed-exitcode', () => {
    const r = runAction({ CG_COMMAND: 'drift', CG_FORMAT: 'text' }, { exit: 2, stdout: '~ update Tier1\n' });
    expect(r.status).toBe(0);
    expect(r.outputs.changes).toBe('true');
    expect(r.outputs.report).toMatch(/report\.txt$/);
    expect(r.args).toEqual(['drift', '--dir', 'profiles', '--format', 'text']);
  });

  it('changed-since scopes plan and drift, as one argument; apply stays full', () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    expect(runAction({ CG_COMMAND: 'plan', CG_CHANGED_SINCE: sha }, { exit: 0 }).args).toEqual([
      'plan', '--dir', 'profiles', '--changed-since', sha, '--format', 'markdown', '--out', expect.stringMatching(/plan\.json$/), '--detailed-exitcode',
    ]);
    expect(runAction({ CG_COMMAND: 'drift', CG_CHANGED_SINCE: '$(touch pwned) main' }).args).toEqual(['drift', '--dir', 'profiles', '--changed-since', '$(touch pwned) main', '--format', 'markdown']);
    expect(runAction({ CG_COMMAND: 'apply', CG_CHANGED_SINCE: sha }).args).toEqual(['apply', '--dir', 'profiles', '--auto-approve']);
  });

  it('apply: non-interactive, applies the saved plan, and exit code 2 is not success', () => {
    const ok = runAction({ CG_COMMAND: 'apply', CG_PLAN_FILE: '/tmp/plan dir/plan.json', CG_ENDPOINT_URL: 'http://127.0.0.1:4566' });
    expect(ok.status).toBe(0);
    expect(ok.args).toEqual([
      'apply', '--dir', 'profiles', '--endpoint-url', 'http://127.0.0.1:4566', '--auto-approve', '--plan', '/tmp/plan dir/plan.json',
    ]);
    expect(runAction({ CG_COMMAND: 'apply' }, { exit: 2 }).status).toBe(2);
  });

  it('validate: annotations reach the log as workflow commands and stay out of the report', () => {
    const stdout = '::error file=profiles/a.yaml,line=3,col=5,title=connect-gitops::bad\nother output\n';
    const r = runAction({ CG_COMMAND: 'validate' }, { exit: 1, stdout });
    expect(r.status).toBe(1);
    expect(r.args).toEqual(['validate', '--dir', 'profiles']);
    expect(r.report).toBe('other output\n');
    const [beforeReport] = r.log.split('::stop-commands::');
    expect(beforeReport).toContain('::error file=profiles/a.yaml,line=3,col=5,title=connect-gitops::bad');
  });

  it('prints the report with workflow commands switched off', () => {
    const hostile = '| name |\n::set-env name=X::y\n';
    const r = runAction({ CG_COMMAND: 'plan' }, { exit: 2, stdout: hostile });
    const match = /::stop-commands::(\S+)\n([\s\S]*)::\1::/.exec(r.log);
    expect(match, r.log).not.toBeNull();
    expect(match?.[1]).toMatch(/^connect-gitops-[0-9a-f]{32}$/);
    expect(match?.[2]).toBe(hostile);
  });

  it('treats inputs as data, never as shell code', () => {
    const r = runAction({
      CG_COMMAND: 'plan',
      CG_DIRECTORY: 'profiles; touch pwned-1',
      CG_INSTANCE: '$(touch pwned-2)',
      CG_REGION: '`touch pwned-3` "quoted" *',
    });
    expect(r.status).toBe(0);
    expect(r.args.slice(0, 7)).toEqual([
      'plan', '--dir', 'profiles; touch pwned-1', '--instance-id', '$(touch pwned-2)', '--region', '`touch pwned-3` "quoted" *',
    ]);
    const dir = join(root, `run-${counter}`);
    for (const n of [1, 2, 3]) expect(existsSync(join(dir, `pwned-${n}`))).toBe(false);
  });

  it('rejects an unknown command or format before running anything', () => {
    const badCommand = runAction({ CG_COMMAND: 'destroy' });
    expect(badCommand.status).toBe(1);
    expect(badCommand.args).toEqual([]);
    const badFormat = runAction({ CG_COMMAND: 'plan', CG_FORMAT: 'html' });
    expect(badFormat.status).toBe(1);
    expect(badFormat.args).toEqual([]);
  });
});
