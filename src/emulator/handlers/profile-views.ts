// What DescribeRoutingProfile and SearchRoutingProfiles return for one profile. The two differ on purpose,
// as documented (connect-api README, "What each read returns").
import type { StoredProfile } from '../types.js';
import { epochSeconds, type HandlerContext } from './context.js';

/** UNVERIFIED: whether NumberOfAssociatedQueues counts queues or queue-channel pairs; we count queues. */
export const distinctQueueIds = (refs: readonly { queueId: string }[]): string[] => [
  ...new Set(refs.map((r) => r.queueId)),
];

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
    NumberOfAssociatedUsers: 0,
    IsDefault: p.isDefault,
  };
}

/** Describe's view: the full MediaConcurrencies, the timer and LastModified*, but no AssociatedQueueIds. */
export function describeView(ctx: HandlerContext, p: StoredProfile): Record<string, unknown> {
  return {
    ...sharedView(ctx, p),
    MediaConcurrencies: p.mediaConcurrencies.map((m) => ({
      Channel: m.channel,
      Concurrency: m.concurrency,
      CrossChannelBehavior: { BehaviorType: m.crossChannelBehavior },
      ...(m.workloadTypeConcurrencies ? { WorkloadTypeConcurrencies: m.workloadTypeConcurrencies } : {}),
    })),
    AgentAvailabilityTimer: p.agentAvailabilityTimer,
    LastModifiedTime: epochSeconds(p.lastModifiedTime),
    LastModifiedRegion: ctx.store.region,
  };
}

/**
 * Search's view. MediaConcurrencies carry Channel and Concurrency only: CrossChannelBehavior is documented
 * as absent, and (UNVERIFIED) we leave out WorkloadTypeConcurrencies too, so a tool must Describe to see them.
 */
export function searchView(ctx: HandlerContext, p: StoredProfile): Record<string, unknown> {
  return {
    ...sharedView(ctx, p),
    MediaConcurrencies: p.mediaConcurrencies.map((m) => ({ Channel: m.channel, Concurrency: m.concurrency })),
    AssociatedQueueIds: distinctQueueIds(p.queueConfigs),
    AssociatedManualAssignmentQueueIds: distinctQueueIds(p.manualAssignmentQueues),
  };
}
