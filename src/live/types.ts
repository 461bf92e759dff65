// Live state: what Amazon Connect says, read with the fewest calls (design.md, "Reading live state").
import type { AgentAvailabilityTimer, Channel, CrossChannelBehavior, WorkloadBehavior } from '../vocabulary.js';

export interface LiveQueue {
  queueId: string;
  arn: string;
  name: string;
}

/** One MediaConcurrency.WorkloadTypeConcurrencies entry (September 2026), as Describe and Search return it. */
export interface LiveWorkloadType {
  workloadType: string;
  concurrency: number;
  /** Absent when Connect returns no CrossChannelWorkloadBehavior. */
  crossChannelWorkloadBehavior?: WorkloadBehavior;
}

/** A channel's workload types: sent back untouched when the file does not manage them, never dropped. */
export type WorkloadTypeConcurrencies = LiveWorkloadType[];

export interface LiveMediaConcurrency {
  channel: Channel;
  concurrency: number;
  /** Only DescribeRoutingProfile returns it; undefined when the profile was not described. */
  crossChannelBehavior?: CrossChannelBehavior;
  workloadTypeConcurrencies?: WorkloadTypeConcurrencies;
}

export interface LiveQueueConfig {
  queueId: string;
  queueArn: string;
  queueName: string;
  channel: Channel;
  priority: number;
  delay: number;
}

/** A manual-assignment queue (ListRoutingProfileManualAssignmentQueues): no priority, no delay. */
export interface LiveManualQueue {
  queueId: string;
  queueArn: string;
  queueName: string;
  channel: Channel;
}

export interface LiveProfile {
  routingProfileId: string;
  arn: string;
  name: string;
  description: string;
  defaultOutboundQueueId: string;
  mediaConcurrencies: LiveMediaConcurrency[];
  /** From Search. */
  associatedQueueIds: string[];
  tags: Record<string, string>;
  /** True once DescribeRoutingProfile was read: crossChannelBehavior and agentAvailabilityTimer are then known. */
  described: boolean;
  agentAvailabilityTimer?: AgentAvailabilityTimer;
  /** Only read (ListRoutingProfileQueues) for declared profiles whose file manages `queues`. */
  queueConfigs?: LiveQueueConfig[];
  /** Only read (ListRoutingProfileManualAssignmentQueues) for declared profiles whose file manages them. */
  manualQueues?: LiveManualQueue[];
  /** NumberOfAssociatedManualAssignmentQueues (Search and Describe): 0 lets a reader skip the list call. */
  manualQueueCount: number;
  /** IsDefault: the instance's default profile is never deleted. */
  isDefault: boolean;
  /** NumberOfAssociatedUsers: the agents a change reaches; a profile with users is never deleted. */
  associatedUsers: number;
}

export interface LiveState {
  instanceId: string;
  /** Every standard queue of the instance, for resolving references. */
  queues: LiveQueue[];
  /** Every routing profile of the instance (from Search); declared ones are described. */
  profiles: LiveProfile[];
}
