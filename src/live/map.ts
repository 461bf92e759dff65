// Connect's answers mapped onto LiveState, defensively: Search results may omit fields (README, "What each
// read returns") and the SDK drops nulls, so every field has a safe default and unknown enum values are skipped
// rather than trusted.
import type {
  ManualQueueRecord,
  MediaConcurrencyRecord,
  QueueConfigRecord,
  QueueRecord,
  RoutingProfileRecord,
  WorkloadTypeRecord,
} from '../connect/read-types.js';
import {
  AGENT_AVAILABILITY_TIMERS,
  CHANNELS,
  CROSS_CHANNEL_BEHAVIORS,
  WORKLOAD_BEHAVIORS,
  type WorkloadBehavior,
  type AgentAvailabilityTimer,
  type Channel,
  type CrossChannelBehavior,
} from '../vocabulary.js';
import type { LiveManualQueue, LiveMediaConcurrency, LiveProfile, LiveQueue, LiveQueueConfig, LiveWorkloadType } from './types.js';

const isChannel = (v: unknown): v is Channel => (CHANNELS as readonly unknown[]).includes(v);
const isBehavior = (v: unknown): v is CrossChannelBehavior => (CROSS_CHANNEL_BEHAVIORS as readonly unknown[]).includes(v);
const isWorkloadBehavior = (v: unknown): v is WorkloadBehavior => (WORKLOAD_BEHAVIORS as readonly unknown[]).includes(v);
const isTimer = (v: unknown): v is AgentAvailabilityTimer => (AGENT_AVAILABILITY_TIMERS as readonly unknown[]).includes(v);

/** A profile as Search returns it; undefined when it lacks the identity fields we cannot do without. */
export function profileFromSearch(record: RoutingProfileRecord): LiveProfile | undefined {
  if (!record.routingProfileId || record.name === undefined) return undefined;
  return {
    routingProfileId: record.routingProfileId,
    arn: record.arn ?? '',
    name: record.name,
    description: record.description ?? '',
    defaultOutboundQueueId: record.defaultOutboundQueueId ?? '',
    // Search never carries CrossChannelBehavior (documented), so it is left undefined here, not defaulted.
    mediaConcurrencies: mediaFrom(record.mediaConcurrencies, false),
    associatedQueueIds: [...(record.associatedQueueIds ?? [])],
    tags: tagsFrom(record.tags),
    described: false,
    manualQueueCount: record.numberOfAssociatedManualAssignmentQueues ?? 0,
    isDefault: record.isDefault ?? false,
    associatedUsers: record.numberOfAssociatedUsers ?? 0,
  };
}

/**
 * Merges DescribeRoutingProfile into a searched profile. Describe is read later and directly, so where both
 * carry a field Describe wins (Search's index may lag); AssociatedQueueIds only Search has.
 */
export function withDescribe(profile: LiveProfile, described: RoutingProfileRecord): LiveProfile {
  const merged: LiveProfile = {
    ...profile,
    arn: described.arn ?? profile.arn,
    name: described.name ?? profile.name,
    description: described.description ?? profile.description,
    defaultOutboundQueueId: described.defaultOutboundQueueId ?? profile.defaultOutboundQueueId,
    mediaConcurrencies: described.mediaConcurrencies ? mediaFrom(described.mediaConcurrencies, true) : profile.mediaConcurrencies,
    tags: described.tags ? tagsFrom(described.tags) : profile.tags,
    described: true,
    manualQueueCount: described.numberOfAssociatedManualAssignmentQueues ?? profile.manualQueueCount,
    isDefault: described.isDefault ?? profile.isDefault,
    associatedUsers: described.numberOfAssociatedUsers ?? profile.associatedUsers,
  };
  if (isTimer(described.agentAvailabilityTimer)) merged.agentAvailabilityTimer = described.agentAvailabilityTimer;
  else delete merged.agentAvailabilityTimer;
  return merged;
}

/** Adds the queue list. Membership then comes from the same answer, so Search lag cannot make the two disagree. */
export function withQueueConfigs(profile: LiveProfile, records: QueueConfigRecord[]): LiveProfile {
  const queueConfigs: LiveQueueConfig[] = [];
  for (const r of records) {
    if (!r.queueId || !isChannel(r.channel)) continue;
    queueConfigs.push({
      queueId: r.queueId,
      queueArn: r.queueArn ?? '',
      queueName: r.queueName ?? '',
      channel: r.channel,
      priority: r.priority ?? 1,
      delay: r.delay ?? 0,
    });
  }
  const associatedQueueIds = [...new Set(queueConfigs.map((q) => q.queueId))];
  return { ...profile, queueConfigs, associatedQueueIds };
}

/**
 * Adds the manual-assignment queue list (ListRoutingProfileManualAssignmentQueues). A pair listed twice (the
 * list changing between pages) is kept once; entries without a queue or with an unknown channel are skipped.
 */
export function withManualQueues(profile: LiveProfile, records: ManualQueueRecord[]): LiveProfile {
  const byPair = new Map<string, LiveManualQueue>();
  for (const r of records) {
    if (!r.queueId || !isChannel(r.channel)) continue;
    byPair.set(`${r.queueId}/${r.channel}`, { queueId: r.queueId, queueArn: r.queueArn ?? '', queueName: r.queueName ?? '', channel: r.channel });
  }
  return { ...profile, manualQueues: [...byPair.values()] };
}

export function queueFrom(record: QueueRecord): LiveQueue | undefined {
  if (!record.queueId) return undefined;
  return { queueId: record.queueId, arn: record.arn ?? '', name: record.name ?? '' };
}

function mediaFrom(records: MediaConcurrencyRecord[] | undefined, described: boolean): LiveMediaConcurrency[] {
  const out: LiveMediaConcurrency[] = [];
  for (const r of records ?? []) {
    if (!isChannel(r.channel)) continue;
    const entry: LiveMediaConcurrency = { channel: r.channel, concurrency: r.concurrency ?? 0 };
    if (described && isBehavior(r.crossChannelBehavior)) entry.crossChannelBehavior = r.crossChannelBehavior;
    const workloadTypes = workloadTypesFrom(r.workloadTypeConcurrencies);
    if (workloadTypes.length > 0) entry.workloadTypeConcurrencies = workloadTypes;
    out.push(entry);
  }
  return out;
}

function workloadTypesFrom(records: WorkloadTypeRecord[] | undefined): LiveWorkloadType[] {
  const out: LiveWorkloadType[] = [];
  for (const r of records ?? []) {
    if (r.workloadType === undefined || r.concurrency === undefined) continue;
    const entry: LiveWorkloadType = { workloadType: r.workloadType, concurrency: r.concurrency };
    if (isWorkloadBehavior(r.crossChannelWorkloadBehavior)) entry.crossChannelWorkloadBehavior = r.crossChannelWorkloadBehavior;
    out.push(entry);
  }
  return out;
}

function tagsFrom(tags: Record<string, string> | undefined): Record<string, string> {
  // Kept as Connect returns them, `aws:` keys included: the planner's normaliseTags owns that rule.
  return { ...(tags ?? {}) };
}
