// The fingerprint a saved plan carries: a hash of exactly the live state the plan was computed from, so that
// `apply --plan` can re-read, re-hash and refuse a plan whose premises changed. Only what the plan depends on
// goes in (the declared profiles, whether each exists, and the queue inventory references were resolved
// against): a change to an undeclared profile does not make a plan stale.
import { createHash } from 'node:crypto';
import equal from 'fast-deep-equal';
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
  associatedQueueIds: string[];
  /** Sent back untouched by a concurrency update, so a change to them changes what apply would send. */
  workloadTypeConcurrencies: Partial<Record<Channel, WorkloadTypeConcurrencies>>;
}

export interface LiveSnapshot {
  instanceId: string;
  queues: { queueId: string; arn: string; name: string }[];
  /** One entry per managed name, `null` when no live profile has that name (the plan creates it). */
  profiles: Record<string, ProfileSnapshot | null>;
}

export function summariseLiveForPlan(live: LiveState, managedNames: readonly string[]): LiveSnapshot {
  const byName = indexLiveByName(live.profiles);
  const profiles: Record<string, ProfileSnapshot | null> = {};
  for (const name of [...new Set(managedNames)].sort(compareStrings)) {
    const profile = byName.get(name);
    profiles[name] =
      profile === undefined
        ? null
        : {
            routingProfileId: profile.routingProfileId,
            arn: profile.arn,
            described: profile.described,
            profile: normaliseLive(profile),
            associatedQueueIds: [...new Set(profile.associatedQueueIds.map(normaliseQueueId))].sort(compareStrings),
            workloadTypeConcurrencies: liveWorkloadTypeConcurrencies(profile),
          };
  }
  const queues = live.queues
    .map((q) => ({ queueId: q.queueId, arn: q.arn, name: q.name }))
    .sort((a, b) => compareStrings(a.queueId, b.queueId) || compareStrings(a.arn, b.arn) || compareStrings(a.name, b.name));
  return { instanceId: live.instanceId, queues, profiles };
}

/** `sha256:<hex>` of the canonical JSON of summariseLiveForPlan(live, managedNames). */
export function liveFingerprint(live: LiveState, managedNames: readonly string[]): string {
  const digest = createHash('sha256').update(canonicalJson(summariseLiveForPlan(live, managedNames)), 'utf8').digest('hex');
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
