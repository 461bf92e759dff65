// The one place that turns an outcome into an exit code and a message (Terraform's codes, design.md).
import { isKnownError, assertNever, type KnownError } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
/** Success with changes present: plan --detailed-exitcode, drift. */
export const EXIT_CHANGES = 2;

export interface ErrorReport {
  exitCode: number;
  /** Lines for stderr. Never a stack trace for the user's own mistake. */
  lines: string[];
}

export function reportError(error: unknown, debug = false): ErrorReport {
  if (!isKnownError(error)) {
    // Not one of ours: a bug or an unexpected library failure. The stack helps the report.
    const e = error instanceof Error ? error : new Error(String(error));
    return {
      exitCode: EXIT_ERROR,
      lines: [`Error: internal: ${e.message}`, 'This is a bug in connect-gitops; please report it with the output above.', ...(e.stack ? [e.stack] : [])],
    };
  }
  return { exitCode: EXIT_ERROR, lines: describeKnownError(error, debug) };
}

function describeKnownError(error: KnownError, debug: boolean): string[] {
  switch (error.kind) {
    case 'user-input':
      return [
        ...error.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`),
        `Error: ${error.message}`,
        error.hint,
      ];
    case 'aws':
      return [
        `Error: ${error.operation}${error.profile ? ` for routing profile "${error.profile}"` : ''} failed: ${error.errorName}: ${error.message}`,
        error.hint,
      ];
    case 'stale-plan':
      return [`Error: ${error.message}`, ...error.changes.map((c) => `  - ${c}`), error.hint];
    case 'internal':
      return [`Error: internal: ${error.message}`, error.hint, ...(debug && error.stack ? [error.stack] : [])];
    default:
      return assertNever(error, 'error kind');
  }
}
