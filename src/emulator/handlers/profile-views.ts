// What DescribeRoutingProfile and SearchRoutingProfiles return for one profile. The two differ on purpose,
// as documented (connect-api README, "What each read returns").
import type { StoredMediaConcurrency, StoredProfile } from '../types.js';
import { epochSeconds, type HandlerContext } from './context.js';

/** UNVERIFIED: whether NumberOfAssociatedQueues counts queues or queue-channel pairs; we count queues. */
export const distinctQueueIds = (refs: readonly { queueId: string }[]): string[] => [
  ...new Set(refs.map((r) => r.queueId)),
];

/**
 * UNVERIFIED: whether Search returns AssociatedManualAssignmentQueueIds. The connect-api README documents them
 * on Describe only (Search carries the count); we leave them out of Search so that no client comes to rely on
 * something Connect may not send there.
 */
export const SEARCH_RETURNS_MANUAL_QUEUE_IDS = false;

/** The members both reads return alike. */
function sharedView(ctx: HandlerContext, p: StoredProfile): Record<string, unknown> {
  return {
    InstanceId: ctx.store.instanceId,
    Name: p.name,
    RoutingProfileArn: p.arn,
    RoutingProfileId: p.routingProfileId,
    Description: p.description,
    DefaultOutboundQueueId: p.defaultOutboundQueueId,
    Tags: p.tags,
    NumberOfAssociatedQueues: distinctQueueIds(p.queueConfigs).length,
    NumberOfAssociatedManualAssignmentQueues: distinctQueueIds(p.manualAssignmentQueues).length,
    NumberOfAssociatedUsers: p.associatedUsers,
    IsDefault: p.isDefault,
  };
}

/** Both reads return workload types whole (connect-api README: "returned by Describe and Search"). */
function workloadTypesView(m: StoredMediaConcurrency): Record<string, unknown> {
  if (m.workloadTypeConcurrencies === undefined) return {};
  return {
    WorkloadTypeConcurrencies: m.workloadTypeConcurrencies.map((w) => ({
      WorkloadType: w.workloadType,
      Concurrency: w.concurrency,
      ...(w.crossChannelWorkloadBehavior !== undefined
        ? { CrossChannelWorkloadBehavior: { ChannelWorkloadBehaviorType: w.crossChannelWorkloadBehavior } }
        : {}),
    })),
  };
}

/**
 * Describe's view: the full MediaConcurrencies, the timer, LastModified* and the manual-assignment queue IDs
 * (IDs only, no channel), but no AssociatedQueueIds.
 */
export function describeView(ctx: HandlerContext, p: StoredProfile): Record<string, unknown> {
  return {
    ...sharedView(ctx, p),
    MediaConcurrencies: p.mediaConcurrencies.map((m) => ({
      Channel: m.channel,
      Concurrency: m.concurrency,
      CrossChannelBehavior: { BehaviorType: m.crossChannelBehavior },
      ...workloadTypesView(m),
    })),
    AgentAvailabilityTimer: p.agentAvailabilityTimer,
    LastModifiedTime: epochSeconds(p.lastModifiedTime),
    LastModifiedRegion: ctx.store.region,
    AssociatedManualAssignmentQueueIds: distinctQueueIds(p.manualAssignmentQueues),
  };
}

/** Search's view: MediaConcurrencies without CrossChannelBehavior (documented as absent), AssociatedQueueIds. */
export function searchView(ctx: HandlerContext, p: StoredProfile): Record<string, unknown> {
  return {
    ...sharedView(ctx, p),
    MediaConcurrencies: p.mediaConcurrencies.map((m) => ({
      Channel: m.channel,
      Concurrency: m.concurrency,
      ...workloadTypesView(m),
    })),
    AssociatedQueueIds: distinctQueueIds(p.queueConfigs),
    ...(SEARCH_RETURNS_MANUAL_QUEUE_IDS
      ? { AssociatedManualAssignmentQueueIds: distinctQueueIds(p.manualAssignmentQueues) }
      : {}),
  };
}
