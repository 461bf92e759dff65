// The GitHub Actions files: checked by a real workflow/action validator (GitHub's published JSON schemas),
// then for the properties users rely on, read from the parsed YAML rather than from strings in it.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  codeOf,
  readText,
  readYaml,
  repo,
  workflowFiles,
  workflowSteps,
  type Action,
  type Job,
  type Step,
  type Workflow,
} from './yaml-files.js';
import { join } from 'node:path';

interface ValidationState {
  actionType: 'action' | 'workflow';
  errors: unknown[];
}
interface Validator {
  validateAction(src: string): ValidationState;
  validateWorkflow(src: string): ValidationState;
}
const validator = createRequire(join(repo, 'package.json'))('@action-validator/core') as Validator;

const ciWorkflows = workflowFiles('.github/workflows');
const exampleWorkflows = workflowFiles('examples/workflows');
const allWorkflows = [...ciWorkflows, ...exampleWorkflows];

const PLAN = 'examples/workflows/connect-gitops-plan.yml';
const APPLY = 'examples/workflows/connect-gitops-apply.yml';
const DRIFT = 'examples/workflows/connect-gitops-drift.yml';
const ENV_PLAN = 'examples/workflows/connect-gitops-environments-plan.yml';
const ENV_APPLY = 'examples/workflows/connect-gitops-environments-apply.yml';
const ENV_DRIFT = 'examples/workflows/connect-gitops-environments-drift.yml';
const CI = '.github/workflows/ci.yml';
/** The environments of the examples, in the order changes are promoted. */
const ENVIRONMENTS = ['dev', 'test', 'prod'];

/** Contexts a pull request's author controls: never to be spliced into code (GitHub's script-injection list). */
const UNTRUSTED = [
  /github\.event\.pull_request\.(title|body|head\.ref|head\.label|head\.repo\.default_branch)/,
  /github\.head_ref/,
  /github\.event\.(issue|comment|review|review_comment|discussion)\.(title|body)/,
  /github\.event\.commits/,
  /github\.event\.head_commit\.(message|author)/,
  /github\.event\.pages/,
];

const isConnectGitops = (step: Step): boolean => step.uses === './' || /\/connect-gitops@/.test(step.uses ?? '');
const commandOf = (step: Step): string | undefined => (isConnectGitops(step) ? String(step.with?.command) : undefined);
const awsRoleOf = (step: Step): string | undefined =>
  step.uses?.startsWith('aws-actions/configure-aws-credentials@') === true ? String(step.with?.['role-to-assume']) : undefined;

function jobPermissions(workflow: Workflow, job: Job): Record<string, string> {
  const p = job.permissions ?? workflow.permissions;
  expect(typeof p, 'permissions must be listed, not a blanket read-all/write-all').toBe('object');
  return p as Record<string, string>;
}

describe('the files exist', () => {
  it('has the project CI and the example workflows: one instance, and several environments', () => {
    expect(ciWorkflows).toContain(CI);
    expect(exampleWorkflows).toEqual([APPLY, DRIFT, PLAN, ENV_APPLY, ENV_DRIFT, ENV_PLAN].sort());
  });
});

describe('validator', () => {
  it('is real: it rejects a broken workflow and a broken action', () => {
    const broken = 'on: pushh\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo\n';
    expect(validator.validateWorkflow(broken).errors.length).toBeGreaterThan(0);
    const compositeWithoutShell = 'name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo\n';
    expect(validator.validateAction(compositeWithoutShell).errors.length).toBeGreaterThan(0);
  });

  it.each(allWorkflows)('accepts %s', (file) => {
    const state = validator.validateWorkflow(readText(file));
    expect(state.actionType).toBe('workflow');
    expect(state.errors, JSON.stringify(state.errors, null, 2)).toEqual([]);
  });

  it('accepts action.yml', () => {
    const state = validator.validateAction(readText('action.yml'));
    expect(state.actionType).toBe('action');
    expect(state.errors, JSON.stringify(state.errors, null, 2)).toEqual([]);
  });
});

describe.each(allWorkflows)('%s: safe by construction', (file) => {
  const workflow = readYaml<Workflow>(file);
  const steps = workflowSteps(workflow);

  it('never runs on pull_request_target (a fork PR with this repository\'s secrets)', () => {
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
  });

  it('puts no ${{ }} expression into run: or script: code (values go through env:)', () => {
    for (const { job, step } of steps) {
      const code = codeOf(step);
      if (code !== undefined) expect(code, `${job} / ${step.name ?? step.id ?? step.uses ?? 'step'}`).not.toContain('${{');
    }
  });

  it('never puts text from the pull request into code', () => {
    for (const { step } of steps) {
      const code = codeOf(step) ?? '';
      for (const pattern of UNTRUSTED) expect(code).not.toMatch(pattern);
    }
  });

  it('pins every action to a release or commit, never a moving branch', () => {
    for (const { step } of steps) {
      if (step.uses === undefined || step.uses.startsWith('./')) continue;
      expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
    }
  });

  it('does not leave the checkout token in .git/config for later steps', () => {
    for (const { step } of steps) {
      if (step.uses?.startsWith('actions/checkout@') === true) expect(step.with?.['persist-credentials']).toBe(false);
    }
  });

  it('states its permissions', () => {
    for (const job of Object.values(workflow.jobs)) jobPermissions(workflow, job);
  });
});

describe('plan on pull request', () => {
  const workflow = readYaml<Workflow>(PLAN);
  const [jobName, job] = Object.entries(workflow.jobs).find(([, j]) => (j.steps ?? []).some((s) => commandOf(s) === 'plan')) ?? [];

  it('runs on pull_request', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
  });

  it('has exactly OIDC, read contents and PR-comment permissions', () => {
    expect(job, 'a job runs the plan').toBeDefined();
    expect(jobPermissions(workflow, job as Job)).toEqual({ 'id-token': 'write', contents: 'read', 'pull-requests': 'write' });
  });

  it('validates, assumes the read-only plan role, plans with exit code 2 allowed, then comments', () => {
    const steps = (job as Job).steps ?? [];
    const index = (pred: (s: Step) => boolean): number => steps.findIndex(pred);
    const validate = index((s) => commandOf(s) === 'validate');
    const credentials = index((s) => awsRoleOf(s) !== undefined);
    const plan = index((s) => commandOf(s) === 'plan');
    const comment = index((s) => s.uses?.startsWith('actions/github-script@') === true);
    expect(validate).toBeGreaterThanOrEqual(0);
    expect([validate, credentials, plan, comment]).toEqual([...[validate, credentials, plan, comment]].sort((a, b) => a - b));
    expect(new Set([validate, credentials, plan, comment]).size).toBe(4);
    expect(awsRoleOf(steps[credentials])).toBe('${{ vars.CONNECT_GITOPS_PLAN_ROLE_ARN }}');
    expect(steps[plan].with?.format).toBe('markdown');
    expect(String(steps[plan].with?.['fail-on-changes'])).toBe('false');
    // The comment must also replace an old plan when this push's validation or plan failed.
    expect(steps[comment].if).toMatch(/!cancelled\(\)|always\(\)/);
    expect(String(steps[comment].with?.script)).toContain('<!-- connect-gitops:plan -->');
    expect(jobName).toBeDefined();
  });

  it('never uses the apply role', () => {
    expect(readText(PLAN)).not.toContain('APPLY_ROLE');
  });
});

describe('apply on merge', () => {
  const workflow = readYaml<Workflow>(APPLY);
  const jobs = Object.entries(workflow.jobs);
  const applyJobs = jobs.filter(([, j]) => (j.steps ?? []).some((s) => commandOf(s) === 'apply'));

  it('runs on pushes to main', () => {
    expect((workflow.on.push as { branches: string[] }).branches).toEqual(['main']);
  });

  it('runs one apply at a time and never cancels one half-way', () => {
    const concurrency = workflow.concurrency;
    expect(typeof concurrency).toBe('object');
    const c = concurrency as { group: string; 'cancel-in-progress'?: boolean };
    expect(c.group).toMatch(/\S/);
    expect(c.group).not.toContain('${{'); // one group for every run, not one per commit
    expect(c['cancel-in-progress']).toBe(false);
  });

  it('applies only in the protected environment, with the apply role, the saved plan, after a plan job', () => {
    expect(applyJobs).toHaveLength(1);
    const [, job] = applyJobs[0];
    const environment = typeof job.environment === 'string' ? job.environment : job.environment?.name;
    expect(environment).toBe('production');
    expect(jobPermissions(workflow, job)['id-token']).toBe('write');
    const steps = job.steps ?? [];
    expect(steps.map(awsRoleOf).filter((r) => r !== undefined)).toEqual(['${{ vars.CONNECT_GITOPS_APPLY_ROLE_ARN }}']);
    const apply = steps.find((s) => commandOf(s) === 'apply');
    expect(String(apply?.with?.['plan-file'])).toMatch(/plan\.json$/);
    expect(job.needs).toBeDefined();
  });

  it('uses the apply role nowhere else', () => {
    for (const [, job] of jobs.filter(([, j]) => !applyJobs.some(([, a]) => a === j))) {
      expect(job.environment).toBeUndefined();
      for (const step of job.steps ?? []) expect(awsRoleOf(step) ?? '').not.toContain('APPLY');
    }
  });
});

describe('drift on a schedule', () => {
  const workflow = readYaml<Workflow>(DRIFT);
  const steps = workflowSteps(workflow).map(({ step }) => step);

  it('runs on a schedule', () => {
    const schedule = workflow.on.schedule as { cron: string }[];
    expect(schedule.length).toBeGreaterThan(0);
    for (const { cron } of schedule) expect(cron.trim().split(/\s+/)).toHaveLength(5);
  });

  it('runs drift with Markdown output and the read-only role, and manages the issue', () => {
    const drift = steps.find((s) => commandOf(s) === 'drift');
    expect(drift?.with?.format).toBe('markdown');
    expect(steps.map(awsRoleOf).filter((r) => r !== undefined)).toEqual(['${{ vars.CONNECT_GITOPS_PLAN_ROLE_ARN }}']);
    const permissions = jobPermissions(workflow, Object.values(workflow.jobs)[0]);
    expect(permissions).toEqual({ 'id-token': 'write', contents: 'read', issues: 'write' });
    const script = steps.find((s) => s.uses?.startsWith('actions/github-script@') === true);
    expect(String(script?.with?.script)).toContain("const label = 'drift'");
  });
});

/** A matrix of one job per environment, each with that environment's read-only role from a repository variable. */
function expectPlanRoleMatrix(job: Job | undefined): void {
  expect(job?.strategy?.['fail-fast'], 'one environment failing must not cancel the others').toBe(false);
  const include = job?.strategy?.matrix?.include as { environment: string; 'plan-role': string }[];
  expect(include.map((e) => e.environment)).toEqual(ENVIRONMENTS);
  for (const e of include) expect(e['plan-role']).toBe(`\${{ vars.CONNECT_GITOPS_${e.environment.toUpperCase()}_PLAN_ROLE_ARN }}`);
  expect(job?.environment, 'an environment would wait for its reviewers and change the OIDC subject').toBeUndefined();
  const steps = job?.steps ?? [];
  expect(steps.map(awsRoleOf).filter((r) => r !== undefined)).toEqual(['${{ matrix.plan-role }}']);
  const command = steps.find((s) => commandOf(s) === 'plan' || commandOf(s) === 'drift');
  expect(command?.with?.env).toBe('${{ matrix.environment }}');
  expect(command?.with?.format).toBe('markdown');
  expect(String(command?.with?.['fail-on-changes'])).toBe('false');
}

describe('several environments: plan on pull request', () => {
  const workflow = readYaml<Workflow>(ENV_PLAN);
  const jobs = workflow.jobs;
  const planJob = Object.values(jobs).find((j) => (j.steps ?? []).some((s) => commandOf(s) === 'plan'));
  const commentJob = Object.values(jobs).find((j) => (j.steps ?? []).some((s) => s.uses?.startsWith('actions/github-script@') === true));

  it('runs on pull_request, overlays included', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect((workflow.on.pull_request as { paths: string[] }).paths).toEqual(expect.arrayContaining(['profiles/**', 'overlays/**', 'connect-gitops.yaml']));
  });

  it('validates every environment once, without AWS credentials, before any plan', () => {
    const validate = Object.entries(jobs).find(([, j]) => (j.steps ?? []).some((s) => commandOf(s) === 'validate'));
    expect(validate).toBeDefined();
    const [name, job] = validate as [string, Job];
    expect((job.steps ?? []).some((s) => awsRoleOf(s) !== undefined)).toBe(false);
    expect(job.steps?.find((s) => commandOf(s) === 'validate')?.with?.env).toBeUndefined();
    expect(planJob?.needs).toBe(name);
  });

  it('plans each environment in its own job with its own read-only role and only OIDC and read permissions', () => {
    expectPlanRoleMatrix(planJob);
    expect(jobPermissions(workflow, planJob as Job)).toEqual({ 'id-token': 'write', contents: 'read' });
    expect(planJob?.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    const plan = planJob?.steps?.find((s) => commandOf(s) === 'plan');
    expect(plan?.with?.['changed-since']).toBe('${{ github.event.pull_request.base.sha }}');
  });

  it('hands each environment\'s exit code and report to one comment job, even after a failed plan', () => {
    const steps = planJob?.steps ?? [];
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') === true);
    expect(upload?.if).toMatch(/!cancelled\(\)/);
    expect(upload?.with?.name).toBe('connect-gitops-plan-${{ matrix.environment }}');
    const keep = steps.find((s) => s.run?.includes('exitcode') === true);
    expect(keep?.if).toMatch(/!cancelled\(\)/);
    expect(keep?.env).toEqual({ EXITCODE: '${{ steps.plan.outputs.exitcode }}', REPORT: '${{ steps.plan.outputs.report }}' });
  });

  it('posts ONE sticky comment, sections in the matrix order, with nothing but the right to comment', () => {
    expect(commentJob?.needs).toEqual(Object.keys(jobs).filter((n) => jobs[n] !== commentJob));
    expect(commentJob?.if).toMatch(/!cancelled\(\)/);
    expect(jobPermissions(workflow, commentJob as Job)).toEqual({ 'pull-requests': 'write' });
    const script = commentJob?.steps?.find((s) => s.uses?.startsWith('actions/github-script@') === true);
    expect(String(script?.with?.script)).toContain('<!-- connect-gitops:plan -->');
    expect(script?.env?.ENVIRONMENTS?.split(' ')).toEqual(ENVIRONMENTS);
    const download = commentJob?.steps?.find((s) => s.uses?.startsWith('actions/download-artifact@') === true);
    expect(download?.with?.pattern).toBe('connect-gitops-plan-*');
  });

  it('never uses an apply role', () => {
    expect(readText(ENV_PLAN)).not.toContain('APPLY_ROLE');
  });
});

describe('several environments: apply on merge', () => {
  const workflow = readYaml<Workflow>(ENV_APPLY);
  const jobs = workflow.jobs;
  const environmentOf = (job: Job): string | undefined => (typeof job.environment === 'string' ? job.environment : job.environment?.name);
  const stepOf = (job: Job | undefined, command: string): Step | undefined => job?.steps?.find((s) => commandOf(s) === command);

  it('runs on pushes to main, one apply at a time, never cancelled half-way', () => {
    expect((workflow.on.push as { branches: string[] }).branches).toEqual(['main']);
    expect(workflow.concurrency).toEqual({ group: 'connect-gitops-apply', 'cancel-in-progress': false });
  });

  it('applies dev, then test, then prod: each job needs the one before, so a failure stops the line', () => {
    expect(Object.keys(jobs)).toEqual(['apply-dev', 'apply-test', 'plan-prod', 'apply-prod']);
    expect([jobs['apply-dev']?.needs, jobs['apply-test']?.needs, jobs['plan-prod']?.needs, jobs['apply-prod']?.needs]).toEqual([
      undefined, 'apply-dev', 'apply-test', 'plan-prod',
    ]);
    expect(stepOf(jobs['apply-dev'], 'validate')).toBeDefined();
    expect(['apply-dev', 'apply-test', 'apply-prod'].map((n) => stepOf(jobs[n], 'apply')?.with?.env)).toEqual(ENVIRONMENTS);
  });

  it('gates prod: a saved plan with the read-only role, then approval in "production", then exactly that plan', () => {
    const plan = jobs['plan-prod'] as Job;
    expect(environmentOf(plan)).toBeUndefined();
    expect(stepOf(plan, 'plan')?.with?.env).toBe('prod');
    expect((plan.steps ?? []).map(awsRoleOf).filter((r) => r !== undefined)).toEqual(['${{ vars.CONNECT_GITOPS_PROD_PLAN_ROLE_ARN }}']);
    const apply = jobs['apply-prod'] as Job;
    expect(environmentOf(apply)).toBe('production');
    expect(apply.if).toBe("needs.plan-prod.outputs.changes == 'true'");
    expect(String(stepOf(apply, 'apply')?.with?.['plan-file'])).toMatch(/plan\.json$/);
  });

  it('gives each apply job its own environment and its own apply role, used nowhere else', () => {
    const roles = Object.values(jobs).map((j) => [environmentOf(j), (j.steps ?? []).map(awsRoleOf).filter((r) => r !== undefined)]);
    expect(roles).toEqual([
      ['dev', ['${{ vars.CONNECT_GITOPS_DEV_APPLY_ROLE_ARN }}']],
      ['test', ['${{ vars.CONNECT_GITOPS_TEST_APPLY_ROLE_ARN }}']],
      [undefined, ['${{ vars.CONNECT_GITOPS_PROD_PLAN_ROLE_ARN }}']],
      ['production', ['${{ vars.CONNECT_GITOPS_PROD_APPLY_ROLE_ARN }}']],
    ]);
    for (const job of Object.values(jobs)) expect(jobPermissions(workflow, job)).toEqual({ 'id-token': 'write', contents: 'read' });
  });
});

describe('several environments: drift on a schedule', () => {
  const workflow = readYaml<Workflow>(ENV_DRIFT);
  const jobs = Object.values(workflow.jobs);

  it('runs on a schedule, one job per environment with its own read-only role', () => {
    expect((workflow.on.schedule as { cron: string }[]).length).toBeGreaterThan(0);
    expect(jobs).toHaveLength(1);
    expectPlanRoleMatrix(jobs[0]);
    expect(jobPermissions(workflow, jobs[0] as Job)).toEqual({ 'id-token': 'write', contents: 'read', issues: 'write' });
  });

  it('keeps an issue per environment', () => {
    const script = jobs[0]?.steps?.find((s) => s.uses?.startsWith('actions/github-script@') === true);
    expect(script?.env?.ENVIRONMENT).toBe('${{ matrix.environment }}');
    expect(String(script?.with?.script)).toContain('const marker = `<!-- connect-gitops:drift:${environment} -->`;');
    expect(readText(ENV_DRIFT)).not.toContain('APPLY_ROLE');
  });
});

describe('project CI', () => {
  const workflow = readYaml<Workflow>(CI);
  const jobs = Object.values(workflow.jobs);

  it('installs, typechecks and tests on Node 20, 22 and 24', () => {
    const test = jobs.find((j) => (j.steps ?? []).some((s) => s.run === 'npm test'));
    expect(test?.strategy?.matrix?.node).toEqual([20, 22, 24]);
    const runs = (test?.steps ?? []).map((s) => s.run).filter((r) => r !== undefined);
    expect(runs).toEqual(['npm ci', 'npm run typecheck', 'npm test']);
    const setup = test?.steps?.find((s) => s.uses?.startsWith('actions/setup-node@') === true);
    expect(setup?.with?.['node-version']).toBe('${{ matrix.node }}');
  });

  it('builds the image without pushing it', () => {
    const build = jobs.flatMap((j) => j.steps ?? []).find((s) => s.uses?.startsWith('docker/build-push-action@') === true);
    expect(build?.with?.push).toBe(false);
  });
});

describe('action.yml', () => {
  const action = readYaml<Action>('action.yml');
  const steps = action.runs.steps;

  it('is a composite action with the documented inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['command', 'directory', 'env', 'instance', 'region', 'format', 'fail-on-changes', 'plan-file']),
    );
    expect(action.inputs.command.required).toBe(true);
    expect(action.inputs['fail-on-changes'].default).toBe('false');
    expect(action.inputs.env.default).toBe('');
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(['exitcode', 'changes', 'report']));
    for (const output of ['exitcode', 'changes', 'report']) expect(action.outputs[output].value).toMatch(/steps\.run\.outputs\./);
  });

  it('builds itself from its own checkout, then runs the compiled CLI from there', () => {
    const build = steps.find((s) => /npm ci\b/.test(s.run ?? '') && /npm run build/.test(s.run ?? ''));
    expect(build?.run).toContain('cd "$GITHUB_ACTION_PATH"');
    const run = steps.find((s) => s.id === 'run');
    expect(run?.run).toContain('node "$cli"');
    expect(run?.run).toContain('cli="$GITHUB_ACTION_PATH/dist/src/cli/main.js"');
  });

  it('passes inputs only through env:', () => {
    for (const step of steps) {
      if (step.run !== undefined) expect(step.run).not.toContain('${{');
    }
    const run = steps.find((s) => s.id === 'run');
    for (const input of ['command', 'directory', 'env', 'instance', 'region', 'format', 'fail-on-changes', 'plan-file']) {
      expect(Object.values(run?.env ?? {})).toContain(`\${{ inputs.${input} }}`);
    }
  });
});
