// Shared reading of the repository's workflow and action files for the pipeline tests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type Yaml = Record<string, unknown>;

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number | boolean>;
  'working-directory'?: string;
}

export interface Job {
  'runs-on'?: string;
  if?: string;
  needs?: string | string[];
  environment?: string | { name: string };
  permissions?: Record<string, string> | string;
  outputs?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown>; 'fail-fast'?: boolean; 'max-parallel'?: number };
  steps?: Step[];
}

export interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: string | { group: string; 'cancel-in-progress'?: boolean | string };
  jobs: Record<string, Job>;
}

export interface Action {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

/**
 * The environment the runner gives action.yml's run step when a workflow passes no input: each variable mapped
 * from an input (`${{ inputs.NAME }}`) holds that input's default, or '' when it has none.
 */
export function runStepDefaults(action: Action): Record<string, string> {
  const step = action.runs.steps.find((s) => s.id === 'run');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(step?.env ?? {})) {
    const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
    if (input !== undefined) env[key] = action.inputs[input]?.default ?? '';
  }
  return env;
}

/** Repository-relative paths of every workflow file in a folder. */
export function workflowFiles(folder: string): string[] {
  const dir = join(repo, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${folder}/${f}`);
}

export function readText(path: string): string {
  return readFileSync(join(repo, path), 'utf8');
}

export function readYaml<T>(path: string): T {
  return load(readText(path)) as T;
}

/** Every step of a workflow, with the job it belongs to. */
export function workflowSteps(workflow: Workflow): { job: string; step: Step }[] {
  return Object.entries(workflow.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));
}

/** The text of a step that is executed as code: a shell `run:` or an actions/github-script `script:`. */
export function codeOf(step: Step): string | undefined {
  if (step.run !== undefined) return step.run;
  if (step.uses?.startsWith('actions/github-script@') === true) return String(step.with?.script ?? '');
  return undefined;
}
