// plan --changed-since REF: which profiles a git change touches, from the `git` command CI runners have (no
// library). A profile is touched when a document of that name was added, removed or changed in content between
// REF and the working tree, in any profile file; a document moved unchanged from one file to another is not.
// Old names count too, so a deleted or renamed profile still shows (unmanaged, or a delete with prune on).
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { loadAll } from 'js-yaml';
import { UserInputError } from '../errors.js';
import { canonicalJson } from '../plan/canonical-json.js';
import { SETTINGS_FILE_NAME } from '../desired/files.js';

export type ChangeScope =
  | { kind: 'scoped'; ref: string; names: Set<string>; files: string[] }
  /** Something that can affect every profile changed: plan everything, and say why. */
  | { kind: 'full'; ref: string; reason: string };

export interface ChangedSinceOptions {
  ref: string;
  /** The profiles folder. */
  dir: string;
  cwd: string;
  /** Files and folders whose change can affect every profile: connect-gitops.yaml, overlay folders. */
  everyProfileInputs?: readonly string[];
}

const PROFILE_FILE = /\.ya?ml$/i;
const FETCH_HINT =
  'In GitHub Actions, check out with actions/checkout and `fetch-depth: 0`, or fetch the base first: `git fetch origin <base-branch-or-sha>`.';

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new UserInputError('--changed-since needs the git command, and it was not found on PATH', [], 'Install git, or plan without --changed-since.'));
          return;
        }
        reject(Object.assign(error, { stderr }));
        return;
      }
      resolvePromise(stdout);
    });
  });
}

async function gitOk(args: readonly string[], cwd: string): Promise<string | undefined> {
  try {
    return await git(args, cwd);
  } catch (e) {
    if (e instanceof UserInputError) throw e;
    return undefined;
  }
}

/** The repository's top folder, as a real path (git prints real paths; the tmp folder may be a symlink). */
async function repositoryRoot(dir: string): Promise<string> {
  const top = await gitOk(['rev-parse', '--show-toplevel'], dir);
  if (top === undefined) {
    throw new UserInputError(`--changed-since needs a git repository, and ${dir} is not inside one`, [], 'Run it in a clone of the repository, or plan without --changed-since.');
  }
  return realpathSync(top.trim());
}

async function resolveRef(ref: string, root: string): Promise<string> {
  // A revision starting with "-" would be read by git as an option.
  if (ref.startsWith('-')) throw new UserInputError(`--changed-since "${ref}" is not a git revision`);
  const sha = await gitOk(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root);
  if (sha !== undefined && sha.trim() !== '') return sha.trim();
  const shallow = (await gitOk(['rev-parse', '--is-shallow-repository'], root))?.trim() === 'true';
  throw new UserInputError(
    `--changed-since ${ref}: no such commit in this clone${shallow ? ' (it is a shallow clone: the base is not fetched)' : ''}`,
    [],
    FETCH_HINT,
  );
}

interface FileChange {
  status: string;
  /** Path at REF (absent for an added file). */
  oldPath?: string;
  /** Path in the working tree (absent for a deleted file). */
  newPath?: string;
}

/** `git diff --name-status -z`: status NUL path NUL, or for renames and copies status NUL old NUL new NUL. */
function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0');
  const out: FileChange[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (!status) continue;
    const kind = status[0];
    if (kind === 'R' || kind === 'C') {
      const oldPath = fields[i++];
      const newPath = fields[i++];
      out.push({ status: kind, oldPath: kind === 'R' ? oldPath : undefined, newPath });
    } else if (kind === 'A') {
      out.push({ status: kind, newPath: fields[i++] });
    } else if (kind === 'D') {
      out.push({ status: kind, oldPath: fields[i++] });
    } else {
      const path = fields[i++];
      out.push({ status: kind ?? 'M', oldPath: path, newPath: path });
    }
  }
  return out;
}

const toPosix = (p: string): string => p.split(sep).join('/');
const within = (path: string, folder: string): boolean => folder === '' || path === folder || path.startsWith(`${folder}/`);

/** Documents of one file version by name, each with its content in a canonical form. */
function documentsByName(text: string, where: string): Map<string, string> | { error: string } {
  let docs: unknown[];
  try {
    docs = loadAll(text, null, { maxAliases: 100 } as Parameters<typeof loadAll>[2]);
  } catch (e) {
    return { error: `${where} is not valid YAML (${(e as Error).message.split('\n')[0]})` };
  }
  const out = new Map<string, string>();
  for (const doc of docs) {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) continue;
    const name = (doc as Record<string, unknown>).name;
    if (typeof name === 'string') out.set(name, canonicalJson(doc));
  }
  return out;
}

export async function changedProfiles(opts: ChangedSinceOptions): Promise<ChangeScope> {
  const dirAbs = realpathSync(resolve(opts.cwd, opts.dir));
  const root = await repositoryRoot(dirAbs);
  const sha = await resolveRef(opts.ref, root);
  const folder = toPosix(relative(root, dirAbs));
  if (folder.startsWith('..')) throw new UserInputError(`--changed-since: the profiles folder ${opts.dir} is outside the git repository at ${root}`);
  const repoPath = (p: string): string => {
    const abs = isAbsolute(p) ? p : resolve(opts.cwd, p);
    let real = abs;
    try {
      real = realpathSync(abs);
    } catch {
      // A config file or overlay that no longer exists: its path as given is what git lists.
    }
    return toPosix(relative(root, real));
  };
  const everyProfile = (opts.everyProfileInputs ?? []).map(repoPath);

  const [diff, untracked] = await Promise.all([
    git(['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', sha, '--'], root),
    git(['ls-files', '--others', '--exclude-standard', '-z', '--', folder === '' ? '.' : folder], root),
  ]);
  const changes = parseNameStatus(diff);
  for (const path of untracked.split('\0')) if (path !== '') changes.push({ status: 'A', newPath: path });

  for (const change of changes) {
    for (const path of [change.oldPath, change.newPath]) {
      if (path === undefined) continue;
      const hit = everyProfile.find((p) => within(path, p));
      if (hit !== undefined) return { kind: 'full', ref: opts.ref, reason: `${hit} changed since ${opts.ref}, and it can affect every profile` };
    }
  }

  const isProfileFile = (p: string | undefined): p is string => p !== undefined && within(p, folder) && PROFILE_FILE.test(p) && basename(p) !== SETTINGS_FILE_NAME;
  const touched = changes.filter((c) => isProfileFile(c.oldPath) || isProfileFile(c.newPath));
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  const collect = (into: Map<string, string>, docs: Map<string, string> | { error: string }): string | undefined => {
    if (!(docs instanceof Map)) return docs.error;
    for (const [name, content] of docs) into.set(name, into.has(name) ? `${into.get(name)}\n${content}` : content);
    return undefined;
  };
  for (const c of touched) {
    if (isProfileFile(c.oldPath)) {
      const text = await git(['show', `${sha}:${c.oldPath}`], root);
      const error = collect(before, documentsByName(text, `${c.oldPath} at ${opts.ref}`));
      if (error !== undefined) return { kind: 'full', ref: opts.ref, reason: `${error}: its profiles cannot be told apart` };
    }
    if (isProfileFile(c.newPath)) {
      // A file that cannot be parsed now fails validation anyway, with its line and column.
      const text = await readFile(resolve(root, c.newPath), 'utf8').catch(() => '');
      collect(after, documentsByName(text, c.newPath));
    }
  }
  const names = new Set<string>();
  for (const name of new Set([...before.keys(), ...after.keys()])) if (before.get(name) !== after.get(name)) names.add(name);
  const files = [...new Set(touched.flatMap((c) => [c.oldPath, c.newPath]).filter(isProfileFile))].sort();
  return { kind: 'scoped', ref: opts.ref, names, files };
}
