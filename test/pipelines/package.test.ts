// The production install, proven end to end: the package as npm would publish it (`npm pack`), installed
// into an empty project without dev dependencies, must run. This is what users get from the registry and
// what the container image's runtime stage does, so a file missing from package.json "files", or a
// run-time import of a dev dependency, fails here.
// Needs the compiled CLI (`npm run build`; `npm test` builds first) and the npm registry or a warm npm cache.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repo } from './yaml-files.js';

const TIMEOUT = 240_000;
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/** npm settings inherited from an enclosing `npm test` must not change how the probe installs. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(global|prefix|omit|include|dry_run|production|only|location|workspaces?)$/i.test(key)) delete env[key];
  }
  // Annotations are not what this test reads.
  delete env.GITHUB_ACTIONS;
  return env;
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: TIMEOUT });
}

function describeFailure(r: SpawnSyncReturns<string>): string {
  return `exit ${r.status}${r.error ? ` (${r.error.message})` : ''}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
}

const work = mkdtempSync(join(tmpdir(), 'connect-gitops-pack-'));
const probe = join(work, 'probe');
let tarball = '';
let packedFiles: string[] = [];

beforeAll(() => {
  const main = join(repo, pkg.bin['connect-gitops']);
  if (!existsSync(main)) throw new Error(`${pkg.bin['connect-gitops']} is missing: run \`npm run build\` first`);

  const pack = run('npm', ['pack', '--json', '--pack-destination', work], repo);
  if (pack.status !== 0) throw new Error(`npm pack failed: ${describeFailure(pack)}`);
  const [result] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, result.filename);
  packedFiles = result.files.map((f) => f.path);

  mkdirSync(probe);
  writeFileSync(join(probe, 'package.json'), JSON.stringify({ name: 'install-probe', version: '0.0.0', private: true }));
  const install = run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], probe);
  if (install.status !== 0) throw new Error(`npm install of the packed tarball failed: ${describeFailure(install)}`);
}, TIMEOUT);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the published package', () => {
  it('contains the compiled CLI, the schema and the model, and no sources or tests', () => {
    expect(packedFiles).toContain('package.json');
    expect(packedFiles).toContain(pkg.bin['connect-gitops'].replace(/^\.\//, ''));
    expect(packedFiles).toContain('schema/routing-profile.schema.json');
    expect(packedFiles.some((f) => f.startsWith('model/'))).toBe(true);
    for (const f of packedFiles) {
      expect(f).not.toMatch(/^(src|test|\.github|examples|node_modules)\//);
      expect(f).not.toMatch(/(^|\/)\.emulator-state/);
    }
  });

  it('installs without dev dependencies', () => {
    expect(existsSync(join(probe, 'node_modules', 'connect-gitops'))).toBe(true);
    const installed = new Set(readdirSync(join(probe, 'node_modules')));
    for (const dev of ['typescript', 'vitest']) expect(installed.has(dev), dev).toBe(false);
  });

  it('runs `connect-gitops --version` from node_modules/.bin', () => {
    const r = run(join(probe, 'node_modules', '.bin', 'connect-gitops'), ['--version'], probe);
    expect(r.status, describeFailure(r)).toBe(0);
    expect(r.stdout.trim()).toContain(pkg.version);
  });

  it('validates the example profiles', () => {
    const profiles = join(repo, 'profiles');
    expect(readdirSync(profiles).some((f) => /\.ya?ml$/.test(f)), 'profiles/ has example YAML files').toBe(true);
    const r = run(join(probe, 'node_modules', '.bin', 'connect-gitops'), ['validate', '--dir', profiles], probe);
    expect(r.status, describeFailure(r)).toBe(0);
  });
});
