// The I/O edge of loading: finding profile files and reading them within bounds.
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserInputError, type InputProblem } from '../errors.js';
import { decodeUtf8 } from './decode.js';
import { MAX_FILE_BYTES } from './limits.js';

const PROFILE_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml']);

/**
 * Every `*.yaml` / `*.yml` under `dir`, at any depth, sorted by path (code-unit order, independent of locale
 * and of the order the file system lists entries in). Hidden entries (`.git`, editor swap files) are skipped,
 * and symbolic links to directories are not followed, so a link cycle cannot make the walk endless.
 */
/** connect-gitops.yaml: instance, Region, folder and quotas (src/cli/target.ts reads it). */
export const SETTINGS_FILE_NAME = 'connect-gitops.yaml';

export async function findProfileFiles(dir: string): Promise<string[]> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) {
    throw new UserInputError(`profiles directory not found: ${dir}`, [], 'Pass --dir with the folder that holds the profile files.');
  }
  if (!info.isDirectory()) {
    throw new UserInputError(`not a directory: ${dir}`, [], 'Pass --dir with the folder that holds the profile files.');
  }
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      // The tool's own settings file may sit among the profiles (`--dir .`); it is not a profile.
      if (entry.name.startsWith('.') || entry.name === SETTINGS_FILE_NAME) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (PROFILE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
        const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(full).catch(() => undefined))?.isFile() === true);
        if (isFile) found.push(full);
      }
    }
  };
  await walk(dir);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
