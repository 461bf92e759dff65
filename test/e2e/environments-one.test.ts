// A repository with a single environment: it is the default, and the output's shape follows what was asked:
// `--env all` is a run over (all one of) the environments, so a pipeline reading `.environments[]` keeps working.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, releasedAfterEach, runCli } from './harness.js';
import { SEED_QUEUES, support, toYaml } from './fixtures.js';

const scope = releasedAfterEach();

async function oneEnvironment() {
  const emu = await scope.emulator({ queues: SEED_QUEUES });
  const files = scope.profiles({ 'support.yaml': toYaml(support()) });
  writeFileSync(join(files.root, 'connect-gitops.yaml'), `environments:\n  prod:\n    instanceId: ${emu.instanceId}\n    endpointUrl: ${emu.endpoint}\n`);
  // The shell points nowhere: only the environment's settings can reach the emulator.
  const env = cliEnv(emu, { CONNECT_INSTANCE_ID: '', AWS_ENDPOINT_URL_CONNECT: '' });
  return { run: (args: string[]) => runCli(args, { env, cwd: files.root }) };
}

describe('a single environment', () => {
  it('is the default: plan without --env is its usual document, carrying its name', async () => {
    const t = await oneEnvironment();
    const r = await t.run(['plan', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ formatVersion: 1, environment: 'prod', summary: { create: 1 } });
  });

  it('--env all is a run over every environment, one here: the multi-environment document, and --out refused', async () => {
    const t = await oneEnvironment();
    const r = await t.run(['plan', '--env', 'all', '--format', 'json', '--detailed-exitcode']);
    expect(r.code, r.stderr).toBe(2);
    const json = JSON.parse(r.stdout) as { formatVersion: number; environments: { environment: string; summary: { create: number } }[] };
    expect(json.formatVersion).toBe(1);
    expect(json.environments.map((e) => [e.environment, e.summary.create])).toEqual([['prod', 1]]);

    const saved = await t.run(['plan', '--env', 'all', '--out', 'plan.json']);
    expect(saved.code).toBe(1);
    expect(saved.stderr).toContain('--out saves the plan of one environment (--env NAME), and this run is over several (prod)');
  });
});
