// The folder walk over any tree of folders, files and symbolic links (loops, fan-out, dangling targets): it
// ends, finds every reachable profile file exactly once, and says why for every link it does not follow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walkProfileFolder, type FolderReader } from '../../src/desired/files.js';

type Entry = { kind: 'file' } | { kind: 'folder'; id: number } | { kind: 'link'; target: number | null };
interface Tree {
  /** Folder id -> its entries by name; folder 0 is the root, folder i > 0 is a real child of a lower id. */
  folders: Map<string, Entry>[];
}

const ROOT = '/p';

/** Folders 1..n hang under a random lower folder; links point at any folder or nowhere. */
const trees: fc.Arbitrary<Tree> = fc
  .record({
    parents: fc.array(fc.nat(), { maxLength: 7 }),
    files: fc.array(fc.nat(), { maxLength: 10 }),
    links: fc.array(fc.record({ from: fc.nat(), to: fc.option(fc.nat(), { nil: null }) }), { maxLength: 8 }),
  })
  .map(({ parents, files, links }) => {
    const folders: Map<string, Entry>[] = [new Map()];
    parents.forEach((parent, index) => {
      const id = index + 1;
      folders.push(new Map());
      folders[parent % id].set(`d${id}`, { kind: 'folder', id });
    });
    files.forEach((at, index) => folders[at % folders.length].set(`f${index}.yaml`, { kind: 'file' }));
    links.forEach(({ from, to }, index) => folders[from % folders.length].set(`l${index}`, { kind: 'link', target: to === null ? null : to % folders.length }));
    return { folders };
  });

function fail(code: string, at: string): never {
  throw Object.assign(new Error(`${code}: ${at}`), { code });
}

/** The real path of each folder: its chain of real parents. */
function realPaths(tree: Tree): string[] {
  const paths = [ROOT];
  tree.folders.forEach((entries, id) => {
    for (const [name, entry] of entries) if (entry.kind === 'folder') paths[entry.id] = `${paths[id]}/${name}`;
  });
  return paths;
}

function inMemory(tree: Tree): FolderReader {
  const real = realPaths(tree);
  const resolve = (at: string): { folder: number } | { file: string } => {
    let folder = 0;
    let realPath = ROOT;
    const segments = at.slice(ROOT.length).split('/').filter((s) => s !== '');
    for (const [index, segment] of segments.entries()) {
      const entry = tree.folders[folder].get(segment) ?? fail('ENOENT', at);
      if (entry.kind === 'file') {
        if (index !== segments.length - 1) fail('ENOTDIR', at);
        return { file: `${realPath}/${segment}` };
      }
      folder = entry.kind === 'folder' ? entry.id : (entry.target ?? fail('ENOENT', at));
      realPath = real[folder];
    }
    return { folder };
  };
  const kind = (isFolder: boolean, isLink = false) => ({ isFile: () => !isFolder && !isLink, isDirectory: () => isFolder && !isLink, isSymbolicLink: () => isLink });
  return {
    readdir: async (at) => {
      const found = resolve(at);
      if (!('folder' in found)) fail('ENOTDIR', at);
      return [...tree.folders[found.folder]].map(([name, entry]) => ({ name, ...kind(entry.kind === 'folder', entry.kind === 'link') }));
    },
    stat: async (at) => kind('folder' in resolve(at)),
    realpath: async (at) => {
      const found = resolve(at);
      return 'folder' in found ? real[found.folder] : found.file;
    },
    readlink: async () => 'somewhere',
  };
}

/** Folders reachable from the root through real children and links, and their files: what the walk must read. */
function reachable(tree: Tree): { folders: Set<number>; files: Set<string> } {
  const real = realPaths(tree);
  const seen = new Set<number>();
  const files = new Set<string>();
  const visit = (id: number): void => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const [name, entry] of tree.folders[id]) {
      if (entry.kind === 'file') files.add(`${real[id]}/${name}`);
      else if (entry.kind === 'folder') visit(entry.id);
      else if (entry.target !== null) visit(entry.target);
    }
  };
  visit(0);
  return { folders: seen, files };
}

describe('the folder walk, over any tree of links', () => {
  it('ends, finds every reachable file once, and names every link or folder it does not enter', async () => {
    await fc.assert(
      fc.asyncProperty(trees, async (tree) => {
        const fs = inMemory(tree);
        const { files, problems } = await walkProfileFolder(ROOT, { fs, cwd: '/' });
        const realFiles = await Promise.all(files.map((f) => fs.realpath(f)));
        expect(new Set(realFiles).size).toBe(realFiles.length);
        const expected = reachable(tree);
        expect(new Set(realFiles)).toEqual(expected.files);
        for (const problem of problems) {
          expect(problem.message).toMatch(/which does not exist|a folder that contains it|already read as/);
        }
        // Every folder read is read once, so each dangling link in it is named exactly once.
        const dangling = [...expected.folders].flatMap((id) => [...tree.folders[id].values()]).filter((e) => e.kind === 'link' && e.target === null);
        expect(problems.filter((p) => p.message.includes('which does not exist'))).toHaveLength(dangling.length);
      }),
      { numRuns: 300 },
    );
  });
});
