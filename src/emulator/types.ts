// The emulator's public types: options, seed, request log, and the plain-JSON state snapshot.
import type { AgentAvailabilityTimer, Channel, CrossChannelBehavior, WorkloadBehavior } from '../vocabulary.js';
import type { RateQuota } from '../connect/quotas.js';

export interface FaultOptions {
  /** Share of requests answered ThrottlingException (429) before any work is done. */
  throttleRate?: number;
  /** Share of requests answered InternalServiceException (500) before any work is done. */
  internalErrorRate?: number;
  /** Share of successful mutating requests whose write is committed and whose connection is then dropped. */
  dropAfterCommitRate?: number;
  /** Limits dropAfterCommitRate to these operations (all mutating operations when absent). */
  dropAfterCommitOperations?: string[];
  /** For this long after its creation a new profile is invisible to reads (Connect's eventual consistency). */
  searchLagMs?: number;
  /** Seeds the fault draws and generated IDs, so a run repeats exactly. */
  randomSeed?: number;
  /**
   * Operations the caller's IAM policy does not allow: answered AccessDeniedException (403) before any work,
   * as Connect does for a principal without the `connect:<Operation>` action.
   */
  accessDeniedOperations?: string[];
  /**
   * Operations whose pagination loops: a request that carries a NextToken is answered with that same token
   * again, so a client that follows tokens blindly never ends (a switch, like accessDeniedOperations).
   */
  repeatPageTokenOperations?: string[];
  /**
   * Operations whose requests are read, logged and never answered, the connection left open: a front end that
   * hangs. Nothing is done, so the client's request timeout is all that ends the call (a switch, no draw).
   */
  unansweredOperations?: string[];
}

export type QuotaSetting = 'off' | 'connect-defaults' | Record<string, RateQuota>;

export interface SeedQueue {
  name: string;
  queueId?: string;
  /** STANDARD unless stated; AGENT queues exist to exercise ListQueues' QueueTypes filter. */
  queueType?: 'STANDARD' | 'AGENT';
  description?: string;
  tags?: Record<string, string>;
}

/** A workload type as profile files write it (`mediaConcurrencies[].workloadTypes`). */
export interface SeedWorkloadType {
  workloadType: string;
  concurrency: number;
  crossChannelWorkloadBehavior?: WorkloadBehavior;
}

/** The earlier seed spelling of a workload type, still read: the behaviour nested as on the wire. */
export interface SeedWorkloadTypeConcurrency {
  workloadType: string;
  concurrency: number;
  crossChannelWorkloadBehavior?: { channelWorkloadBehaviorType?: string };
}

/** A routing-profile document as in profiles/ (camelCase, queues by name, ID or ARN), describing live state. */
export interface SeedProfile {
  name: string;
  description: string;
  defaultOutboundQueue: string;
  agentAvailabilityTimer?: AgentAvailabilityTimer;
  mediaConcurrencies: {
    channel: Channel;
    concurrency: number;
    crossChannelBehavior?: CrossChannelBehavior;
    /** Sent as MediaConcurrency.WorkloadTypeConcurrencies on create. */
    workloadTypes?: SeedWorkloadType[];
    /** @deprecated the earlier spelling of `workloadTypes`; give one or the other. */
    workloadTypeConcurrencies?: SeedWorkloadTypeConcurrency[];
  }[];
  queues?: { queue: string; channel: Channel; priority: number; delay: number }[];
  /** Worklist queues (ManualAssignmentQueueConfigs): queue by name, ID or ARN, and a channel. */
  manualAssignmentQueues?: { queue: string; channel: Channel }[];
  /** May include `aws:` keys: live resources carry them even though no API call may set them. */
  tags?: Record<string, string>;
  /** Live-only: a fixed ID, for tests that want stable IDs. */
  routingProfileId?: string;
  /** Live-only: NumberOfAssociatedUsers (agents are assigned outside the routing-profile API). Default 0. */
  associatedUsers?: number;
  /** Live-only: the instance's default routing profile (IsDefault); at most one profile may say so. */
  isDefault?: boolean;
}

export interface EmulatorSeed {
  instanceId?: string;
  region?: string;
  /** The AWS account in every ARN (12 digits); two emulators in two accounts differ here. */
  accountId?: string;
  queues: SeedQueue[];
  profiles: SeedProfile[];
}

export interface EmulatorOptions {
  /** Default 0 (a free port); the host is always 127.0.0.1. */
  port?: number;
  seedDir?: string;
  seed?: EmulatorSeed;
  statePath?: string;
  /** Default 'off'. */
  quotas?: QuotaSetting;
  /** >1 speeds the emulator clock: quota refill and search lag scale by it. Default 1. */
  timeScale?: number;
  /** The instance's routing-profile quota, as if AWS had raised it; default Connect's 500. */
  profileQuota?: number;
  faults?: FaultOptions;
}

export interface RequestLogEntry {
  operation: string;
  input: Record<string, unknown>;
  /** The HTTP status answered; 0 when the connection was dropped after the write was committed. */
  status: number;
  errorType?: string;
  /** Wall-clock milliseconds at arrival. */
  at: number;
}

// ---- state, as stored, snapshotted and persisted (plain JSON) ----

export interface StoredQueue {
  queueId: string;
  arn: string;
  name: string;
  queueType: 'STANDARD' | 'AGENT';
  description?: string;
  status: 'ENABLED' | 'DISABLED';
  hoursOfOperationId: string;
  tags: Record<string, string>;
  /** Creation order; the key that pagination cursors point after. */
  seq: number;
  lastModifiedTime: number; // epoch ms
}

export interface StoredWorkloadType {
  workloadType: string;
  concurrency: number;
  /** Absent when the client sent none (see WORKLOAD_BEHAVIOR_WHEN_ABSENT). */
  crossChannelWorkloadBehavior?: WorkloadBehavior;
}

export interface StoredMediaConcurrency {
  channel: Channel;
  concurrency: number;
  crossChannelBehavior: CrossChannelBehavior;
  /** MediaConcurrency.WorkloadTypeConcurrencies in the order sent; absent when the channel has none. */
  workloadTypeConcurrencies?: StoredWorkloadType[];
}

export interface StoredQueueConfig {
  queueId: string;
  channel: Channel;
  priority: number;
  delay: number;
  seq: number;
}

export interface StoredManualAssignmentQueue {
  queueId: string;
  channel: Channel;
  seq: number;
}

export interface StoredProfile {
  routingProfileId: string;
  arn: string;
  name: string;
  description: string;
  defaultOutboundQueueId: string;
  mediaConcurrencies: StoredMediaConcurrency[];
  queueConfigs: StoredQueueConfig[];
  manualAssignmentQueues: StoredManualAssignmentQueue[];
  agentAvailabilityTimer: AgentAvailabilityTimer;
  tags: Record<string, string>;
  isDefault: boolean;
  /** NumberOfAssociatedUsers: set by seeds and test helpers, as no operation in scope assigns agents. */
  associatedUsers: number;
  seq: number;
  lastModifiedTime: number; // epoch ms
}

export interface EmulatorStateSnapshot {
  formatVersion: 1;
  instanceId: string;
  /** Absent in state files written before it existed: then read from instanceArn. */
  accountId?: string;
  instanceArn: string;
  region: string;
  instanceTags: Record<string, string>;
  queues: StoredQueue[];
  profiles: StoredProfile[];
  /** The next creation sequence number. */
  nextSeq: number;
}
