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
  /** Tags per resource. */
  tagsPerResource: 50,
  /** Routing profiles per instance (default quota). */
  profilesPerInstance: 500,
  searchPageSize: 500,
  listRoutingProfileQueuesPageSize: 100,
  listQueuesPageSize: 1000,
} as const;

/** Tag keys with this prefix are reserved by AWS: never managed, never sent. */
export const RESERVED_TAG_PREFIX = 'aws:';
