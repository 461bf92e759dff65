// Desired state: what the YAML files under profiles/ say, after validation, before any API call.
import type { AgentAvailabilityTimer, Channel, CrossChannelBehavior, WorkloadBehavior } from '../vocabulary.js';

export interface SourceLocation {
  file: string; // path as the user gave it (relative to the working directory when possible)
  line: number; // 1-based
  column: number; // 1-based
}

export interface DesiredMediaConcurrency {
  channel: Channel;
  concurrency: number;
  /** Left out in the file means ROUTE_CURRENT_CHANNEL_ONLY: an entry is always sent whole (design.md). */
  crossChannelBehavior?: CrossChannelBehavior;
  /**
   * Left out: the live WorkloadTypeConcurrencies of this channel are kept as they are (not managed).
   * `[]`: none. Otherwise the whole list, sent whole (it maps to MediaConcurrency.WorkloadTypeConcurrencies).
   */
  workloadTypes?: DesiredWorkloadType[];
}

export interface DesiredWorkloadType {
  workloadType: string;
  concurrency: number;
  /** CrossChannelWorkloadBehavior.ChannelWorkloadBehaviorType. */
  crossChannelWorkloadBehavior: WorkloadBehavior;
}

/** A manual-assignment (Worklist app) queue: no priority, no delay. */
export interface DesiredManualQueue {
  /** A queue name, queue ID or queue ARN, as written. */
  queue: string;
  channel: Channel;
}

export interface DesiredQueueConfig {
  /** A queue name, queue ID or queue ARN, as written; resolved against live queues before planning. */
  queue: string;
  channel: Channel;
  priority: number;
  delay: number;
}

/**
 * One routing profile document. Optional fields that are undefined are NOT managed (the ownership rule):
 * they are left as they are live and never diffed. `queues: []` and `tags: {}` mean "none".
 */
export interface DesiredProfile {
  name: string;
  description: string;
  /** Queue name, ID or ARN, as written. */
  defaultOutboundQueue: string;
  agentAvailabilityTimer?: AgentAvailabilityTimer;
  mediaConcurrencies: DesiredMediaConcurrency[];
  queues?: DesiredQueueConfig[];
  /** Manual-assignment queues; left out = unmanaged, `[]` = none. */
  manualAssignmentQueues?: DesiredManualQueue[];
  tags?: Record<string, string>;
  /** Former names (`renamedFrom: Old` or a list), normalised to a list: a live profile of an old name is renamed. */
  renamedFrom?: string[];
  /** `environments: [dev, test]`: the profile exists only there. Absent: every environment. */
  environments?: string[];
  /** Where the document starts. */
  source: SourceLocation;
  /**
   * Where each value sits, keyed by JSON pointer into the document ("/defaultOutboundQueue",
   * "/queues/3/queue", ...), so that later checks (queue resolution) can point at a line.
   */
  locations: Readonly<Record<string, SourceLocation>>;
}

export interface DesiredState {
  profiles: DesiredProfile[];
  /** Files that were skipped (empty or comment-only), for a warning. */
  skippedFiles: string[];
}

/** A desired profile whose queue references have been resolved to live queue IDs. */
export interface ResolvedQueueConfig {
  queueId: string;
  /** For display: the live queue name. */
  queueName: string;
  channel: Channel;
  priority: number;
  delay: number;
}

export interface ResolvedManualQueue {
  queueId: string;
  /** For display: the live queue name. */
  queueName: string;
  channel: Channel;
}

export interface ResolvedProfile extends Omit<DesiredProfile, 'defaultOutboundQueue' | 'queues' | 'manualAssignmentQueues'> {
  defaultOutboundQueueId: string;
  defaultOutboundQueueName: string;
  queues?: ResolvedQueueConfig[];
  manualAssignmentQueues?: ResolvedManualQueue[];
}
