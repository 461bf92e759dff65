// The ownership rule on the live side: a field the file states is managed, one it leaves out is left as it is
// live. The planner and the fingerprint both compare the live profile only through managedLive(), so a console
// edit to an unmanaged field is neither a diff nor a reason to call a saved plan stale.
import type { ResolvedProfile } from '../desired/types.js';
import type { Channel } from '../vocabulary.js';
import type { NormalisedProfile } from './normalise.js';

/** Which optional parts of a profile its file manages; the required fields always are. */
export interface ManagedScope {
  name: string;
  agentAvailabilityTimer: boolean;
  queues: boolean;
  tags: boolean;
  /** Absent means false (scopes written before manual-assignment queues existed). */
  manualAssignmentQueues?: boolean;
  /** Channels whose entry states `workloadTypes`. */
  workloadTypes?: Channel[];
  /** Old names the file claims (`renamedFrom`): they are read and fingerprinted like the name itself. */
  renamedFrom?: string[];
}

export function managedScope(profile: ResolvedProfile): ManagedScope {
  const scope: ManagedScope = {
    name: profile.name,
    agentAvailabilityTimer: profile.agentAvailabilityTimer !== undefined,
    queues: profile.queues !== undefined,
    tags: profile.tags !== undefined,
  };
  // Added only when used, so that a plan made without these fields keeps the fingerprint it always had.
  if (profile.manualAssignmentQueues !== undefined) scope.manualAssignmentQueues = true;
  const workloadChannels = profile.mediaConcurrencies.filter((m) => m.workloadTypes !== undefined).map((m) => m.channel);
  if (workloadChannels.length > 0) scope.workloadTypes = workloadChannels;
  if (profile.renamedFrom !== undefined && profile.renamedFrom.length > 0) scope.renamedFrom = [...profile.renamedFrom];
  return scope;
}

/**
 * The live profile reduced to what `scope` manages. The ownership tag's value stays: a declared profile that
 * another owner has tagged is blocked whether or not prune is on.
 */
export function managedLive(live: NormalisedProfile, scope: ManagedScope): NormalisedProfile {
  const kept: NormalisedProfile = {
    ...live,
    mediaConcurrencies: live.mediaConcurrencies.map((entry) => {
      if (scope.workloadTypes?.includes(entry.channel) === true) return entry;
      const { workloadTypes: _unmanaged, ...rest } = entry;
      return rest;
    }),
  };
  if (!scope.agentAvailabilityTimer) delete kept.agentAvailabilityTimer;
  if (!scope.queues) delete kept.queues;
  if (scope.manualAssignmentQueues !== true) delete kept.manualQueues;
  if (!scope.tags) delete kept.tags;
  return kept;
}
