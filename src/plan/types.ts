// The plan: a pure value. Each call is exactly one Connect request that apply will send, with its input in
// Connect's own (PascalCase) shape, so that `--format json` shows precisely what goes on the wire.
// This module imports no SDK code: the plan is data.
import type { AgentAvailabilityTimer, Channel, CrossChannelBehavior, WorkloadBehavior } from '../vocabulary.js';

/**
 * A new profile's ID is known only once CreateRoutingProfile answers. Calls that follow a create in the same
 * change carry this placeholder; apply substitutes the ID it got back (Terraform's "known after apply").
 */
export const CREATED_PROFILE_ID = '(known after create)';
/** Same for the ARN, used by tag calls on a created profile. */
export const CREATED_PROFILE_ARN = '(known after create)';

export interface MediaConcurrencyInput {
  Channel: Channel;
  Concurrency: number;
  CrossChannelBehavior?: { BehaviorType: CrossChannelBehavior };
  /** From the file when it states `workloadTypes`, else carried over from live untouched (never dropped). */
  WorkloadTypeConcurrencies?: WorkloadTypeConcurrencyInput[];
}

export interface WorkloadTypeConcurrencyInput {
  WorkloadType: string;
  Concurrency: number;
  CrossChannelWorkloadBehavior?: { ChannelWorkloadBehaviorType: WorkloadBehavior };
}

export interface QueueReferenceInput {
  QueueId: string;
  Channel: Channel;
}

export interface QueueConfigInput {
  QueueReference: QueueReferenceInput;
  Priority: number;
  Delay: number;
}

/** A manual-assignment queue config: only a reference (no priority, no delay). */
export interface ManualQueueConfigInput {
  QueueReference: QueueReferenceInput;
}

export type Call =
  | {
      operation: 'CreateRoutingProfile';
      input: {
        InstanceId: string;
        Name: string;
        Description: string;
        DefaultOutboundQueueId: string;
        MediaConcurrencies: MediaConcurrencyInput[];
        QueueConfigs?: QueueConfigInput[];
        /** The first 10 manual-assignment pairs; the rest go through AssociateRoutingProfileQueues. */
        ManualAssignmentQueueConfigs?: ManualQueueConfigInput[];
        Tags?: Record<string, string>;
        AgentAvailabilityTimer?: AgentAvailabilityTimer;
      };
    }
  | {
      operation: 'UpdateRoutingProfileConcurrency';
      input: { InstanceId: string; RoutingProfileId: string; MediaConcurrencies: MediaConcurrencyInput[] };
    }
  | {
      operation: 'UpdateRoutingProfileName';
      input: { InstanceId: string; RoutingProfileId: string; Name: string; Description: string };
    }
  | {
      operation: 'UpdateRoutingProfileDefaultOutboundQueue';
      input: { InstanceId: string; RoutingProfileId: string; DefaultOutboundQueueId: string };
    }
  | {
      operation: 'UpdateRoutingProfileAgentAvailabilityTimer';
      input: { InstanceId: string; RoutingProfileId: string; AgentAvailabilityTimer: AgentAvailabilityTimer };
    }
  | {
      // Either list may be sent alone (connect-api README); call i carries standard pairs [10i, 10i+9] and
      // manual pairs [10i, 10i+9] (design.md, "Manual-assignment batching").
      operation: 'DisassociateRoutingProfileQueues';
      input: {
        InstanceId: string;
        RoutingProfileId: string;
        QueueReferences?: QueueReferenceInput[];
        ManualAssignmentQueueReferences?: QueueReferenceInput[];
      };
    }
  | {
      operation: 'AssociateRoutingProfileQueues';
      input: {
        InstanceId: string;
        RoutingProfileId: string;
        QueueConfigs?: QueueConfigInput[];
        ManualAssignmentQueueConfigs?: ManualQueueConfigInput[];
      };
    }
  | {
      operation: 'UpdateRoutingProfileQueues';
      input: { InstanceId: string; RoutingProfileId: string; QueueConfigs: QueueConfigInput[] };
    }
  | { operation: 'TagResource'; input: { resourceArn: string; tags: Record<string, string> } }
  | { operation: 'UntagResource'; input: { resourceArn: string; tagKeys: string[] } }
  | { operation: 'DeleteRoutingProfile'; input: { InstanceId: string; RoutingProfileId: string } };

export type Operation = Call['operation'];

/** Every mutating operation apply may send, in the order calls appear within one change. */
export const CALL_ORDER = [
  'CreateRoutingProfile',
  'UpdateRoutingProfileName',
  'UpdateRoutingProfileDefaultOutboundQueue',
  'UpdateRoutingProfileAgentAvailabilityTimer',
  'UpdateRoutingProfileConcurrency',
  'DisassociateRoutingProfileQueues',
  'AssociateRoutingProfileQueues',
  'UpdateRoutingProfileQueues',
  'UntagResource',
  'TagResource',
  'DeleteRoutingProfile',
] as const satisfies readonly Operation[];

// Compile-time proof that CALL_ORDER lists every operation of the Call union.
type UnorderedOperation = Exclude<Operation, (typeof CALL_ORDER)[number]>;
const everyOperationOrdered: UnorderedOperation extends never ? true : never = true;
void everyOperationOrdered;

/**
 * One segment of a diff's structured path. A queue segment carries the queue ID (two queues may share a name)
 * with the name and channel for display.
 */
export type DiffPathSegment = string | QueueSegment;

export interface QueueSegment {
  queueId: string;
  /** The live queue name, for display. */
  queue: string;
  channel: Channel;
}

/**
 * One field that differs between live and desired. `before` is undefined for a create, `after` for a removal
 * (and for every field of a delete).
 *
 * Paths, by section:
 * - ['name'], ['description'], ['defaultOutboundQueue'], ['agentAvailabilityTimer']
 * - ['mediaConcurrencies', CHANNEL, 'concurrency' | 'crossChannelBehavior']
 * - ['mediaConcurrencies', CHANNEL, 'workloadTypes', WORKLOAD_TYPE, 'concurrency' | 'crossChannelWorkloadBehavior']
 * - ['queues', QueueSegment, 'priority' | 'delay']
 * - ['manualAssignmentQueues', QueueSegment]   (before/after: true when the pair is associated)
 * - ['tags', KEY]
 */
export interface Diff {
  /** The path as one string users recognise from their file ("queues.BasicQueue/VOICE.priority"). */
  field: string;
  path: DiffPathSegment[];
  before: unknown;
  after: unknown;
}

export type ChangeAction = 'create' | 'update' | 'no-op' | 'delete';

/** Why a change cannot be carried out: plan and drift exit 1; apply does everything else, then exits 1. */
export type ChangeBlock =
  /** A prune candidate that agents still use (NumberOfAssociatedUsers). */
  | { associatedUsers: number }
  /** A declared profile whose ownership tag names another owner. */
  | { otherOwner: string };

export interface Change {
  action: ChangeAction;
  name: string;
  /** Absent for a create. */
  routingProfileId?: string;
  routingProfileArn?: string;
  /** The live name a `renamedFrom` matched (the change renames it to `name`). */
  renamedFrom?: string;
  /** Agents this change reaches: the live profile's NumberOfAssociatedUsers (0 for a create). */
  agents: number;
  diffs: Diff[];
  calls: Call[];
  /** Set when the change cannot be carried out; its `calls` are then empty. */
  blocked?: ChangeBlock;
}

export interface PlanSummary {
  create: number;
  update: number;
  delete: number;
  noOp: number;
  calls: number;
  /** Agents reached by every create, update and delete (sum of Change.agents). */
  agents: number;
}

/** A live profile no file declares: left alone, and listed so that a deleted file or a rename is visible. */
export interface UnmanagedProfile {
  name: string;
  routingProfileId: string;
  /** Carries our ownership tag (with our owner value): prune would delete it. */
  owned: boolean;
}

/** A problem that blocks the plan as a whole or one change (exit 1), in words that name the numbers. */
export interface PlanProblem {
  kind: 'profile-in-use' | 'other-owner' | 'profile-quota';
  /** The profile concerned, when there is one. */
  name?: string;
  message: string;
}

/** Set when the plan covers only what a git change touches (plan --changed-since). */
export interface PlanScope {
  changedSince: string;
  /** Profiles in scope (touched documents, plus old names of removed or renamed ones). */
  profiles: number;
  /** Profiles the files declare in all. */
  declared: number;
}

export interface Plan {
  formatVersion: 1;
  instanceId: string;
  /** The environment the plan is for (connect-gitops.yaml `environments:`). */
  environment?: string;
  /** Whether prune was on: owned undeclared profiles are then deleted. */
  prune: boolean;
  scope?: PlanScope;
  changes: Change[];
  /** Live profiles no file declares (sorted by name), whatever prune does with them. */
  unmanaged: UnmanagedProfile[];
  /** Look-alike names and similar non-blocking observations. */
  warnings: string[];
  /** Blocking problems: plan and drift exit 1; apply does everything else, then exits 1. */
  problems: PlanProblem[];
  summary: PlanSummary;
  /** sha256 of the normalised live state the plan was computed from; `apply --plan` refuses a mismatch. */
  liveFingerprint: string;
}
