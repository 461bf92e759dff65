// Runs the actions/github-script code of the example workflows against a stand-in GitHub API, the way the
// action runs it (an async function of github, context, core, require, process), to prove the sticky PR comment
// and the drift issue life cycle.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readYaml, workflowSteps, type Workflow } from './yaml-files.js';

type Params = Record<string, unknown>;
interface Call {
  method: string;
  params: Params;
}
type Method = (params: Params) => Promise<{ data: unknown }>;

interface Fake {
  github: { rest: { issues: Record<string, Method> }; paginate: (method: Method, params: Params) => Promise<unknown> };
  calls: Call[];
}

/** A GitHub API that records writes; reads answer from `data`; `failures` makes a method throw an HTTP error. */
function fakeGitHub(data: { comments?: unknown[]; issues?: unknown[] }, failures: Record<string, number> = {}): Fake {
  const calls: Call[] = [];
  const method = (name: string, answer: () => unknown): Method => async (params) => {
    calls.push({ method: name, params });
    const status = failures[name];
    if (status !== undefined) throw Object.assign(new Error(`HTTP ${status}`), { status });
    return { data: answer() };
  };
  const issues: Record<string, Method> = {
    listComments: method('listComments', () => data.comments ?? []),
    listForRepo: method('listForRepo', () => data.issues ?? []),
    createComment: method('createComment', () => ({ id: 99, html_url: 'https://example.test/c/99' })),
    updateComment: method('updateComment', () => ({})),
    create: method('create', () => ({ number: 42 })),
    update: method('update', () => ({})),
    getLabel: method('getLabel', () => ({ name: 'drift' })),
    createLabel: method('createLabel', () => ({})),
  };
  return { github: { rest: { issues }, paginate: async (m, params) => (await m(params)).data }, calls };
}

const context = {
  repo: { owner: 'acme', repo: 'contact-centre' },
  issue: { number: 7 },
  serverUrl: 'https://github.com',
  runId: 123,
  payload: { pull_request: { head: { sha: '0123456789abcdef0123456789abcdef01234567' } } },
};
const core = { info: (): void => {}, setOutput: (): void => {} };
const requireForScript = createRequire(import.meta.url);
type AsyncFn = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => AsyncFn;

function scriptOf(file: string): string {
  const step = workflowSteps(readYaml<Workflow>(file)).find(({ step }) => step.uses?.startsWith('actions/github-script@') === true);
  return String(step?.step.with?.script);
}

async function runScript(file: string, fake: Fake, env: Record<string, string>): Promise<Call[]> {
  const fn = new AsyncFunction('github', 'context', 'core', 'require', 'process', scriptOf(file));
  await fn(fake.github, context, core, requireForScript, { env });
  // Reads are how the script finds things; what it wrote is the behaviour.
  return fake.calls.filter((c) => !/^(list|get)/.test(c.method));
}

const dir = mkdtempSync(join(tmpdir(), 'gh-scripts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function reportFile(text: string): string {
  const path = join(dir, `report-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(path, text);
  return path;
}

const PLAN = 'examples/workflows/connect-gitops-plan.yml';
const DRIFT = 'examples/workflows/connect-gitops-drift.yml';
const PLAN_MARKER = '<!-- connect-gitops:plan -->';
const DRIFT_MARKER = '<!-- connect-gitops:drift -->';
const ENV_PLAN = 'examples/workflows/connect-gitops-environments-plan.yml';
const ENV_DRIFT = 'examples/workflows/connect-gitops-environments-drift.yml';

describe('plan workflow: the sticky comment', () => {
  const planEnv = (exitcode: string, report: string): Record<string, string> => ({
    VALIDATE_OUTCOME: 'success',
    PLAN_EXITCODE: exitcode,
    PLAN_REPORT: reportFile(report),
  });

  it('creates one comment with the marker and the plan when there is none', async () => {
    const writes = await runScript(PLAN, fakeGitHub({ comments: [] }), planEnv('2', '+ create Tier1'));
    expect(writes.map((c) => c.method)).toEqual(['createComment']);
    const body = String(writes[0].params.body);
    expect(body.startsWith(PLAN_MARKER)).toBe(true);
    expect(body).toContain('+ create Tier1');
    expect(body).toContain('Changes planned');
    expect(body).toContain('0123456');
    expect(writes[0].params.issue_number).toBe(7);
  });

  it("edits its own earlier comment in place, ignoring a person's comment that quotes the marker", async () => {
    const comments = [
      { id: 1, user: { type: 'User' }, body: `quoting ${PLAN_MARKER}` },
      { id: 2, user: { type: 'Bot' }, body: 'unrelated bot comment' },
      { id: 3, user: { type: 'Bot' }, body: `${PLAN_MARKER}\nold plan` },
    ];
    const writes = await runScript(PLAN, fakeGitHub({ comments }), planEnv('0', 'No changes.'));
    expect(writes.map((c) => c.method)).toEqual(['updateComment']);
    expect(writes[0].params.comment_id).toBe(3);
    expect(String(writes[0].params.body)).toContain('No changes');
  });

  it('says validation failed, without a stale plan, when validation failed', async () => {
    const writes = await runScript(PLAN, fakeGitHub({}), { VALIDATE_OUTCOME: 'failure', PLAN_EXITCODE: '', PLAN_REPORT: '' });
    expect(String(writes[0].params.body)).toContain('Validation failed');
  });

  it('says the plan failed and points to the log on exit code 1', async () => {
    const writes = await runScript(PLAN, fakeGitHub({}), planEnv('1', 'partial'));
    const body = String(writes[0].params.body);
    expect(body).toContain('Plan failed');
    expect(body).toContain('https://github.com/acme/contact-centre/actions/runs/123');
    expect(body).not.toContain('partial');
  });

  it("stays within GitHub's 65,536-character comment limit", async () => {
    const writes = await runScript(PLAN, fakeGitHub({}), planEnv('2', 'x'.repeat(100_000)));
    const body = String(writes[0].params.body);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('cut to fit a comment');
  });
});

describe('drift workflow: one issue labelled drift', () => {
  const open = { number: 5, body: `${DRIFT_MARKER}\nold report`, labels: [{ name: 'drift' }] };
  const handMade = { number: 6, body: 'someone labelled this drift by hand', labels: [{ name: 'drift' }] };
  const driftEnv = (exitcode: string, report = ''): Record<string, string> => ({
    DRIFT_EXITCODE: exitcode,
    DRIFT_REPORT: reportFile(report),
  });

  it('opens an issue labelled drift with the report when none is open', async () => {
    const fake = fakeGitHub({ issues: [handMade] });
    const writes = await runScript(DRIFT, fake, driftEnv('2', '~ update Tier1'));
    expect(writes.map((c) => c.method)).toEqual(['create']);
    expect(writes[0].params.labels).toEqual(['drift']);
    expect(String(writes[0].params.body)).toContain(DRIFT_MARKER);
    expect(String(writes[0].params.body)).toContain('~ update Tier1');
    expect(fake.calls.find((c) => c.method === 'listForRepo')?.params).toMatchObject({ state: 'open', labels: 'drift' });
  });

  it('creates the label first when the repository lacks it', async () => {
    const writes = await runScript(DRIFT, fakeGitHub({ issues: [] }, { getLabel: 404 }), driftEnv('2', 'r'));
    expect(writes.map((c) => c.method)).toEqual(['createLabel', 'create']);
    expect(writes[0].params.name).toBe('drift');
  });

  it('updates the open issue instead of opening another', async () => {
    const writes = await runScript(DRIFT, fakeGitHub({ issues: [handMade, open] }), driftEnv('2', 'new report'));
    expect(writes.map((c) => c.method)).toEqual(['update']);
    expect(writes[0].params.issue_number).toBe(5);
    expect(String(writes[0].params.body)).toContain('new report');
    expect(writes[0].params.state).toBeUndefined();
  });

  it('closes the open issue, with a note, when the instance matches again', async () => {
    const writes = await runScript(DRIFT, fakeGitHub({ issues: [open] }), driftEnv('0'));
    expect(writes.map((c) => c.method)).toEqual(['createComment', 'update']);
    expect(writes[1].params).toMatchObject({ issue_number: 5, state: 'closed' });
  });

  it('does nothing when there is no drift and no open issue', async () => {
    expect(await runScript(DRIFT, fakeGitHub({ issues: [handMade] }), driftEnv('0'))).toEqual([]);
  });

  it('keeps the issue body within 65,536 characters', async () => {
    const writes = await runScript(DRIFT, fakeGitHub({ issues: [] }), driftEnv('2', 'y'.repeat(70_000)));
    expect(String(writes.at(-1)?.params.body).length).toBeLessThanOrEqual(65_536);
  });
});

describe('several environments, plan workflow: one sticky comment, a section per environment', () => {
  /** What the plan jobs upload: per environment an exit code and, when there is one, the report. */
  function results(byEnvironment: Record<string, { exitcode: string; report?: string }>): string {
    const root = join(dir, `results-${Math.random().toString(36).slice(2)}`);
    for (const [name, r] of Object.entries(byEnvironment)) {
      const folder = join(root, `connect-gitops-plan-${name}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'exitcode'), `${r.exitcode}\n`);
      if (r.report !== undefined) writeFileSync(join(folder, 'report.md'), r.report);
    }
    return root;
  }
  const envOf = (resultsDir: string, validate = 'success'): Record<string, string> => ({
    VALIDATE_RESULT: validate,
    ENVIRONMENTS: 'dev test prod',
    RESULTS_DIR: resultsDir,
  });
  const sectionOf = (body: string, name: string): string => body.split('#### ').find((s) => s.startsWith(`${name}:`)) ?? '';

  it('creates one comment with a section per environment, in promotion order, each with its own report', async () => {
    const dirWith = results({
      prod: { exitcode: '2', report: '+ create Tier1 (prod)' },
      dev: { exitcode: '2', report: '+ create Tier1 (dev)' },
      test: { exitcode: '0', report: 'No changes. (test)' },
    });
    const writes = await runScript(ENV_PLAN, fakeGitHub({ comments: [] }), envOf(dirWith));
    expect(writes.map((c) => c.method)).toEqual(['createComment']);
    const body = String(writes[0].params.body);
    expect(body.startsWith(PLAN_MARKER)).toBe(true);
    expect(body).toContain('**Changes planned for dev, prod.**');
    expect([...body.matchAll(/^#### (.*)$/gm)].map((m) => m[1])).toEqual(['dev: changes planned', 'test: no changes', 'prod: changes planned']);
    expect(sectionOf(body, 'dev')).toContain('+ create Tier1 (dev)');
    expect(sectionOf(body, 'test')).toContain('No changes. (test)');
    expect(sectionOf(body, 'prod')).toContain('+ create Tier1 (prod)');
  });

  it('says no changes when every environment matches, and edits its own earlier comment', async () => {
    const comments = [
      { id: 1, user: { type: 'User' }, body: `quoting ${PLAN_MARKER}` },
      { id: 3, user: { type: 'Bot' }, body: `${PLAN_MARKER}\nold plan` },
    ];
    const dirWith = results({ dev: { exitcode: '0', report: 'a' }, test: { exitcode: '0', report: 'b' }, prod: { exitcode: '0', report: 'c' } });
    const writes = await runScript(ENV_PLAN, fakeGitHub({ comments }), envOf(dirWith));
    expect(writes.map((c) => c.method)).toEqual(['updateComment']);
    expect(writes[0].params.comment_id).toBe(3);
    expect(String(writes[0].params.body)).toContain('**No changes.** Every environment already matches the files.');
  });

  it('names the environments that failed, without their partial report, and those that never reported', async () => {
    const dirWith = results({ dev: { exitcode: '2', report: '+ create X' }, test: { exitcode: '1', report: 'partial' } });
    const writes = await runScript(ENV_PLAN, fakeGitHub({}), envOf(dirWith));
    const body = String(writes[0].params.body);
    expect(body).toContain('**Plan failed for test, prod.**');
    expect(body).toContain('https://github.com/acme/contact-centre/actions/runs/123');
    expect(body).toContain('#### test: plan failed (exit code 1)');
    expect(body).toContain('#### prod: plan failed (exit code none)');
    expect(body).not.toContain('partial');
    expect(sectionOf(body, 'dev')).toContain('+ create X');
  });

  it('says validation failed, and shows no plan, when validation failed', async () => {
    const writes = await runScript(ENV_PLAN, fakeGitHub({}), envOf(join(dir, 'nothing-uploaded'), 'failure'));
    const body = String(writes[0].params.body);
    expect(body).toContain('Validation failed');
    expect(body).not.toContain('####');
  });

  it("shares GitHub's 65,536 characters fairly: a short section stays whole, long ones are cut with a note", async () => {
    const dirWith = results({
      dev: { exitcode: '2', report: `dev:${'d'.repeat(50_000)}` },
      test: { exitcode: '2', report: 'test is short' },
      prod: { exitcode: '2', report: `prod:${'p'.repeat(50_000)}` },
    });
    const writes = await runScript(ENV_PLAN, fakeGitHub({}), envOf(dirWith));
    const body = String(writes[0].params.body);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.length).toBeGreaterThan(60_000);
    expect(sectionOf(body, 'test')).toContain('test is short');
    for (const name of ['dev', 'prod']) {
      expect(sectionOf(body, name)).toContain('cut to fit a comment');
      expect(sectionOf(body, name).length).toBeGreaterThan(25_000);
    }
  });
});

describe('several environments, drift workflow: an issue per environment', () => {
  const markerOf = (environment: string): string => `<!-- connect-gitops:drift:${environment} -->`;
  const driftEnv = (environment: string, exitcode: string, report = ''): Record<string, string> => ({
    ENVIRONMENT: environment,
    DRIFT_EXITCODE: exitcode,
    DRIFT_REPORT: reportFile(report),
  });
  const devIssue = { number: 11, body: `${markerOf('dev')}\nold dev report`, labels: [{ name: 'drift' }] };
  const singleInstanceIssue = { number: 12, body: `${DRIFT_MARKER}\nold report`, labels: [{ name: 'drift' }] };

  it("opens prod's own issue, titled with the environment, leaving dev's issue alone", async () => {
    const writes = await runScript(ENV_DRIFT, fakeGitHub({ issues: [devIssue, singleInstanceIssue] }), driftEnv('prod', '2', '~ update Tier1'));
    expect(writes.map((c) => c.method)).toEqual(['create']);
    expect(writes[0].params.title).toBe('Drift in prod: Amazon Connect routing profiles differ from the files');
    expect(writes[0].params.labels).toEqual(['drift']);
    const body = String(writes[0].params.body);
    expect(body.startsWith(markerOf('prod'))).toBe(true);
    expect(body).toContain('**prod**');
    expect(body).toContain('~ update Tier1');
  });

  it("updates dev's open issue on drift in dev, and closes it when dev matches again", async () => {
    const updated = await runScript(ENV_DRIFT, fakeGitHub({ issues: [singleInstanceIssue, devIssue] }), driftEnv('dev', '2', 'new dev report'));
    expect(updated.map((c) => [c.method, c.params.issue_number])).toEqual([['update', 11]]);
    expect(String(updated[0].params.body)).toContain('new dev report');
    const closed = await runScript(ENV_DRIFT, fakeGitHub({ issues: [devIssue] }), driftEnv('dev', '0'));
    expect(closed.map((c) => c.method)).toEqual(['createComment', 'update']);
    expect(String(closed[0].params.body)).toContain('The dev instance matches the files again');
    expect(closed[1].params).toMatchObject({ issue_number: 11, state: 'closed' });
  });

  it("does not close another environment's issue when this one matches", async () => {
    expect(await runScript(ENV_DRIFT, fakeGitHub({ issues: [devIssue] }), driftEnv('prod', '0'))).toEqual([]);
    expect(await runScript(ENV_DRIFT, fakeGitHub({ issues: [devIssue] }), driftEnv('de', '0'))).toEqual([]);
  });

  it('opens the issue when another environment\'s job created the label a moment before (422)', async () => {
    const writes = await runScript(ENV_DRIFT, fakeGitHub({ issues: [] }, { getLabel: 404, createLabel: 422 }), driftEnv('test', '2', 'r'));
    expect(writes.map((c) => c.method)).toEqual(['createLabel', 'create']);
  });

  it('keeps the issue body within 65,536 characters', async () => {
    const writes = await runScript(ENV_DRIFT, fakeGitHub({ issues: [] }), driftEnv('prod', '2', 'y'.repeat(70_000)));
    expect(String(writes.at(-1)?.params.body).length).toBeLessThanOrEqual(65_536);
  });
});
