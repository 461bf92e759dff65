// Live state: what Amazon Connect says, read with the fewest calls (design.md, "Reading live state").
import type { AgentAvailabilityTimer, Channel, CrossChannelBehavior } from '../vocabulary.js';

export interface LiveQueue {
  queueId: string;
  arn: string;
  name: string;
}

/** Newer SDKs carry these on TASK/EMAIL entries; kept opaque and sent back untouched, never dropped. */
export type WorkloadTypeConcurrencies = unknown[];

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
}

export interface LiveState {
  instanceId: string;
  /** Every standard queue of the instance, for resolving references. */
  queues: LiveQueue[];
  /** Every routing profile of the instance (from Search); declared ones are described. */
  profiles: LiveProfile[];
}
