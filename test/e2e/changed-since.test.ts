// plan --changed-since REF in a real git repository: only the profiles the change touches are read and planned.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { cliEnv, received, runCli, releasedAfterEach } from './harness.js';
import { SEED_QUEUES, support, toYaml } from './fixtures.js';

const scope = releasedAfterEach();

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: cwd, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  });

const doc = (name: string, description = `${name} agents`) => support({ name, description, tags: { team: name } });
const NAMES = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];

/** A repository whose base commit declares the five profiles, all live and in sync. */
async function repository() {
  const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: NAMES.map((n) => doc(n)) });
  const files = scope.profiles({
    'alpha.yaml': toYaml(doc('Alpha')),
    'bravo.yaml': toYaml(doc('Bravo')),
    'charlie.yaml': toYaml(doc('Charlie')),
    'team/delta-echo.yaml': toYaml(doc('Delta'), doc('Echo')),
  });
  git(files.root, 'init', '-q', '-b', 'main');
  writeFileSync(join(files.root, 'connect-gitops.yaml'), 'dir: profiles\n');
  git(files.root, 'add', '.');
  git(files.root, 'commit', '-q', '-m', 'base');
  return { e: emu, files, env: cliEnv(emu) };
}

const described = (e: RunningEmulator) =>
  received(e, (op) => op === 'DescribeRoutingProfile' || op === 'ListRoutingProfileQueues').map((r) => `${r.operation} ${String(r.input.RoutingProfileId)}`);
const idOf = (e: RunningEmulator, name: string) => e.snapshot().profiles.find((p) => p.name === name)!.routingProfileId;

describe('plan --changed-since', () => {
  it('reads and plans only documents added, modified, removed or renamed since REF', async () => {
    const { e, files, env } = await repository();
    // Modified: Alpha's description. Added (untracked): Foxtrot. Deleted: charlie.yaml.
    // Moved unchanged: delta-echo.yaml to another folder (a rename git sees; no document changed).
    writeFileSync(join(files.dir, 'alpha.yaml'), toYaml(doc('Alpha', 'Alpha agents, now also EMEA')));
    writeFileSync(join(files.dir, 'foxtrot.yaml'), toYaml(doc('Foxtrot')));
    rmSync(join(files.dir, 'charlie.yaml'));
    git(files.root, 'mv', 'profiles/team/delta-echo.yaml', 'profiles/delta-echo.yaml');
    e.clearRequestLog();

    const r = await runCli(['plan', '--changed-since', 'main', '--format', 'json', '--detailed-exitcode'], { env: { ...env, LOG_LEVEL: 'info' }, cwd: files.root });
    expect(r.code, r.stderr).toBe(2);
    const plan = JSON.parse(r.stdout) as { scope?: unknown; changes: { name: string; action: string }[]; unmanaged: { name: string }[] };
    expect(plan.scope).toEqual({ changedSince: 'main', profiles: 3, declared: 5 });
    // Charlie's file was deleted: still live, now listed as left alone (only in-scope names are looked at).
    expect(plan.unmanaged.map((u) => u.name)).toEqual(['Charlie']);
    expect(plan.changes.map((c) => [c.name, c.action])).toEqual([
      ['Alpha', 'update'],
      ['Foxtrot', 'create'],
    ]);
    // Describe and the queue list for the one touched profile that exists live; nothing for the other four.
    expect(described(e).sort()).toEqual([`DescribeRoutingProfile ${idOf(e, 'Alpha')}`, `ListRoutingProfileQueues ${idOf(e, 'Alpha')}`]);
    expect(received(e).map((x) => x.operation).sort()).toEqual(['DescribeRoutingProfile', 'ListQueues', 'ListRoutingProfileQueues', 'SearchRoutingProfiles']);
    expect(r.stderr).toContain('planning the 3 profiles changed since main (5 files)');

    // Text says plainly that it is scoped; the deleted file's profile is listed as left alone.
    const text = await runCli(['plan', '--changed-since', 'main'], { env: { ...env, LOG_LEVEL: 'info' }, cwd: files.root });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Plan (scoped to 3 of 5 declared profiles changed since main): 1 to create, 1 to update, 0 unchanged');
    expect(text.stdout).toContain('Charlie');

    // drift takes it too, for symmetry: the same scope, drift's exit code.
    e.clearRequestLog();
    const drift = await runCli(['drift', '--changed-since', 'main'], { env, cwd: files.root });
    expect(drift.code, drift.stderr).toBe(2);
    expect(drift.stdout).toContain('scoped to 3 of 5 declared profiles changed since main');
    expect(received(e, (op) => op === 'DescribeRoutingProfile')).toHaveLength(1);
    expect(text.stderr).toMatch(/1 live routing profile is not in the files and left alone: \\"Charlie\\"/);
  });

  it('a saved scoped plan records its scope and applies exactly its own calls', async () => {
    const { e, files, env } = await repository();
    writeFileSync(join(files.dir, 'bravo.yaml'), toYaml(doc('Bravo', 'Bravo agents (night)')));
    const out = join(files.root, 'plan.json');
    const planned = await runCli(['plan', '--changed-since', 'main', '--out', out], { env, cwd: files.root });
    expect(planned.code, planned.stderr).toBe(0);
    // An edit outside the scope after the plan was made is not part of it, and does not make it stale.
    writeFileSync(join(files.dir, 'alpha.yaml'), toYaml(doc('Alpha', 'changed after the plan')));
    e.clearRequestLog();
    const applied = await runCli(['apply', '--plan', out], { env, cwd: files.root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(received(e, (op) => !/^(Search|Describe|List)/.test(op)).map((x) => [x.operation, x.input.Description])).toEqual([
      ['UpdateRoutingProfileName', 'Bravo agents (night)'],
    ]);
    expect(e.snapshot().profiles.find((p) => p.name === 'Alpha')!.description).toBe('Alpha agents');
    // Reads, both before the apply and for the check after it, are for Bravo only.
    expect(new Set(described(e))).toEqual(new Set([`DescribeRoutingProfile ${idOf(e, 'Bravo')}`, `ListRoutingProfileQueues ${idOf(e, 'Bravo')}`]));
  });

  it('falls back to a full plan, saying why, when connect-gitops.yaml changed', async () => {
    const { e, files, env } = await repository();
    writeFileSync(join(files.root, 'connect-gitops.yaml'), 'dir: profiles\n# a comment is enough to change it\n');
    e.clearRequestLog();
    const r = await runCli(['plan', '--changed-since', 'main', '--format', 'json'], { env, cwd: files.root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('planning every profile, not only those changed since main: connect-gitops.yaml changed since main, and it can affect every profile');
    expect((JSON.parse(r.stdout) as { changes: unknown[] }).changes).toHaveLength(5);
    expect(received(e, (op) => op === 'DescribeRoutingProfile')).toHaveLength(5);
  });

  it('a base missing from a shallow clone is a clear error with the way to fetch it, and nothing is read', async () => {
    const { e, files, env } = await repository();
    writeFileSync(join(files.dir, 'alpha.yaml'), toYaml(doc('Alpha', 'second commit')));
    git(files.root, 'commit', '-q', '-am', 'second');
    const base = git(files.root, 'rev-parse', 'HEAD~1').trim();
    const shallow = join(files.root, 'shallow');
    git(files.root, 'clone', '-q', '--depth', '1', `file://${files.root}`, shallow);
    e.clearRequestLog();
    const r = await runCli(['plan', '--changed-since', base], { env, cwd: shallow });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Error: --changed-since ${base}: no such commit in this clone (it is a shallow clone: the base is not fetched)`);
    expect(r.stderr).toContain('fetch-depth: 0');
    expect(r.stderr).toContain('git fetch origin');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(e.requestLog).toEqual([]);
  });

  it('a file renamed with its documents changed counts as the documents it changed', async () => {
    const { e, files, env } = await repository();
    renameSync(join(files.dir, 'team/delta-echo.yaml'), join(files.dir, 'delta-and-echo.yaml'));
    writeFileSync(join(files.dir, 'delta-and-echo.yaml'), toYaml(doc('Delta'), doc('Echo', 'Echo agents (changed)')));
    git(files.root, 'add', '-A');
    e.clearRequestLog();
    const r = await runCli(['plan', '--changed-since', 'main', '--format', 'json'], { env, cwd: files.root });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { changes: { name: string }[] }).changes.map((c) => c.name)).toEqual(['Echo']);
    expect(described(e)).toContain(`DescribeRoutingProfile ${idOf(e, 'Echo')}`);
    expect(described(e)).not.toContain(`DescribeRoutingProfile ${idOf(e, 'Delta')}`);
  });
});
