// The desired state each target plans against, read before any call: the profile files as they are when
// connect-gitops.yaml defines no environments, else each environment's own profiles (its environment filter
// and overlay applied, every environment's overlays and names checked).
import { resolve } from 'node:path';
import { UserInputError } from '../errors.js';
import { loadDesiredPerEnvironment } from '../desired/environments.js';
import { loadDesired } from '../desired/load.js';
import type { DesiredState } from '../desired/types.js';
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
    warnAbout(desired, first.dir, '', ctx.logger);
    refuseEnvironmentOnlyProfiles(desired);
    return targets.map(() => desired);
  }
  const perEnvironment = await loadDesiredPerEnvironment(resolve(ctx.cwd, first.dir), first.environments, { cwd: ctx.cwd });
  return targets.map((target) => {
    const desired = perEnvironment.get(target.environment ?? '') ?? { profiles: [], skippedFiles: [] };
    warnAbout(desired, target.dir, ` for environment ${target.environment ?? ''}`, ctx.logger.child({ environment: target.environment }));
    return desired;
  });
}

export async function loadDesiredForTarget(target: Target, ctx: LoadContext): Promise<DesiredState> {
  const [desired] = await loadDesiredForTargets([target], ctx);
  return desired ?? { profiles: [], skippedFiles: [] };
}

function warnAbout(desired: DesiredState, dir: string, forWhom: string, logger: Logger): void {
  for (const file of desired.skippedFiles) logger.warn({ file }, `skipped ${file}: it holds no routing profile (empty or comments only)`);
  // A drift job pointed at the wrong folder would otherwise report "no drift" forever.
  if (desired.profiles.length === 0) logger.warn({ dir }, `no routing profile found under ${dir}${forWhom}: nothing is managed`);
}

/**
 * A document limited to some environments (`environments: [dev]`) means "only there". Without environments
 * selected there is no "there": planning it for this instance, or dropping it silently, would both do what the
 * file does not say, so it is refused before any call, with file and line.
 */
function refuseEnvironmentOnlyProfiles(desired: DesiredState): void {
  const limited = desired.profiles.filter((p) => p.environments !== undefined);
  if (limited.length === 0) return;
  throw new UserInputError(
    `${limited.length} routing profile${limited.length === 1 ? ' is' : 's are'} limited to environments, and no environment is selected`,
    limited.map((p) => ({
      ...(p.locations['/environments'] ?? p.source),
      message: `routing profile ${JSON.stringify(p.name)} exists only in environments ${p.environments?.map((e) => JSON.stringify(e)).join(', ')}; this instance is not one of them`,
    })),
    'Remove environments: from the document to manage the profile on this instance, or define environments: in connect-gitops.yaml.',
  );
}
