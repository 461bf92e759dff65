// The fingerprint a saved plan carries: a hash of exactly the live state the plan was computed from, so that
// `apply --plan` can re-read, re-hash and refuse a plan whose premises changed. Only what the plan depends on
// goes in (the declared profiles' managed fields, whether each exists, and the queue inventory references were
// resolved against): a change to an undeclared profile, or to a field its file leaves unmanaged (the ownership
// rule), does not make a plan stale.
import { createHash } from 'node:crypto';
import equal from 'fast-deep-equal';
import type { LiveProfile, LiveState, WorkloadTypeConcurrencies } from '../live/types.js';
import type { Channel } from '../vocabulary.js';
import { canonicalJson } from './canonical-json.js';
import { type ManagedScope, managedLive } from './managed.js';
import { indexLiveByName } from './match.js';
import { liveWorkloadTypeConcurrencies, type NormalisedProfile, normaliseLive, normaliseQueueId, ownershipTag } from './normalise.js';
import { compareStrings } from './order.js';

export { type ManagedScope, managedScope } from './managed.js';

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

/** A live profile that prune would delete (ours, undeclared, in scope). Its users are left out on purpose. */
export interface PrunableSnapshot {
  routingProfileId: string;
  isDefault: boolean;
}

export interface LiveSnapshot {
  instanceId: string;
  queues: { queueId: string; arn: string; name: string }[];
  /**
   * One entry per managed name and per old name a file claims (`renamedFrom`), `null` when no live profile has
   * that name.
   */
  profiles: Record<string, ProfileSnapshot | null>;
  /** Only with prune on: the profiles it would delete, by name. */
  prunable?: Record<string, PrunableSnapshot>;
}

/** What prune adds to the fingerprint: the owner it deletes for, and the names a scoped plan covers. */
export interface PruneSnapshotScope {
  owner: string;
  /** A scoped plan (--changed-since) deletes only among these names; absent: among every live profile. */
  names?: readonly string[];
}

function profileSnapshot(profile: LiveProfile, scope: ManagedScope): ProfileSnapshot {
  const snapshot: ProfileSnapshot = {
    routingProfileId: profile.routingProfileId,
    arn: profile.arn,
    described: profile.described,
    // Unmanaged fields are left as they are live: a console edit to them changes nothing apply would send.
    profile: managedLive(normaliseLive(profile), scope),
    workloadTypeConcurrencies: liveWorkloadTypeConcurrencies(profile),
  };
  if (scope.queues) snapshot.associatedQueueIds = [...new Set(profile.associatedQueueIds.map(normaliseQueueId))].sort(compareStrings);
  return snapshot;
}

/**
 * The live state a plan depends on, in a form that can be stored with a saved plan and compared later
 * (describeLiveChanges). Agents (NumberOfAssociatedUsers) are never part of it: they move between profiles
 * all day, and a plan would otherwise go stale between review and apply for no reason.
 */
export function summariseLiveForPlan(live: LiveState, managed: readonly ManagedScope[], prune?: PruneSnapshotScope): LiveSnapshot {
  const byName = indexLiveByName(live.profiles);
  // Built with fromEntries: a profile may be named "__proto__", which plain assignment would not store.
  const profiles: Record<string, ProfileSnapshot | null> = Object.fromEntries(
    managed
      .flatMap((scope) => [scope.name, ...(scope.renamedFrom ?? [])].map((name) => ({ name, scope })))
      .sort((a, b) => compareStrings(a.name, b.name))
      .map(({ name, scope }) => {
        const profile = byName.get(name);
        return [name, profile === undefined ? null : profileSnapshot(profile, scope)];
      }),
  );
  const queues = live.queues
    .map((q) => ({ queueId: q.queueId, arn: q.arn, name: q.name }))
    .sort((a, b) => compareStrings(a.queueId, b.queueId) || compareStrings(a.arn, b.arn) || compareStrings(a.name, b.name));
  const snapshot: LiveSnapshot = { instanceId: live.instanceId, queues, profiles };
  if (prune !== undefined) {
    const inScope = prune.names === undefined ? undefined : new Set(prune.names);
    snapshot.prunable = Object.fromEntries(
      [...live.profiles]
        .sort((a, b) => compareStrings(a.name, b.name))
        .filter((p) => !Object.hasOwn(profiles, p.name) && ownershipTag(p.tags) === prune.owner && (inScope === undefined || inScope.has(p.name)))
        .map((p): [string, PrunableSnapshot] => [p.name, { routingProfileId: p.routingProfileId, isDefault: p.isDefault }]),
    );
  }
  return snapshot;
}

/** `sha256:<hex>` of a snapshot's canonical JSON: what a saved plan records as its liveFingerprint. */
export function fingerprintOf(snapshot: LiveSnapshot): string {
  return `sha256:${createHash('sha256').update(canonicalJson(snapshot), 'utf8').digest('hex')}`;
}

/** `sha256:<hex>` of the canonical JSON of summariseLiveForPlan(live, managed, prune). */
export function liveFingerprint(live: LiveState, managed: readonly ManagedScope[], prune?: PruneSnapshotScope): string {
  return fingerprintOf(summariseLiveForPlan(live, managed, prune));
}

/** A snapshot record's own entry (never one inherited from Object.prototype), or null. */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, name: string): T | null {
  return record !== undefined && Object.hasOwn(record, name) ? (record[name] as T) : null;
}

/** Every name either snapshot has an entry for: managed, old and prunable names. */
export function snapshotNames(before: LiveSnapshot, after: LiveSnapshot): string[] {
  const names = [before, after].flatMap((s) => [...Object.keys(s.profiles), ...Object.keys(s.prunable ?? {})]);
  return [...new Set(names)].sort(compareStrings);
}

/** Names of the profiles whose snapshot differs (appeared, disappeared or changed), sorted. */
export function changedProfiles(before: LiveSnapshot, after: LiveSnapshot): string[] {
  return snapshotNames(before, after).filter(
    (name) => !equal(ownEntry(before.profiles, name), ownEntry(after.profiles, name)) || !equal(ownEntry(before.prunable, name), ownEntry(after.prunable, name)),
  );
}

/** Whether the queue inventory (what references were resolved against) or the instance differs. */
export function queueInventoryChanged(before: LiveSnapshot, after: LiveSnapshot): boolean {
  return before.instanceId !== after.instanceId || !equal(before.queues, after.queues);
}
