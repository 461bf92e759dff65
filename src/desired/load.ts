// Loading the desired state: find the files, read each within bounds, parse and validate everything, and
// report every problem of every file at once.
import { UserInputError, type InputProblem } from '../errors.js';
import { duplicateNameProblems } from './duplicate-names.js';
import { byCodeUnit, displayPath, readProfileFile, reason, walkProfileFolder, type FolderReader } from './files.js';
import { parseProfileText, type ParsedDocuments } from './parse-text.js';
import { capPerFile } from './problem-cap.js';
import type { DesiredProfile, DesiredState } from './types.js';

export interface LoadOptions {
  /** Messages show paths relative to this directory when files lie under it. Default: process.cwd(). */
  cwd?: string;
  /** loadDesired: folders (absolute paths) whose files are not profiles, such as environments' overlay folders. */
  exclude?: readonly string[];
  /** loadDesired: the file-system calls of the folder walk; tests replace them. */
  fs?: FolderReader;
}

/** What reading a set of files found, without throwing: the caller may have more problems to add. */
export interface CollectedDesired {
  state: DesiredState;
  problems: InputProblem[];
  /** Files and walked paths as messages show them, in the order their problems are reported. */
  order: string[];
}

/**
 * Loads every `*.yaml` / `*.yml` under `dir` (any depth, following folder links). Throws UserInputError listing
 * every problem: of the folder walk (dangling links, link loops, unreadable folders) and of every file.
 */
export async function loadDesired(dir: string, opts: LoadOptions = {}): Promise<DesiredState> {
  return orThrow(await collectDesired(dir, opts));
}

/** Loads the given files, in the given order, as one desired state. */
export async function loadDesiredFiles(files: readonly string[], opts: LoadOptions = {}): Promise<DesiredState> {
  return orThrow(await collectFiles(files, opts, []));
}

/** loadDesired without the throw: the profiles that are valid, and every problem. */
export async function collectDesired(dir: string, opts: LoadOptions = {}): Promise<CollectedDesired> {
  const found = await walkProfileFolder(dir, opts);
  return collectFiles(found.files, opts, found.problems);
}

function orThrow(collected: CollectedDesired): DesiredState {
  if (collected.problems.length > 0) throw invalidFilesError(collected.problems, collected.order);
  return collected.state;
}

/** Problems of files and walks, in the order the paths are read, then the places, and walk problems among them. */
export function pathOrder(files: readonly string[], cwd: string, walkProblems: readonly InputProblem[]): string[] {
  const order = files.map((f) => displayPath(f, cwd));
  // Problems of the walk name folders and links, which sort among the (sorted) files by path.
  if (walkProblems.length > 0) {
    order.push(...walkProblems.map((p) => p.file));
    order.sort(byCodeUnit);
  }
  return order;
}

async function collectFiles(files: readonly string[], opts: LoadOptions, walkProblems: readonly InputProblem[]): Promise<CollectedDesired> {
  const cwd = opts.cwd ?? process.cwd();
  const profiles: DesiredProfile[] = [];
  const read = await parseFiles(files, cwd, (shownAs, text) => {
    const parsed = parseProfileText(shownAs, text);
    profiles.push(...parsed.profiles);
    return parsed;
  });
  const problems = [...walkProblems, ...read.problems, ...duplicateNameProblems(profiles)];
  return { state: { profiles, skippedFiles: read.skippedFiles }, problems, order: pathOrder(files, cwd, walkProblems) };
}

/** Reads each file within bounds and hands its text to `parse`; a file that cannot be read is a problem. */
export async function parseFiles(
  files: readonly string[],
  cwd: string,
  parse: (shownAs: string, text: string) => ParsedDocuments,
): Promise<{ problems: InputProblem[]; skippedFiles: string[] }> {
  const problems: InputProblem[] = [];
  const skippedFiles: string[] = [];
  for (const file of files) {
    const shownAs = displayPath(file, cwd);
    const read = await readProfileFile(file, shownAs).catch((error: unknown) => ({
      ok: false as const,
      problem: { file: shownAs, line: 1, column: 1, message: `cannot read the file (${reason(error)}); make it readable, or move it out of the profiles folder` },
    }));
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const parsed = parse(shownAs, read.text);
    if (parsed.empty) skippedFiles.push(shownAs);
    problems.push(...parsed.problems);
  }
  return { problems, skippedFiles };
}

/** One error for every problem found, grouped by file in `order` (the order the files were read). */
export function invalidFilesError(problems: readonly InputProblem[], order: readonly string[], what = 'the profile files'): UserInputError {
  const files = new Set(problems.map((p) => p.file)).size;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const where = files === 1 ? '1 file' : `${files} files`;
  return new UserInputError(`${what} are invalid: ${count} in ${where}`, capPerFile(orderByFile(problems, order)));
}

/** Problems grouped by file in load order, then by position: stable output for people and CI annotations. */
function orderByFile(problems: readonly InputProblem[], fileOrder: readonly string[]): InputProblem[] {
  const rank = new Map(fileOrder.map((file, index) => [file, index]));
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        (rank.get(a.problem.file) ?? 0) - (rank.get(b.problem.file) ?? 0) ||
        a.problem.line - b.problem.line ||
        a.problem.column - b.problem.column ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}
