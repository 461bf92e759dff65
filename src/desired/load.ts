// Loading the desired state: find the files, read each within bounds, parse and validate everything, and
// report every problem of every file at once.
import { UserInputError, type InputProblem } from '../errors.js';
import { duplicateNameProblems } from './duplicate-names.js';
import { displayPath, findProfileFiles, readProfileFile } from './files.js';
import { parseProfileText } from './parse-text.js';
import { capPerFile } from './problem-cap.js';
import type { DesiredProfile, DesiredState } from './types.js';

export interface LoadOptions {
  /** Messages show paths relative to this directory when files lie under it. Default: process.cwd(). */
  cwd?: string;
}

/** Loads every `*.yaml` / `*.yml` under `dir` (any depth). Throws UserInputError listing every problem. */
export async function loadDesired(dir: string, opts: LoadOptions = {}): Promise<DesiredState> {
  return loadDesiredFiles(await findProfileFiles(dir), opts);
}

/** Loads the given files, in the given order, as one desired state. */
export async function loadDesiredFiles(files: readonly string[], opts: LoadOptions = {}): Promise<DesiredState> {
  const cwd = opts.cwd ?? process.cwd();
  const profiles: DesiredProfile[] = [];
  const skippedFiles: string[] = [];
  const problems: InputProblem[] = [];
  const filesWithProblems = new Set<string>();

  for (const file of files) {
    const shownAs = displayPath(file, cwd);
    const read = await readProfileFile(file, shownAs).catch((error: unknown) => ({
      ok: false as const,
      problem: { file: shownAs, line: 1, column: 1, message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` },
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
    throw new UserInputError(`the profile files are invalid: ${count} in ${where}`, capPerFile(orderByFile(problems, files.map((f) => displayPath(f, cwd)))));
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
