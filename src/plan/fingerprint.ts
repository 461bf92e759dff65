// The fingerprint a saved plan carries: a hash of exactly the live state the plan was computed from, so that
// `apply --plan` can re-read, re-hash and refuse a plan whose premises changed. Only what the plan depends on
// goes in (the declared profiles' managed fields, whether each exists, and the queue inventory references were
// resolved against): a change to an undeclared profile, or to a field its file leaves unmanaged (the ownership
// rule), does not make a plan stale.
import { createHash } from 'node:crypto';
import equal from 'fast-deep-equal';
import type { ResolvedProfile } from '../desired/types.js';
import type { LiveState, WorkloadTypeConcurrencies } from '../live/types.js';
import type { Channel } from '../vocabulary.js';
import { canonicalJson } from './canonical-json.js';
import { indexLiveByName } from './match.js';
import { liveWorkloadTypeConcurrencies, type NormalisedProfile, normaliseLive, normaliseQueueId } from './normalise.js';
import { compareStrings } from './order.js';

export interface ProfileSnapshot {
  routingProfileId: string;
  arn: string;
  /** Whether CrossChannelBehavior/AgentAvailabilityTimer were read; part of what the plan saw. */
  described: boolean;
  profile: NormalisedProfile;
  /** Only when the file manages `queues`. */
  associatedQueueIds?: string[];
  /** Sent back untouched by a concurrency update, so a change to them changes what apply would send. */
  workloadTypeConcurrencies: Partial<Record<Channel, WorkloadTypeConcurrencies>>;
}

export interface LiveSnapshot {
  instanceId: string;
  queues: { queueId: string; arn: string; name: string }[];
  /** One entry per managed name, `null` when no live profile has that name (the plan creates it). */
  profiles: Record<string, ProfileSnapshot | null>;
}

/** Which optional fields of a profile its file manages (the ownership rule); the required ones always are. */
export interface ManagedScope {
  name: string;
  agentAvailabilityTimer: boolean;
  queues: boolean;
  tags: boolean;
}

export function managedScope(profile: ResolvedProfile): ManagedScope {
  return {
    name: profile.name,
    agentAvailabilityTimer: profile.agentAvailabilityTimer !== undefined,
    queues: profile.queues !== undefined,
    tags: profile.tags !== undefined,
  };
}

export function summariseLiveForPlan(live: LiveState, managed: readonly ManagedScope[]): LiveSnapshot {
  const byName = indexLiveByName(live.profiles);
  const profiles: Record<string, ProfileSnapshot | null> = {};
  for (const scope of [...managed].sort((a, b) => compareStrings(a.name, b.name))) {
    const profile = byName.get(scope.name);
    if (profile === undefined) {
      profiles[scope.name] = null;
      continue;
    }
    const normalised = normaliseLive(profile);
    // Unmanaged fields are left as they are live: a console edit to them changes nothing apply would send.
    if (!scope.agentAvailabilityTimer) delete normalised.agentAvailabilityTimer;
    if (!scope.queues) delete normalised.queues;
    if (!scope.tags) delete normalised.tags;
    const snapshot: ProfileSnapshot = {
      routingProfileId: profile.routingProfileId,
      arn: profile.arn,
      described: profile.described,
      profile: normalised,
      workloadTypeConcurrencies: liveWorkloadTypeConcurrencies(profile),
    };
    if (scope.queues) snapshot.associatedQueueIds = [...new Set(profile.associatedQueueIds.map(normaliseQueueId))].sort(compareStrings);
    profiles[scope.name] = snapshot;
  }
  const queues = live.queues
    .map((q) => ({ queueId: q.queueId, arn: q.arn, name: q.name }))
    .sort((a, b) => compareStrings(a.queueId, b.queueId) || compareStrings(a.arn, b.arn) || compareStrings(a.name, b.name));
  return { instanceId: live.instanceId, queues, profiles };
}

/** `sha256:<hex>` of the canonical JSON of summariseLiveForPlan(live, managed). */
export function liveFingerprint(live: LiveState, managed: readonly ManagedScope[]): string {
  const digest = createHash('sha256').update(canonicalJson(summariseLiveForPlan(live, managed)), 'utf8').digest('hex');
  return `sha256:${digest}`;
}

/** Names of the profiles whose snapshot differs (appeared, disappeared or changed), sorted. */
export function changedProfiles(before: LiveSnapshot, after: LiveSnapshot): string[] {
  const names = new Set([...Object.keys(before.profiles), ...Object.keys(after.profiles)]);
  return [...names]
    .filter((name) => !equal(before.profiles[name] ?? null, after.profiles[name] ?? null))
    .sort(compareStrings);
}

/** Whether the queue inventory (what references were resolved against) or the instance differs. */
export function queueInventoryChanged(before: LiveSnapshot, after: LiveSnapshot): boolean {
  return before.instanceId !== after.instanceId || !equal(before.queues, after.queues);
}
