// What a run plans beyond the files: prune (flag, else connect-gitops.yaml), the environment and, for
// --changed-since, the profiles a git change touches.
import { DEFAULT_OWNER } from '../vocabulary.js';
import { changedProfiles } from './changed-since.js';
import type { PlanRequest } from './current-plan.js';
import type { Logger } from './logger.js';
import type { Target } from './target.js';

/** Prune and owner (--prune, else the environment's, else the file's) and the environment the plan is for. */
export function targetRequest(flag: boolean | undefined, target: Target): PlanRequest {
  return {
    prune: flag ?? target.prune ?? false,
    owner: target.owner ?? DEFAULT_OWNER,
    ...(target.environment === undefined ? {} : { environment: target.environment }),
  };
}

/** Files and folders whose change can reach every profile (a full plan is then the only honest one). */
function everyProfileInputs(target: Target): string[] {
  return [target.configFile, target.overlayDir].filter((p): p is string => p !== undefined);
}

export async function planRequest(
  flags: { prune?: boolean; changedSince?: string },
  target: Target,
  ctx: { cwd: string; logger: Logger },
): Promise<PlanRequest> {
  const request = targetRequest(flags.prune, target);
  if (flags.changedSince === undefined) return request;
  const change = await changedProfiles({ ref: flags.changedSince, dir: target.dir, cwd: ctx.cwd, everyProfileInputs: everyProfileInputs(target) });
  if (change.kind === 'full') {
    ctx.logger.warn({ changedSince: change.ref }, `planning every profile, not only those changed since ${change.ref}: ${change.reason}`);
    return request;
  }
  ctx.logger.info(
    { changedSince: change.ref, profiles: change.names.size, files: change.files.length },
    `planning the ${change.names.size} profile${change.names.size === 1 ? '' : 's'} changed since ${change.ref} (${change.files.length} file${change.files.length === 1 ? '' : 's'})`,
  );
  return { ...request, scope: { changedSince: change.ref, names: change.names } };
}
