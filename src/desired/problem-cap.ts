// Keeps output readable and memory bounded when a file is broken in thousands of places.
import type { InputProblem } from '../errors.js';
import { MAX_PROBLEMS_PER_FILE } from './limits.js';

/** The first MAX_PROBLEMS_PER_FILE problems of each file (in the given order), plus one line saying more exist. */
export function capPerFile(problems: readonly InputProblem[]): InputProblem[] {
  const counts = new Map<string, number>();
  const kept: InputProblem[] = [];
  for (const problem of problems) {
    const count = (counts.get(problem.file) ?? 0) + 1;
    counts.set(problem.file, count);
    if (count <= MAX_PROBLEMS_PER_FILE) kept.push(problem);
    else if (count === MAX_PROBLEMS_PER_FILE + 1) {
      kept.push({
        ...problem,
        message: `more problems in this file were not checked or shown (at most ${MAX_PROBLEMS_PER_FILE} are reported per file)`,
      });
    }
  }
  return kept;
}
