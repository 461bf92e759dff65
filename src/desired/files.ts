// The I/O edge of loading: finding profile files and reading them within bounds.
import { open, readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserInputError, type InputProblem } from '../errors.js';
import { decodeUtf8 } from './decode.js';
import { MAX_FILE_BYTES } from './limits.js';

const PROFILE_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml']);

/** connect-gitops.yaml: instance, Region, folder and quotas (src/cli/target.ts reads it). */
export const SETTINGS_FILE_NAME = 'connect-gitops.yaml';

interface EntryKind {
  isFile(): boolean;
  isDirectory(): boolean;
}

/** The few file-system calls the walk makes; tests pass their own to meet what a root account never sees. */
export interface FolderReader {
  readdir(folder: string): Promise<(EntryKind & { name: string; isSymbolicLink(): boolean })[]>;
  /** Follows links. */
  stat(file: string): Promise<EntryKind>;
  realpath(file: string): Promise<string>;
  readlink(file: string): Promise<string>;
}

export const nodeFolderReader: FolderReader = {
  readdir: (folder) => readdir(folder, { withFileTypes: true }),
  stat,
  realpath,
  readlink,
};

export interface FindOptions {
  /** Folders (absolute paths) that hold no profiles, such as overlay folders; links into them count too. */
  exclude?: readonly string[];
  /** Messages show paths relative to this directory when they lie under it. Default: process.cwd(). */
  cwd?: string;
  fs?: FolderReader;
}

export interface FoundFiles {
  /** Sorted by path (byCodeUnit). */
  files: string[];
  /** Links and folders the walk could not follow, each naming its path. */
  problems: InputProblem[];
}

/** Code-unit order: the same on every machine, whatever the locale or the order a file system lists entries in. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Why a file-system call failed, in words; the path is named by the problem itself. */
export function reason(error: unknown): string {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it does not exist';
    case 'ELOOP':
      return 'its symbolic links loop';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Every `*.yaml` / `*.yml` under `dir`, at any depth, following symbolic links to folders and files. Hidden
 * entries (`.git`, editor swap files), the settings file and excluded folders are skipped; nothing else is:
 * a link that leads nowhere, a link back to a folder that contains it (the walk would never end) and a folder
 * that cannot be read are each a problem naming the path, reported with every other problem of the files.
 */
export async function walkProfileFolder(dir: string, opts: FindOptions = {}): Promise<FoundFiles> {
  const fs = opts.fs ?? nodeFolderReader;
  const cwd = opts.cwd ?? process.cwd();
  const info = await fs.stat(dir).catch(() => undefined);
  if (info === undefined) {
    throw new UserInputError(`profiles directory not found: ${dir}`, [], 'Pass --dir with the folder that holds the profile files.');
  }
  if (!info.isDirectory()) {
    throw new UserInputError(`not a directory: ${dir}`, [], 'Pass --dir with the folder that holds the profile files.');
  }
  const realOrResolved = (folder: string): Promise<string> => fs.realpath(folder).catch(() => path.resolve(folder));
  const excluded = new Set(await Promise.all((opts.exclude ?? []).map(realOrResolved)));
  const top = await realOrResolved(dir);
  /** Real path of each folder read -> the path it was first read as. */
  const visited = new Map<string, string>([[top, dir]]);
  const found: string[] = [];
  const problems: InputProblem[] = [];
  const problem = (at: string, message: string): void => {
    problems.push({ file: displayPath(at, cwd), line: 1, column: 1, message });
  };

  /** `ancestors`: real paths of the folders from `dir` down to this one, which a link must not lead back to. */
  const walk = async (folder: string, ancestors: readonly string[]): Promise<void> => {
    let listed: Awaited<ReturnType<FolderReader['readdir']>>;
    try {
      listed = await fs.readdir(folder);
    } catch (error) {
      problem(folder, `cannot read this folder (${reason(error)}); make it readable, or move it out of the profiles folder`);
      return;
    }
    for (const entry of [...listed].sort((a, b) => byCodeUnit(a.name, b.name))) {
      // The tool's own settings file may sit among the profiles (`--dir .`); it is not a profile.
      if (entry.name.startsWith('.') || entry.name === SETTINGS_FILE_NAME) continue;
      const full = path.join(folder, entry.name);
      let kind: EntryKind = entry;
      if (entry.isSymbolicLink()) {
        try {
          kind = await fs.stat(full);
        } catch (error) {
          const target = await fs.readlink(full).catch(() => '?');
          const code = errorCode(error);
          problem(
            full,
            code === 'ENOENT'
              ? `symbolic link to ${JSON.stringify(target)}, which does not exist; remove the link or restore what it points to`
              : `cannot follow the symbolic link to ${JSON.stringify(target)} (${reason(error)}); remove or fix the link`,
          );
          continue;
        }
      }
      if (kind.isDirectory()) {
        const real = await realOrResolved(full);
        if (excluded.has(real) || excluded.has(path.resolve(full))) continue;
        if (ancestors.includes(real)) {
          problem(full, `symbolic link to ${displayPath(real, cwd)}, a folder that contains it, so the folders would never end; remove the link`);
          continue;
        }
        // Read each folder once: its profiles would otherwise be declared twice, and links that fan out
        // level after level would multiply the walk.
        const first = visited.get(real);
        if (first !== undefined) {
          problem(full, `this folder was already read as ${displayPath(first, cwd)}: a symbolic link leads to it twice; remove the link so that each profile is read once`);
          continue;
        }
        visited.set(real, full);
        await walk(full, [...ancestors, real]);
      } else if (PROFILE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        if (kind.isFile()) found.push(full);
        else problem(full, 'not a regular file (a device, socket or pipe); a profile file must be an ordinary file');
      }
    }
  };
  await walk(dir, [top]);
  return { files: found.sort(byCodeUnit), problems };
}

/** The profile files under `dir` (see walkProfileFolder); any problem of the walk is a UserInputError. */
export async function findProfileFiles(dir: string, opts: FindOptions = {}): Promise<string[]> {
  const { files, problems } = await walkProfileFolder(dir, opts);
  if (problems.length > 0) {
    throw new UserInputError(`the profiles folder cannot be read as it is: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}`, problems);
  }
  return files;
}

/** `file` relative to `cwd` when it lies under it, else as given: what messages show. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export type ReadResult = { ok: true; text: string } | { ok: false; problem: InputProblem };

function mebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Reads one file as UTF-8 text, refusing it from its size before reading when it is too large. */
export async function readProfileFile(file: string, shownAs: string): Promise<ReadResult> {
  const tooLarge = (size: string): ReadResult => ({
    ok: false,
    problem: { file: shownAs, line: 1, column: 1, message: `the file is ${size}, more than the ${mebibytes(MAX_FILE_BYTES)} allowed for a profile file; split it into smaller files` },
  });
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) return tooLarge(mebibytes(size));
    // Read at most one byte past the limit: the file may have grown since stat, and must not be read whole.
    const buffer = Buffer.alloc(Math.min(size, MAX_FILE_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_FILE_BYTES) return tooLarge(`over ${mebibytes(MAX_FILE_BYTES)}`);
    const decoded = decodeUtf8(buffer.subarray(0, length));
    if (!decoded.ok) return { ok: false, problem: { file: shownAs, line: decoded.line, column: decoded.column, message: decoded.message } };
    return { ok: true, text: decoded.text };
  } finally {
    await handle.close();
  }
}

/**
 * Whether `outer` is `inner` or one of its ancestors (absolute paths). An overlay folder that is the profiles
 * folder or holds it would have profile files read as overlays.
 */
export function folderHolds(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
