// Finding files and naming them in messages: folder links are followed, and nothing is skipped without a word.
import { realpathSync } from 'node:fs';
import { chmod, mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPath, findProfileFiles, nodeFolderReader, type FolderReader } from '../../src/desired/files.js';
import { loadDesired, loadDesiredFiles, type LoadOptions } from '../../src/desired/load.js';
import { UserInputError } from '../../src/errors.js';
import { MINIMAL, problemsOf, tempDir, writeFiles } from './helpers.js';

const named = (name: string): string => MINIMAL.replace('Tier1 Support', name);

let dir = '';
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await mkdir(path.join(dir, 'b', 'deep', 'er'), { recursive: true });
  await mkdir(path.join(dir, '.git'));
  await mkdir(path.join(dir, 'a'));
  await writeFiles(dir, {
    'z.yaml': named('Z'),
    'B.yml': named('B upper'),
    'a/one.YAML': named('One'),
    'b/deep/er/two.yaml': named('Two'),
    'notes.txt': 'not a profile',
    'README.md': '# profiles',
    '.hidden.yaml': 'name: [broken',
    '.git/config.yaml': 'name: [broken',
    'connect-gitops.yaml': 'instanceId: not-a-profile\n',
  });
});
afterAll(() => cleanup());

describe('finding profile files', () => {
  it('finds *.yaml and *.yml at any depth, sorted, skipping hidden entries and the settings file', async () => {
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

/** A fresh `profiles/` folder inside a temporary directory that is also the working directory of messages. */
interface ProfilesFolder {
  root: string;
  profiles: string;
  /** What loading the folder reports, as printed, paths shown from `root`. */
  problems: (opts?: LoadOptions) => Promise<string[]>;
}

/** Runs `body` on a fresh profiles folder holding `files`, and removes it afterwards. */
async function inProfilesFolder(files: Record<string, string>, body: (folder: ProfilesFolder) => Promise<void>): Promise<void> {
  const { dir: root, cleanup } = await tempDir();
  try {
    const profiles = path.join(root, 'profiles');
    await mkdir(profiles);
    await writeFiles(profiles, files);
    await body({ root, profiles, problems: (opts = {}) => problemsOf(() => loadDesired(profiles, { cwd: root, ...opts })) });
  } finally {
    await cleanup();
  }
}

describe('symbolic links', () => {
  it('follows links to folders and to files, and reads what they lead to', async () => {
    await inProfilesFolder({ 'own.yaml': named('Own') }, async ({ root, profiles }) => {
      await writeFiles(path.join(root, 'shared'), { 'team/linked.yaml': named('Linked'), 'single.yaml': named('Single') });
      await symlink(path.join(root, 'shared', 'team'), path.join(profiles, 'team'));
      await symlink('../shared/single.yaml', path.join(profiles, 'single.yaml'));
      const { profiles: loaded } = await loadDesired(profiles, { cwd: root });
      expect(loaded.map((p) => [p.name, p.source.file])).toEqual([
        ['Own', 'profiles/own.yaml'],
        ['Single', 'profiles/single.yaml'],
        ['Linked', 'profiles/team/linked.yaml'],
      ]);
    });
  });

  it('refuses a link back to a folder that contains it, naming the link, and still reads the rest', async () => {
    await inProfilesFolder({ 'a.yaml': named('A'), 'b/b.yaml': named('B') }, async ({ profiles, problems }) => {
      await symlink('..', path.join(profiles, 'b', 'up'));
      await symlink(profiles, path.join(profiles, 'b', 'top'));
      expect(await problems()).toEqual([
        'profiles/b/top:1:1: symbolic link to profiles, a folder that contains it, so the folders would never end; remove the link',
        'profiles/b/up:1:1: symbolic link to profiles, a folder that contains it, so the folders would never end; remove the link',
      ]);
    });
  });

  it('reads a folder reached twice once, naming the link that leads to it again', async () => {
    await inProfilesFolder({ 'a/a.yaml': named('A') }, async ({ profiles, problems }) => {
      await symlink('a', path.join(profiles, 'b'));
      await symlink('a', path.join(profiles, 'c'));
      expect(await problems()).toEqual([
        'profiles/b:1:1: this folder was already read as profiles/a: a symbolic link leads to it twice; remove the link so that each profile is read once',
        'profiles/c:1:1: this folder was already read as profiles/a: a symbolic link leads to it twice; remove the link so that each profile is read once',
      ]);
    });
  });

  it('walks links that fan out level after level reading each folder once', async () => {
    await inProfilesFolder({ 'l0/p.yaml': named('P') }, async ({ profiles, problems }) => {
      // Each level links twice to the next: 2^20 paths if folders were read once per path.
      for (let level = 0; level < 20; level++) {
        await mkdir(path.join(profiles, `l${level + 1}`), { recursive: true });
        await symlink(`../l${level + 1}`, path.join(profiles, `l${level}`, 'x'));
        await symlink(`../l${level + 1}`, path.join(profiles, `l${level}`, 'y'));
      }
      const listed: string[] = [];
      const fs: FolderReader = {
        ...nodeFolderReader,
        readdir: (folder) => {
          listed.push(folder);
          return nodeFolderReader.readdir(folder);
        },
      };
      const found = await problems({ fs });
      // profiles/ and l0..l20, each listed once; every other way into them (40 links and the top-level
      // entries reached first through links) is one problem.
      expect(listed).toHaveLength(22);
      expect(new Set(listed.map((folder) => realpathSync(folder))).size).toBe(22);
      expect(found).toHaveLength(40);
      expect(found.every((p) => p.includes('a symbolic link leads to it twice'))).toBe(true);
    });
  });

  it('refuses a link that points at itself', async () => {
    await inProfilesFolder({ 'a.yaml': named('A') }, async ({ profiles, problems }) => {
      await symlink('self', path.join(profiles, 'self'));
      expect(await problems()).toEqual(['profiles/self:1:1: cannot follow the symbolic link to "self" (its symbolic links loop); remove or fix the link']);
    });
  });

  it('refuses dangling links, to files and to folders, naming each, with the problems of the files', async () => {
    await inProfilesFolder({ 'a.yaml': named('A'), 'bad.yaml': 'name: [' }, async ({ root, profiles, problems }) => {
      await symlink('../gone/tier2.yaml', path.join(profiles, 'tier2.yaml'));
      await symlink('../removed-team', path.join(profiles, 'team'));
      expect(await problems()).toEqual([
        'profiles/bad.yaml:1:8: YAML syntax error: unexpected end of the stream within a flow collection',
        'profiles/team:1:1: symbolic link to "../removed-team", which does not exist; remove the link or restore what it points to',
        'profiles/tier2.yaml:1:1: symbolic link to "../gone/tier2.yaml", which does not exist; remove the link or restore what it points to',
      ]);
      await expect(findProfileFiles(profiles, { cwd: root })).rejects.toThrow('the profiles folder cannot be read as it is: 2 problems');
    });
  });
});

describe('unreadable folders', () => {
  const EXPECTED = 'profiles/locked:1:1: cannot read this folder (permission denied); make it readable, or move it out of the profiles folder';

  it('names a folder the file system refuses to list (simulated: the same error whoever runs the tests)', async () => {
    await inProfilesFolder({ 'a.yaml': named('A'), 'locked/x.yaml': named('X') }, async ({ profiles, problems }) => {
      const locked = path.join(profiles, 'locked');
      const fs: FolderReader = {
        ...nodeFolderReader,
        readdir: async (folder) => {
          if (folder === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
          return nodeFolderReader.readdir(folder);
        },
      };
      expect(await problems({ fs })).toEqual([EXPECTED]);
    });
  });

  // chmod 000 stops nobody running as root (CI containers often do): there the simulated case above stands in.
  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)('names a folder with mode 000 (skipped as root, whom a mode does not stop)', async () => {
    await inProfilesFolder({ 'a.yaml': named('A'), 'locked/x.yaml': named('X') }, async ({ profiles, problems }) => {
      const locked = path.join(profiles, 'locked');
      await chmod(locked, 0o000);
      try {
        await expect(readdir(locked)).rejects.toThrow(/EACCES/);
        expect(await problems()).toEqual([EXPECTED]);
      } finally {
        // The folder must be listable again for the temporary directory to be removed.
        await chmod(locked, 0o755);
      }
    });
  });
});

describe('unreadable files', () => {
  // Again, a mode does not stop root; the message is the same whatever the reason the file cannot be opened.
  it.skipIf(process.getuid?.() === 0)('names a file with mode 000 (skipped as root)', async () => {
    await inProfilesFolder({ 'a.yaml': named('A') }, async ({ profiles, problems }) => {
      await chmod(path.join(profiles, 'a.yaml'), 0o000);
      expect(await problems()).toEqual(['profiles/a.yaml:1:1: cannot read the file (permission denied); make it readable, or move it out of the profiles folder']);
    });
  });

  it('names a path that is a folder where a file was expected', async () => {
    await inProfilesFolder({}, async ({ root, profiles }) => {
      await mkdir(path.join(profiles, 'looks-like.yaml'));
      expect(await problemsOf(() => loadDesiredFiles([path.join(profiles, 'looks-like.yaml')], { cwd: root }))).toEqual([
        'profiles/looks-like.yaml:1:1: cannot read the file (it is a folder); make it readable, or move it out of the profiles folder',
      ]);
    });
  });
});

describe('excluded folders', () => {
  it('skips the folders it is told to, and links that lead into them', async () => {
    await inProfilesFolder({ 'a.yaml': named('A'), 'overlays/dev/a.yaml': 'name: A\ndescription: dev only\n' }, async ({ root, profiles, problems }) => {
      await symlink('overlays/dev', path.join(profiles, 'dev-link'));
      const { profiles: loaded } = await loadDesired(profiles, { cwd: root, exclude: [path.join(profiles, 'overlays', 'dev')] });
      expect(loaded.map((p) => p.source.file)).toEqual(['profiles/a.yaml']);
      // Without the exclusion the overlay documents are read as profiles, and fail as such.
      expect(await problems()).toEqual([
        'profiles/dev-link/a.yaml:1:1: missing required key "defaultOutboundQueue"',
        'profiles/dev-link/a.yaml:1:1: missing required key "mediaConcurrencies"',
        'profiles/overlays/dev:1:1: this folder was already read as profiles/dev-link: a symbolic link leads to it twice; remove the link so that each profile is read once',
      ]);
    });
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
