// Named normalisers. Connect reports the same configuration in several equivalent shapes; comparing raw values
// would show perpetual diffs that no apply can remove. Each normaliser absorbs one such quirk and is applied to
// BOTH sides (desired and live) before any comparison, so a second plan after apply is empty.
import type { DesiredMediaConcurrency, DesiredWorkloadType, ResolvedProfile, ResolvedQueueConfig } from '../desired/types.js';
import type { LiveMediaConcurrency, LiveProfile, LiveQueueConfig, LiveWorkloadType, WorkloadTypeConcurrencies } from '../live/types.js';
import {
  type AgentAvailabilityTimer,
  type Channel,
  type CrossChannelBehavior,
  DEFAULT_CROSS_CHANNEL_BEHAVIOR,
  OWNERSHIP_TAG_KEY,
  RESERVED_TAG_PREFIX,
  type WorkloadBehavior,
} from '../vocabulary.js';
import { compareChannels, compareStrings } from './order.js';

/**
 * What Connect stores for a workload type sent without CrossChannelWorkloadBehavior. UNVERIFIED by any public
 * source (connect-api README): by analogy with DEFAULT_CROSS_CHANNEL_BEHAVIOR, the narrowest routing. The
 * planner always sends the behaviour explicitly, so this only decides how a live entry without one compares.
 */
export const DEFAULT_WORKLOAD_BEHAVIOR: WorkloadBehavior = 'ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY';

export interface NormalisedWorkloadType {
  workloadType: string;
  concurrency: number;
  crossChannelWorkloadBehavior: WorkloadBehavior;
}

export interface NormalisedConcurrency {
  channel: Channel;
  concurrency: number;
  crossChannelBehavior: CrossChannelBehavior;
  /**
   * Desired side: present only when the file states `workloadTypes` for this channel (the ownership rule).
   * Live side: always present (none reads as []); managedLive() drops it where the file does not manage it.
   */
  workloadTypes?: NormalisedWorkloadType[];
}

/** A manual-assignment pair: its identity is all there is (no priority, no delay). */
export interface NormalisedManualQueue {
  queueId: string;
  channel: Channel;
}

export interface NormalisedQueueConfig {
  queueId: string;
  channel: Channel;
  priority: number;
  delay: number;
}

/**
 * The comparable form of a profile, identical in shape on both sides. On the desired side an undefined
 * optional field means "not managed" (the ownership rule); on the live side it means "not read".
 */
export interface NormalisedProfile {
  name: string;
  description: string;
  defaultOutboundQueueId: string;
  agentAvailabilityTimer?: AgentAvailabilityTimer;
  mediaConcurrencies: NormalisedConcurrency[];
  queues?: NormalisedQueueConfig[];
  manualQueues?: NormalisedManualQueue[];
  /** Never holds `aws:` keys nor the ownership tag (normaliseTags). */
  tags?: Record<string, string>;
  /**
   * The ownership tag's value. Desired side: our owner, only when prune is on (apply stamps it). Live side:
   * whatever the tag says, when present.
   */
  owner?: string;
}

/**
 * Quirk: queue references come as IDs from some operations and as ARNs from others (and users may write
 * either). A queue ARN ends in `/queue/<id>`; the ID is the one identity both sides share.
 */
export function normaliseQueueId(reference: string): string {
  if (!reference.startsWith('arn:')) return reference;
  const marker = '/queue/';
  const at = reference.lastIndexOf(marker);
  return at === -1 ? reference : reference.slice(at + marker.length);
}

/**
 * Quirk: SearchRoutingProfiles never returns CrossChannelBehavior, and CreateRoutingProfile /
 * UpdateRoutingProfileConcurrency accept an entry without it. Connect then stores (and Describe reports)
 * ROUTE_CURRENT_CHANNEL_ONLY (UNVERIFIED, see DEFAULT_CROSS_CHANNEL_BEHAVIOR), and the file format says an
 * entry without it means the same. So absent == ROUTE_CURRENT_CHANNEL_ONLY on both sides.
 */
export function normaliseCrossChannelBehavior(behavior: CrossChannelBehavior | undefined): CrossChannelBehavior {
  return behavior ?? DEFAULT_CROSS_CHANNEL_BEHAVIOR;
}

/**
 * Quirk: Connect returns MediaConcurrencies in no particular order (and users write them in any order);
 * the channel is the identity of an entry, so the list is compared sorted by channel.
 */
export function normaliseChannelOrder<T extends { channel: Channel }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => compareChannels(a.channel, b.channel));
}

/**
 * Quirk: ListRoutingProfileQueues pages come back in no documented order; a queue config's identity is the
 * (queue, channel) pair, so lists are compared sorted by it.
 */
export function normaliseQueueConfigOrder<T extends { queueId: string; channel: Channel }>(configs: readonly T[]): T[] {
  return [...configs].sort((a, b) => compareStrings(a.queueId, b.queueId) || compareChannels(a.channel, b.channel));
}

/**
 * Quirk: keys starting with `aws:` are reserved by AWS (added by AWS services, refused by TagResource).
 * Rule: the ownership tag belongs to prune, not to a file's `tags:` (validation refuses it there); it is
 * stamped and read through `owner`, so a `tags:` field can never remove it and it is never shown as drift.
 * Both kinds are dropped from both sides, so they are neither diffed, removed nor sent as ordinary tags.
 * Keys are also sorted, so that the object's own key order never matters to a comparison or a hash.
 */
export function normaliseTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  // fromEntries, not assignment: a tag key may be "__proto__", and live data is never trusted to be tame.
  return Object.fromEntries(
    Object.keys(tags)
      .sort(compareStrings)
      .filter((key) => !key.startsWith(RESERVED_TAG_PREFIX) && key !== OWNERSHIP_TAG_KEY)
      .map((key) => [key, tags[key] as string]),
  );
}

/** The ownership tag's value on a live profile, if it carries one (the other half of normaliseTags). */
export function ownershipTag(tags: Readonly<Record<string, string>>): string | undefined {
  return Object.prototype.hasOwnProperty.call(tags, OWNERSHIP_TAG_KEY) ? tags[OWNERSHIP_TAG_KEY] : undefined;
}

/**
 * Quirk: Describe lists WorkloadTypeConcurrencies in no documented order, and may leave out an entry's
 * CrossChannelWorkloadBehavior. The workload type is an entry's identity, so lists compare sorted by it, and
 * an absent behaviour reads as DEFAULT_WORKLOAD_BEHAVIOR (UNVERIFIED) on both sides.
 */
export function normaliseWorkloadTypes(entries: readonly (DesiredWorkloadType | LiveWorkloadType)[]): NormalisedWorkloadType[] {
  return entries
    .map((w) => ({
      workloadType: w.workloadType,
      concurrency: w.concurrency,
      crossChannelWorkloadBehavior: w.crossChannelWorkloadBehavior ?? DEFAULT_WORKLOAD_BEHAVIOR,
    }))
    .sort((a, b) => compareStrings(a.workloadType, b.workloadType));
}

function normaliseConcurrency(e: DesiredMediaConcurrency | LiveMediaConcurrency): NormalisedConcurrency {
  return { channel: e.channel, concurrency: e.concurrency, crossChannelBehavior: normaliseCrossChannelBehavior(e.crossChannelBehavior) };
}

function normaliseDesiredConcurrencies(entries: readonly DesiredMediaConcurrency[]): NormalisedConcurrency[] {
  return normaliseChannelOrder(
    entries.map((e) => {
      const entry = normaliseConcurrency(e);
      if (e.workloadTypes !== undefined) entry.workloadTypes = normaliseWorkloadTypes(e.workloadTypes);
      return entry;
    }),
  );
}

function normaliseLiveConcurrencies(entries: readonly LiveMediaConcurrency[]): NormalisedConcurrency[] {
  // Connect leaves the member out when a channel has no workload types: that is the same as none.
  return normaliseChannelOrder(entries.map((e) => ({ ...normaliseConcurrency(e), workloadTypes: normaliseWorkloadTypes(e.workloadTypeConcurrencies ?? []) })));
}

function normaliseManualQueues(queues: readonly { queueId: string; channel: Channel }[]): NormalisedManualQueue[] {
  return normaliseQueueConfigOrder(queues.map((q) => ({ queueId: normaliseQueueId(q.queueId), channel: q.channel })));
}

function normaliseQueueConfigs(configs: readonly (ResolvedQueueConfig | LiveQueueConfig)[]): NormalisedQueueConfig[] {
  return normaliseQueueConfigOrder(
    configs.map((c) => ({
      queueId: normaliseQueueId(c.queueId),
      channel: c.channel,
      priority: c.priority,
      delay: c.delay,
    })),
  );
}

/**
 * The desired side: optional fields stay undefined when the file leaves them out (not managed). `owner` is
 * given when prune is on: every declared profile then carries our ownership tag.
 */
export function normaliseDesired(profile: ResolvedProfile, owner?: string): NormalisedProfile {
  const normalised: NormalisedProfile = {
    name: profile.name,
    description: profile.description,
    defaultOutboundQueueId: normaliseQueueId(profile.defaultOutboundQueueId),
    mediaConcurrencies: normaliseDesiredConcurrencies(profile.mediaConcurrencies),
  };
  if (profile.agentAvailabilityTimer !== undefined) normalised.agentAvailabilityTimer = profile.agentAvailabilityTimer;
  if (profile.queues !== undefined) normalised.queues = normaliseQueueConfigs(profile.queues);
  if (profile.manualAssignmentQueues !== undefined) normalised.manualQueues = normaliseManualQueues(profile.manualAssignmentQueues);
  if (profile.tags !== undefined) normalised.tags = normaliseTags(profile.tags);
  if (owner !== undefined) normalised.owner = owner;
  return normalised;
}

/** The live side. `queues` and `manualQueues` are present only when their list operation was read. */
export function normaliseLive(profile: LiveProfile): NormalisedProfile {
  const normalised: NormalisedProfile = {
    name: profile.name,
    description: profile.description,
    defaultOutboundQueueId: normaliseQueueId(profile.defaultOutboundQueueId),
    mediaConcurrencies: normaliseLiveConcurrencies(profile.mediaConcurrencies),
    tags: normaliseTags(profile.tags),
  };
  if (profile.agentAvailabilityTimer !== undefined) normalised.agentAvailabilityTimer = profile.agentAvailabilityTimer;
  if (profile.queueConfigs !== undefined) normalised.queues = normaliseQueueConfigs(profile.queueConfigs);
  if (profile.manualQueues !== undefined) normalised.manualQueues = normaliseManualQueues(profile.manualQueues);
  const owner = ownershipTag(profile.tags);
  if (owner !== undefined) normalised.owner = owner;
  return normalised;
}

/**
 * Where a file does not state `workloadTypes`, UpdateRoutingProfileConcurrency still replaces the whole list:
 * the live value of each channel is carried into the call so that it is never dropped silently. It is carried
 * as Connect returned it (an absent behaviour stays absent), only put in workload-type order so that the call
 * does not depend on the order Describe listed them in.
 */
export function liveWorkloadTypeConcurrencies(
  profile: LiveProfile,
): Partial<Record<Channel, WorkloadTypeConcurrencies>> {
  const byChannel: Partial<Record<Channel, WorkloadTypeConcurrencies>> = {};
  for (const entry of profile.mediaConcurrencies) {
    if (entry.workloadTypeConcurrencies !== undefined) {
      byChannel[entry.channel] = [...entry.workloadTypeConcurrencies].sort((a, b) => compareStrings(a.workloadType, b.workloadType));
    }
  }
  return byChannel;
}
