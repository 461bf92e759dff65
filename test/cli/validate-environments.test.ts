// validate reads connect-gitops.yaml too, and with environments checks each environment's profiles.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { tempTrees } from '../temp-tree.js';

const repository = tempTrees('cg-validate-env-');

async function validate(root: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['validate', ...args], { cwd: root, env: { LOG_LEVEL: 'silent' }, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const profile = (name: string, environments?: string) =>
  [`name: ${name}`, 'description: d', 'defaultOutboundQueue: Q', 'mediaConcurrencies: [{channel: VOICE, concurrency: 1}]', ...(environments ? [`environments: ${environments}`] : []), ''].join('\n');

describe('validate with connect-gitops.yaml', () => {
  it('reports the config file\'s problems with file:line:column, as data under --format json', async () => {
    const root = repository({ 'connect-gitops.yaml': 'environments:\n  dev: {instanceId: a, region: 3}\n', 'profiles/a.yaml': profile('A') });
    const json = await validate(root, '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      formatVersion: 1,
      valid: false,
      profiles: 0,
      files: 0,
      problems: [{ file: 'connect-gitops.yaml', line: 2, column: 32, message: 'environments.dev.region must be a string, not a number (3); quote it if it is meant as text: "3"' }],
    });
    const text = await validate(root);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('connect-gitops.yaml:2:32: environments.dev.region must be a string, not a number (3)');
  });

  it('checks every environment: profiles limited to one are valid where they are defined', async () => {
    const root = repository({
      'connect-gitops.yaml': 'environments:\n  dev: {instanceId: a}\n  prod: {instanceId: b, overlay: overlays/prod}\n',
      'profiles/a.yaml': profile('A'),
      'profiles/sandbox.yaml': profile('Sandbox', '[dev]'),
      'overlays/prod/a.yaml': 'name: A\ndescription: A in prod\n',
    });
    const r = await validate(root);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Success! 2 routing profiles in 2 files under profiles are valid in every environment (dev 2, prod 1).\n');
    const json = await validate(root, '--format', 'json');
    expect(JSON.parse(json.stdout)).toEqual({
      formatVersion: 1,
      valid: true,
      profiles: 2,
      files: 2,
      environments: [
        { environment: 'dev', profiles: 2 },
        { environment: 'prod', profiles: 1 },
      ],
      problems: [],
    });
    expect(r.code).toBe(0);
  });
});
