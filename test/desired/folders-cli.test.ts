// Where a user meets folder problems: `validate` through the built CLI names every bad link with its path,
// exits 1, and shows no stack trace.
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profilesDir, runCli } from '../e2e/harness.js';

const files = profilesDir({});
afterAll(() => files.cleanup());

describe('validate on a profiles folder with bad links', () => {
  it('reports a dangling link and a link loop with their paths, together, and exits 1', async () => {
    copyFileSync('test/fixtures/valid/reference/tier1.yaml', path.join(files.dir, 'tier1.yaml'));
    mkdirSync(path.join(files.dir, 'team'));
    symlinkSync('../gone.yaml', path.join(files.dir, 'gone.yaml'));
    symlinkSync('..', path.join(files.dir, 'team', 'up'));
    const r = await runCli(['validate', '--dir', 'profiles'], { env: { PATH: process.env.PATH ?? '' }, cwd: files.root });
    expect(r.code).toBe(1);
    const output = r.stdout + r.stderr;
    expect(output).toContain('profiles/gone.yaml:1:1: symbolic link to "../gone.yaml", which does not exist; remove the link or restore what it points to');
    expect(output).toContain('profiles/team/up:1:1: symbolic link to profiles, a folder that contains it, so the folders would never end; remove the link');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
