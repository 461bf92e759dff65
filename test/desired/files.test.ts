// Finding files and naming them in messages.
import { mkdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPath, findProfileFiles } from '../../src/desired/files.js';
import { loadDesired } from '../../src/desired/load.js';
import { UserInputError } from '../../src/errors.js';
import { MINIMAL, problemsOf, tempDir, writeFiles } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await mkdir(path.join(dir, 'b', 'deep', 'er'), { recursive: true });
  await mkdir(path.join(dir, '.git'));
  await mkdir(path.join(dir, 'a'));
  await writeFiles(dir, {
    'z.yaml': MINIMAL.replace('Tier1 Support', 'Z'),
    'B.yml': MINIMAL.replace('Tier1 Support', 'B upper'),
    'a/one.YAML': MINIMAL.replace('Tier1 Support', 'One'),
    'b/deep/er/two.yaml': MINIMAL.replace('Tier1 Support', 'Two'),
    'notes.txt': 'not a profile',
    'README.md': '# profiles',
    '.hidden.yaml': 'name: [broken',
    '.git/config.yaml': 'name: [broken',
  });
  // A link cycle must not make the walk endless.
  await symlink(dir, path.join(dir, 'b', 'loop'));
});
afterAll(() => cleanup());

describe('finding profile files', () => {
  it('finds *.yaml and *.yml at any depth, sorted, skipping hidden entries and directory links', async () => {
    const found = (await findProfileFiles(dir)).map((f) => path.relative(dir, f));
    expect(found).toEqual(['B.yml', path.join('a', 'one.YAML'), path.join('b', 'deep', 'er', 'two.yaml'), 'z.yaml']);
  });

  it('loads them in that order', async () => {
    const { profiles } = await loadDesired(dir);
    expect(profiles.map((p) => p.name)).toEqual(['B upper', 'One', 'Two', 'Z']);
  });

  it('refuses a missing directory with a clear error', async () => {
    await expect(loadDesired(path.join(dir, 'nope'))).rejects.toThrow(UserInputError);
    await expect(loadDesired(path.join(dir, 'nope'))).rejects.toThrow(/profiles directory not found/);
    await expect(loadDesired(path.join(dir, 'z.yaml'))).rejects.toThrow(/not a directory/);
  });
});

describe('paths in messages', () => {
  it.each([
    ['profiles/a.yaml', '/repo', 'profiles/a.yaml'],
    ['/repo/profiles/a.yaml', '/repo', 'profiles/a.yaml'],
    ['/elsewhere/a.yaml', '/repo', '/elsewhere/a.yaml'],
    ['../sibling/a.yaml', '/repo', '../sibling/a.yaml'],
  ])('%s seen from %s is %s', (file, cwd, shown) => {
    expect(displayPath(file, cwd)).toBe(shown);
  });

  it('shows loaded files relative to the working directory when under it', async () => {
    const problems = await problemsOf(() => loadDesired('test/fixtures/invalid/duplicate-names-across-files'));
    expect(problems[0]).toMatch(/^test\/fixtures\/invalid\/duplicate-names-across-files\/team-b\/support\.yml:2:7: /);
  });

  it('shows files outside the working directory as given', async () => {
    const { dir: outside, cleanup: done } = await tempDir();
    try {
      await writeFiles(outside, { 'bad.yaml': 'name: [' });
      const problems = await problemsOf(() => loadDesired(outside, { cwd: path.join(outside, 'unrelated') }));
      expect(problems).toHaveLength(1);
      expect(problems[0].startsWith(`${path.join(outside, 'bad.yaml')}:1:8: YAML syntax error`)).toBe(true);
    } finally {
      await done();
    }
  });
});
