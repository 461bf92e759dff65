// Output made for GitHub Actions: validation problems as workflow annotations (shown on the PR's changed
// lines) and plan/drift Markdown appended to the job summary. Pure formatting plus one small file append.
import { appendFile } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import type { InputProblem } from '../errors.js';
import { escapeControlLines } from './control-chars.js';

/**
 * GitHub shows at most 10 error annotations per step and silently drops the rest, so we spend the 10th
 * on saying how many were left out rather than let a user believe the list is complete.
 */
export const MAX_ERROR_ANNOTATIONS_PER_STEP = 10;

export interface AnnotationOptions {
  /** Default 10 (GitHub's per-step limit for error annotations). Values below 1 are treated as 1. */
  max?: number;
  /**
   * Annotations only attach to a file when its path is relative to the repository root. Problems carrying
   * absolute paths are made relative to this directory (normally the workspace) when given.
   */
  relativeTo?: string;
  /** Shown as the annotation's title. */
  title?: string;
}

/** Escaping for a command's message, as GitHub's runner unescapes it (actions/toolkit `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping for a command's `key=value` properties, where `:` and `,` are delimiters (`escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotationFile(file: string, relativeTo: string | undefined): string {
  const rel = relativeTo !== undefined && isAbsolute(file) ? relative(relativeTo, file) : file;
  // GitHub matches annotation paths against repository paths, which always use forward slashes.
  return rel.split(sep).join('/');
}

function command(properties: ReadonlyArray<readonly [string, string | number]>, message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::error${props === '' ? '' : ` ${props}`}::${escapeData(escapeControlLines(message))}`;
}

/**
 * One `::error file=…,line=…,col=…::message` workflow command per problem, at most `max` lines. When there
 * are more problems than fit, the last line is a note counting the ones left out (they are still printed in
 * full on stderr by the CLI).
 */
export function formatAnnotations(problems: readonly InputProblem[], opts: AnnotationOptions = {}): string[] {
  const max = Math.max(1, Math.floor(opts.max ?? MAX_ERROR_ANNOTATIONS_PER_STEP));
  const title = opts.title ?? 'connect-gitops';
  const fits = problems.length <= max;
  const shown = fits ? problems : problems.slice(0, max - 1);
  const lines = shown.map((p) =>
    command(
      [
        ['file', annotationFile(p.file, opts.relativeTo)],
        ['line', p.line],
        ['col', p.column],
        ['title', title],
      ],
      p.message,
    ),
  );
  if (!fits) {
    // Never 1: one problem is displaced by the note, so at least two are left out.
    const leftOut = problems.length - shown.length;
    lines.push(
      command(
        [['title', title]],
        `${leftOut} more problems not shown as annotations ` +
          `(GitHub shows ${max} per step); all ${problems.length} are listed in the step's log.`,
      ),
    );
  }
  return lines;
}

/**
 * Appends Markdown to the job summary. Returns false, doing nothing, outside GitHub Actions or when the
 * runner gave no summary file: the same command runs on laptops and in other CI systems.
 */
export async function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (env.GITHUB_ACTIONS !== 'true' || file === undefined || file === '') return false;
  // Each step's summary is concatenated into one page; a trailing newline keeps the next block's heading
  // from being glued onto our last line.
  const safe = escapeControlLines(markdown);
  await appendFile(file, safe.endsWith('\n') ? safe : `${safe}\n`, 'utf8');
  return true;
}
