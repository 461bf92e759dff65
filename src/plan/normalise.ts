// Named normalisers. Connect reports the same configuration in several equivalent shapes; comparing raw values
// would show perpetual diffs that no apply can remove. Each normaliser absorbs one such quirk and is applied to
// BOTH sides (desired and live) before any comparison, so a second plan after apply is empty.
import type { ResolvedProfile } from '../desired/types.js';
import type { LiveMediaConcurrency, LiveProfile, LiveQueueConfig, WorkloadTypeConcurrencies } from '../live/types.js';
import type { DesiredMediaConcurrency, ResolvedQueueConfig } from '../desired/types.js';
import {
  type AgentAvailabilityTimer,
  type Channel,
  type CrossChannelBehavior,
  DEFAULT_CROSS_CHANNEL_BEHAVIOR,
  RESERVED_TAG_PREFIX,
} from '../vocabulary.js';
import { compareChannels, compareStrings } from './order.js';

export interface NormalisedConcurrency {
  channel: Channel;
  concurrency: number;
  crossChannelBehavior: CrossChannelBehavior;
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
  tags?: Record<string, string>;
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
 * They are never managed: dropped from both sides so they are neither diffed, removed nor sent.
 * Keys are also sorted, so that the object's own key order never matters to a comparison or a hash.
 */
export function normaliseTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const key of Object.keys(tags).sort(compareStrings)) {
    if (!key.startsWith(RESERVED_TAG_PREFIX)) kept[key] = tags[key] as string;
  }
  return kept;
}

function normaliseConcurrencies(
  entries: readonly (DesiredMediaConcurrency | LiveMediaConcurrency)[],
): NormalisedConcurrency[] {
  return normaliseChannelOrder(
    entries.map((e) => ({
      channel: e.channel,
      concurrency: e.concurrency,
      crossChannelBehavior: normaliseCrossChannelBehavior(e.crossChannelBehavior),
    })),
  );
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

/** The desired side: optional fields stay undefined when the file leaves them out (not managed). */
export function normaliseDesired(profile: ResolvedProfile): NormalisedProfile {
  const normalised: NormalisedProfile = {
    name: profile.name,
    description: profile.description,
    defaultOutboundQueueId: normaliseQueueId(profile.defaultOutboundQueueId),
    mediaConcurrencies: normaliseConcurrencies(profile.mediaConcurrencies),
  };
  if (profile.agentAvailabilityTimer !== undefined) normalised.agentAvailabilityTimer = profile.agentAvailabilityTimer;
  if (profile.queues !== undefined) normalised.queues = normaliseQueueConfigs(profile.queues);
  if (profile.tags !== undefined) normalised.tags = normaliseTags(profile.tags);
  return normalised;
}

/** The live side. `queues` is present only when ListRoutingProfileQueues was read. */
export function normaliseLive(profile: LiveProfile): NormalisedProfile {
  const normalised: NormalisedProfile = {
    name: profile.name,
    description: profile.description,
    defaultOutboundQueueId: normaliseQueueId(profile.defaultOutboundQueueId),
    mediaConcurrencies: normaliseConcurrencies(profile.mediaConcurrencies),
    tags: normaliseTags(profile.tags),
  };
  if (profile.agentAvailabilityTimer !== undefined) normalised.agentAvailabilityTimer = profile.agentAvailabilityTimer;
  if (profile.queueConfigs !== undefined) normalised.queues = normaliseQueueConfigs(profile.queueConfigs);
  return normalised;
}

/**
 * WorkloadTypeConcurrencies are not managed, but UpdateRoutingProfileConcurrency replaces the whole list:
 * the live value of each channel is carried into the call so that it is never dropped silently.
 */
export function liveWorkloadTypeConcurrencies(
  profile: LiveProfile,
): Partial<Record<Channel, WorkloadTypeConcurrencies>> {
  const byChannel: Partial<Record<Channel, WorkloadTypeConcurrencies>> = {};
  for (const entry of profile.mediaConcurrencies) {
    if (entry.workloadTypeConcurrencies !== undefined) byChannel[entry.channel] = entry.workloadTypeConcurrencies;
  }
  return byChannel;
}
