// The one place that turns an outcome into an exit code and a message (Terraform's codes, design.md).
import { BUG_HINT, isKnownError, assertNever, type KnownError } from '../errors.js';
import { placeOf } from '../desired/positions.js';

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
      lines: [`Error: internal: ${e.message}`, BUG_HINT, ...(e.stack ? [e.stack] : [])],
    };
  }
  return { exitCode: EXIT_ERROR, lines: describeKnownError(error, debug) };
}

/**
 * A known error in parts, for callers that word it in a frame of their own (one environment's section of a
 * multi-environment report): what went wrong, the lines that detail it, and what to do.
 */
export interface ErrorParts {
  /** The located problems, `file:line:column: message`, one a line. */
  problems: string[];
  /** What went wrong, without the `Error: ` the terminal report puts before it. */
  headline: string;
  /** Lines under the headline: what moved under a stale plan. */
  details: string[];
  hint: string;
}

export function errorParts(error: KnownError): ErrorParts {
  switch (error.kind) {
    case 'user-input':
      return { problems: error.problems.map((p) => `${placeOf(p)}: ${p.message}`), headline: error.message, details: [], hint: error.hint };
    case 'aws':
      return {
        problems: [],
        headline: `${error.operation}${error.profile ? ` for routing profile "${error.profile}"` : ''} failed: ${error.errorName}: ${error.message}`,
        details: [],
        hint: error.hint,
      };
    case 'stale-plan':
      return { problems: [], headline: error.message, details: error.changes.map((c) => `  - ${c}`), hint: error.hint };
    case 'internal':
      return { problems: [], headline: error.message, details: [], hint: error.hint };
    default:
      return assertNever(error, 'error kind');
  }
}

function describeKnownError(error: KnownError, debug: boolean): string[] {
  const parts = errorParts(error);
  const internal = error.kind === 'internal';
  return [
    ...parts.problems,
    `Error: ${internal ? 'internal: ' : ''}${parts.headline}`,
    ...parts.details,
    parts.hint,
    ...(internal && debug && error.stack ? [error.stack] : []),
  ];
}
