// What loading the profile files says on stderr without failing: a file skipped for holding no profile, a
// folder managing nothing. Apart from desired-for-targets.ts so that validate does not load the overlay modules.
import type { DesiredState } from '../desired/types.js';
import type { Logger } from './logger.js';

export function warnSkippedFiles(files: readonly string[], logger: Logger): void {
  for (const file of files) logger.warn({ file }, `skipped ${file}: it holds no routing profile (empty or comments only)`);
}

/** A drift job pointed at the wrong folder would otherwise report "no drift" forever. */
export function warnIfNothingManaged(desired: DesiredState, dir: string, forWhom: string, logger: Logger): void {
  if (desired.profiles.length === 0) logger.warn({ dir }, `no routing profile found under ${dir}${forWhom}: nothing is managed`);
}
