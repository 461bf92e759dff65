// The desired state each target plans against, read before any call: the profile files as they are when
// connect-gitops.yaml defines no environments, else each environment's own profiles (its environment filter
// and overlay applied, every environment's overlays and names checked).
import { resolve } from 'node:path';
import { InternalError } from '../errors.js';
import { environmentOnlyProfilesError } from '../desired/environment-only.js';
import { loadDesiredPerEnvironment } from '../desired/environments.js';
import { loadDesired } from '../desired/load.js';
import type { DesiredState } from '../desired/types.js';
import { warnIfNothingManaged, warnSkippedFiles } from './desired-warnings.js';
import type { Logger } from './logger.js';
import type { Target } from './target.js';

interface LoadContext {
  logger: Logger;
  cwd: string;
}

/** One desired state per target, in the targets' order; every file is read once. */
export async function loadDesiredForTargets(targets: readonly Target[], ctx: LoadContext): Promise<DesiredState[]> {
  const [first] = targets;
  if (first === undefined) return [];
  if (first.environments === undefined) {
    const desired = await loadDesired(resolve(ctx.cwd, first.dir), { cwd: ctx.cwd });
    warnSkippedFiles(desired.skippedFiles, ctx.logger);
    warnIfNothingManaged(desired, first.dir, '', ctx.logger);
    const refused = environmentOnlyProfilesError(desired);
    if (refused !== undefined) throw refused;
    return targets.map(() => desired);
  }
  const perEnvironment = await loadDesiredPerEnvironment(resolve(ctx.cwd, first.dir), first.environments, { cwd: ctx.cwd });
  const desired = targets.map((target) => {
    const own = perEnvironment.get(target.environment ?? '');
    if (own === undefined) throw new InternalError(`no desired state was loaded for environment ${target.environment ?? '(none)'}`);
    return own;
  });
  // A base file is skipped for every environment alike (and a shared overlay folder's for each sharing it):
  // said once, not once per environment.
  warnSkippedFiles([...new Set(desired.flatMap((d) => d.skippedFiles))], ctx.logger);
  targets.forEach((target, i) => {
    const own = desired[i];
    if (own !== undefined) warnIfNothingManaged(own, target.dir, ` for environment ${target.environment ?? ''}`, ctx.logger.child({ environment: target.environment }));
  });
  return desired;
}

export async function loadDesiredForTarget(target: Target, ctx: LoadContext): Promise<DesiredState> {
  const [desired] = await loadDesiredForTargets([target], ctx);
  if (desired === undefined) throw new InternalError('no desired state was loaded for the target');
  return desired;
}
