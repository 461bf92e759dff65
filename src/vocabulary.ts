// The Amazon Connect enums the whole tool speaks. Values are Connect's own (see model/ and
// ../shared/connect-api/connect-routing-profiles.model.json); a test checks they agree with the model.

export const CHANNELS = ['VOICE', 'CHAT', 'TASK', 'EMAIL'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CROSS_CHANNEL_BEHAVIORS = ['ROUTE_CURRENT_CHANNEL_ONLY', 'ROUTE_ANY_CHANNEL'] as const;
export type CrossChannelBehavior = (typeof CROSS_CHANNEL_BEHAVIORS)[number];

/**
 * What Connect stores when a MediaConcurrency is sent without CrossChannelBehavior.
 * UNVERIFIED by any public source (connect-api README): Terraform marks the field computed and exported
 * stock profiles show this value, so we treat an absent behaviour as this one on both sides of a diff.
 */
export const DEFAULT_CROSS_CHANNEL_BEHAVIOR: CrossChannelBehavior = 'ROUTE_CURRENT_CHANNEL_ONLY';

/** CrossChannelWorkloadBehavior.ChannelWorkloadBehaviorType of a workload type (September 2026). */
export const WORKLOAD_BEHAVIORS = [
  'ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY',
  'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY',
  'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE',
] as const;
export type WorkloadBehavior = (typeof WORKLOAD_BEHAVIORS)[number];

export const AGENT_AVAILABILITY_TIMERS = ['TIME_SINCE_LAST_ACTIVITY', 'TIME_SINCE_LAST_INBOUND'] as const;
export type AgentAvailabilityTimer = (typeof AGENT_AVAILABILITY_TIMERS)[number];

/** Connect's per-channel concurrency ranges (admin guide): VOICE is always 1. */
export const CONCURRENCY_RANGE: Readonly<Record<Channel, { min: number; max: number }>> = {
  VOICE: { min: 1, max: 1 },
  CHAT: { min: 1, max: 10 },
  TASK: { min: 1, max: 10 },
  EMAIL: { min: 1, max: 10 },
};

/** Connect limits that are quotas or documented rules rather than model constraints. */
export const LIMITS = {
  /** Queue-channel pairs per routing profile (admin guide quota). */
  queueChannelPairsPerProfile: 50,
  /** QueueConfigs per Create/Associate/Disassociate/UpdateQueues call (more is InvalidParameterException). */
  queueConfigsPerCall: 10,
  /** ManualAssignmentQueueConfigs / ManualAssignmentQueueReferences per call (connect-api README: 1..10). */
  manualQueueConfigsPerCall: 10,
  /** WorkloadTypeConcurrencies entries per channel (AWS docs; model list 1..5). */
  workloadTypesPerChannel: 5,
  /** Tags per resource. */
  tagsPerResource: 50,
  /** Routing profiles per instance (default quota). */
  profilesPerInstance: 500,
  searchPageSize: 500,
  listRoutingProfileQueuesPageSize: 100,
  listQueuesPageSize: 1000,
  listManualAssignmentQueuesPageSize: 100,
} as const;

/** Tag keys with this prefix are reserved by AWS: never managed, never sent. */
export const RESERVED_TAG_PREFIX = 'aws:';

/**
 * The reserved ownership tag (design.md, "Retire"): apply stamps it on every profile it manages when prune is
 * on; only a profile carrying it with our owner value may ever be deleted. Never drift, never removed by `tags:`.
 */
export const OWNERSHIP_TAG_KEY = 'connect-gitops:managed-by';
export const DEFAULT_OWNER = 'connect-gitops';
