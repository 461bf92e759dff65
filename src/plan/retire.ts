// Live profiles no file declares. They are always listed (a deleted file or a rename without `renamedFrom`
// must show in the pull request); with prune on, those carrying our ownership tag are deleted, except the
// instance's default profile and a profile agents still use (Connect refuses both; we never try).
import type { LiveProfile } from '../live/types.js';
import { deletionDiffs, type QueueNamer } from './diff.js';
import { normaliseLive, ownershipTag } from './normalise.js';
import { compareStrings } from './order.js';
import type { Change, PlanProblem, UnmanagedProfile } from './types.js';

export interface RetireOptions {
  instanceId: string;
  prune: boolean;
  owner: string;
}

export interface Retirement {
  /** Delete changes (blocked ones included), sorted by name. */
  deletes: Change[];
  /** Undeclared profiles that are not deleted, sorted by name. */
  unmanaged: UnmanagedProfile[];
  problems: PlanProblem[];
  warnings: string[];
}

function agents(n: number): string {
  return n === 1 ? '1 agent' : `${n} agents`;
}

function deleteChange(profile: LiveProfile, instanceId: string, nameOf: QueueNamer): { change: Change; problem?: PlanProblem } {
  const change: Change = {
    action: 'delete',
    name: profile.name,
    routingProfileId: profile.routingProfileId,
    routingProfileArn: profile.arn,
    agents: profile.associatedUsers,
    diffs: deletionDiffs(normaliseLive(profile), profile.described, nameOf),
    calls: [{ operation: 'DeleteRoutingProfile', input: { InstanceId: instanceId, RoutingProfileId: profile.routingProfileId } }],
  };
  if (profile.associatedUsers === 0) return { change };
  return {
    change: { ...change, calls: [], blocked: { associatedUsers: profile.associatedUsers } },
    problem: {
      kind: 'profile-in-use',
      name: profile.name,
      message: `routing profile ${JSON.stringify(profile.name)} is no longer declared and would be deleted, but ${agents(profile.associatedUsers)} still use it; move them to another routing profile, then run again`,
    },
  };
}

/** `undeclared` is already restricted to the plan's scope. */
export function retire(undeclared: readonly LiveProfile[], options: RetireOptions, nameOf: QueueNamer): Retirement {
  const result: Retirement = { deletes: [], unmanaged: [], problems: [], warnings: [] };
  for (const profile of [...undeclared].sort((a, b) => compareStrings(a.name, b.name))) {
    const owned = ownershipTag(profile.tags) === options.owner;
    if (options.prune && owned && profile.isDefault) {
      result.warnings.push(
        `routing profile ${JSON.stringify(profile.name)} carries our ownership tag but is the instance's default routing profile: it is never deleted`,
      );
    } else if (options.prune && owned) {
      const { change, problem } = deleteChange(profile, options.instanceId, nameOf);
      result.deletes.push(change);
      if (problem !== undefined) result.problems.push(problem);
      continue;
    }
    result.unmanaged.push({ name: profile.name, routingProfileId: profile.routingProfileId, owned });
  }
  return result;
}
