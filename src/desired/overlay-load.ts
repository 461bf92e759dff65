// Reading one overlay folder: every `*.yaml` / `*.yml` under it, each file once however many environments
// share the folder, and the problems of the folder itself (missing, unreadable, two overlays for one profile).
import type { InputProblem } from '../errors.js';
import { displayPath, nodeFolderReader, reason, walkProfileFolder, type FolderReader } from './files.js';
import { parseFiles, pathOrder } from './load.js';
import { nameLocation, placeOf } from './positions.js';
import { parseOverlayText, type OverlayDocument } from './overlay-parse.js';

export interface OverlayFolder {
  overlays: OverlayDocument[];
  problems: InputProblem[];
  skippedFiles: string[];
  /** Files and walked paths as messages show them, in the order their problems are reported. */
  order: string[];
}

export interface OverlayFolderOptions {
  cwd: string;
  /** The environments whose `overlay:` is this folder, for messages. */
  environments: readonly string[];
  /** Other overlay folders, which may sit inside this one. */
  exclude: readonly string[];
  fs?: FolderReader;
}

/** `environment "dev"` or `environments "dev", "test"`: whose overlay folder a message is about. */
export function whose(environments: readonly string[]): string {
  const names = environments.map((name) => JSON.stringify(name));
  return names.length === 1 ? `environment ${names.join('')}` : `environments ${names.join(', ')}`;
}

/** Why the folder cannot be read at all, or null when it can. */
async function folderProblem(dir: string, fs: FolderReader): Promise<string | null> {
  try {
    if (!(await fs.stat(dir)).isDirectory()) return 'it is not a folder';
    await fs.readdir(dir);
    return null;
  } catch (error) {
    return reason(error);
  }
}

/** Two documents of one folder for one profile would leave which one wins to file order: one is a mistake. */
function duplicateOverlayProblems(overlays: readonly OverlayDocument[]): InputProblem[] {
  const first = new Map<string, OverlayDocument>();
  const problems: InputProblem[] = [];
  for (const overlay of overlays) {
    const earlier = first.get(overlay.name);
    if (earlier === undefined) {
      first.set(overlay.name, overlay);
      continue;
    }
    problems.push({
      ...nameLocation(overlay),
      message: `a second overlay for routing profile ${JSON.stringify(overlay.name)}: also changed at ${placeOf(nameLocation(earlier))}; merge the two documents into one`,
    });
  }
  return problems;
}

export async function loadOverlayFolder(dir: string, opts: OverlayFolderOptions): Promise<OverlayFolder> {
  const fs = opts.fs ?? nodeFolderReader;
  const shownAs = displayPath(dir, opts.cwd);
  const unreadable = await folderProblem(dir, fs);
  if (unreadable !== null) {
    return {
      overlays: [],
      problems: [{ file: shownAs, line: 1, column: 1, message: `the overlay folder of ${whose(opts.environments)} cannot be read (${unreadable}); create it, or fix overlay: in connect-gitops.yaml` }],
      skippedFiles: [],
      order: [shownAs],
    };
  }
  const found = await walkProfileFolder(dir, { cwd: opts.cwd, exclude: opts.exclude, fs });
  const overlays: OverlayDocument[] = [];
  const read = await parseFiles(found.files, opts.cwd, (file, text) => {
    const parsed = parseOverlayText(file, text);
    overlays.push(...parsed.overlays);
    return parsed;
  });
  return {
    overlays,
    problems: [...found.problems, ...read.problems, ...duplicateOverlayProblems(overlays)],
    skippedFiles: read.skippedFiles,
    order: pathOrder(found.files, opts.cwd, found.problems),
  };
}
