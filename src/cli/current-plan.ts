// desired -> live -> plan, the read-only half of every command that talks to Connect (the desired state comes
// from desired-for-targets.ts).
import type { DesiredProfile, DesiredState } from '../desired/types.js';
import { declaredProfiles } from '../live/declared.js';
import { readLive } from '../live/read.js';
import type { LiveState } from '../live/types.js';
import type { LiveReader } from '../connect/index.js';
import { computePlan, liveSnapshotForPlan, type PlanOptions } from '../plan/planner.js';
import type { LiveSnapshot } from '../plan/fingerprint.js';
import { resolveQueueReferences } from '../plan/resolve-queues.js';
import type { Plan } from '../plan/types.js';
import { createProgress, progressInterval, type ProgressStream } from './progress.js';
import type { Logger } from './logger.js';

/** What to plan beyond the files themselves: prune, and a scope (plan --changed-since, or a scoped saved plan). */
export interface PlanRequest {
  prune: boolean;
  owner: string;
  /** The instance's routing-profile quota when raised (connect-gitops.yaml `profileQuota`); else Connect's default. */
  profileQuota?: number;
  /** The environment of connect-gitops.yaml the plan is for, recorded in it. */
  environment?: string;
  scope?: PlanScopeRequest;
}

export interface PlanScopeRequest {
  changedSince: string;
  /** Profile names the change touches: documents added or modified, and old names of removed or renamed ones. */
  names: ReadonlySet<string>;
}

export interface CurrentPlan {
  desired: DesiredState;
  live: LiveState;
  plan: Plan;
  /** The live state the plan was computed from, as a saved plan stores it (its hash is plan.liveFingerprint). */
  snapshot: LiveSnapshot;
  /** Set for a scoped plan: the names it covers, for a saved plan to be re-planned on the same scope. */
  scopedProfiles?: string[];
}

export interface PlanContext {
  logger: Logger;
  env: NodeJS.ProcessEnv;
  progressStream: ProgressStream;
}

/** A profile is in scope when its name, or a name it was renamed from, is one the change touches. */
export function inScope(profile: DesiredProfile, scope: PlanScopeRequest | undefined): boolean {
  if (scope === undefined) return true;
  return scope.names.has(profile.name) || (profile.renamedFrom ?? []).some((n) => scope.names.has(n));
}

/** The planner's options for this run: prune and owner, and a scope restricting unmanaged profiles and deletes. */
function planOptions(request: PlanRequest, declared: number): PlanOptions {
  return {
    prune: request.prune,
    owner: request.owner,
    ...(request.profileQuota === undefined ? {} : { profileQuota: request.profileQuota }),
    ...(request.environment === undefined ? {} : { environment: request.environment }),
    ...(request.scope === undefined ? {} : { scope: { changedSince: request.scope.changedSince, names: [...request.scope.names].sort(), declared } }),
  };
}

/** Reads only what the files manage (design.md's read strategy) and plans against it. */
export async function planAgainstLive(desired: DesiredState, reader: LiveReader, instanceId: string, request: PlanRequest, ctx: PlanContext): Promise<CurrentPlan> {
  const planned = desired.profiles.filter((p) => inScope(p, request.scope));
  const progress = createProgress('Reading live state', ctx.progressStream, Date.now, {
    log: (message, fields) => ctx.logger.info(fields, message),
    logEveryMs: progressInterval(ctx.env),
  });
  let live: LiveState;
  try {
    live = await readLive(reader, instanceId, declaredProfiles(planned), { onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.finish();
  }
  const resolved = resolveQueueReferences(planned, live.queues);
  const options = planOptions(request, desired.profiles.length);
  return {
    desired,
    live,
    plan: computePlan(resolved, live, options),
    snapshot: liveSnapshotForPlan(resolved, live, options),
    ...(request.scope === undefined ? {} : { scopedProfiles: [...request.scope.names].sort() }),
  };
}

/**
 * Live profiles no file declares are listed in the plan; saying so on stderr too is how a user of the text
 * output in a log notices that a renamed profile without `renamedFrom` is a new profile beside the old one.
 */
export function logUnmanaged(plan: Plan, logger: Logger): void {
  const names = plan.unmanaged.map((p) => p.name);
  if (names.length === 0) return;
  const shown = names.slice(0, 10).map((n) => JSON.stringify(n)).join(', ');
  const more = names.length > 10 ? ` and ${names.length - 10} more` : '';
  logger.info({ unmanaged: names.length }, `${names.length} live routing profile${names.length === 1 ? ' is' : 's are'} not in the files and left alone: ${shown}${more}`);
}
