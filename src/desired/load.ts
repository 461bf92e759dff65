// Loading the desired state: find the files, read each within bounds, parse and validate everything, and
// report every problem of every file at once.
import { UserInputError, type InputProblem } from '../errors.js';
import { duplicateNameProblems } from './duplicate-names.js';
import { byCodeUnit, displayPath, readProfileFile, reason, walkProfileFolder, type FolderReader } from './files.js';
import { parseProfileText } from './parse-text.js';
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

/**
 * Loads every `*.yaml` / `*.yml` under `dir` (any depth, following folder links). Throws UserInputError listing
 * every problem: of the folder walk (dangling links, link loops, unreadable folders) and of every file.
 */
export async function loadDesired(dir: string, opts: LoadOptions = {}): Promise<DesiredState> {
  const found = await walkProfileFolder(dir, opts);
  return loadFiles(found.files, opts, found.problems);
}

/** Loads the given files, in the given order, as one desired state. */
export async function loadDesiredFiles(files: readonly string[], opts: LoadOptions = {}): Promise<DesiredState> {
  return loadFiles(files, opts, []);
}

async function loadFiles(files: readonly string[], opts: LoadOptions, walkProblems: readonly InputProblem[]): Promise<DesiredState> {
  const cwd = opts.cwd ?? process.cwd();
  const profiles: DesiredProfile[] = [];
  const skippedFiles: string[] = [];
  const problems: InputProblem[] = [...walkProblems];
  const filesWithProblems = new Set<string>(walkProblems.map((p) => p.file));

  for (const file of files) {
    const shownAs = displayPath(file, cwd);
    const read = await readProfileFile(file, shownAs).catch((error: unknown) => ({
      ok: false as const,
      problem: { file: shownAs, line: 1, column: 1, message: `cannot read the file (${reason(error)}); make it readable, or move it out of the profiles folder` },
    }));
    if (!read.ok) {
      problems.push(read.problem);
      filesWithProblems.add(shownAs);
      continue;
    }
    const parsed = parseProfileText(shownAs, read.text);
    if (parsed.empty) skippedFiles.push(shownAs);
    profiles.push(...parsed.profiles);
    problems.push(...parsed.problems);
    if (parsed.problems.length > 0) filesWithProblems.add(shownAs);
  }

  for (const problem of duplicateNameProblems(profiles)) {
    problems.push(problem);
    filesWithProblems.add(problem.file);
  }
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const where = filesWithProblems.size === 1 ? '1 file' : `${filesWithProblems.size} files`;
    const order = files.map((f) => displayPath(f, cwd));
    // Problems of the walk name folders and links, which sort among the (sorted) files by path.
    if (walkProblems.length > 0) {
      order.push(...walkProblems.map((p) => p.file));
      order.sort(byCodeUnit);
    }
    throw new UserInputError(`the profile files are invalid: ${count} in ${where}`, capPerFile(orderByFile(problems, order)));
  }
  return { profiles, skippedFiles };
}

/** Problems grouped by file in load order, then by position: stable output for people and CI annotations. */
function orderByFile(problems: InputProblem[], fileOrder: string[]): InputProblem[] {
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
