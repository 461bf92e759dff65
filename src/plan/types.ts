// The plan: a pure value. Each call is exactly one Connect request that apply will send, with its input in
// Connect's own (PascalCase) shape, so that `--format json` shows precisely what goes on the wire.
// This module imports no SDK code: the plan is data.
import type { AgentAvailabilityTimer, Channel, CrossChannelBehavior } from '../vocabulary.js';

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
  /** Carried over from live untouched (see live/types.ts). */
  WorkloadTypeConcurrencies?: unknown[];
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
      operation: 'DisassociateRoutingProfileQueues';
      input: { InstanceId: string; RoutingProfileId: string; QueueReferences: QueueReferenceInput[] };
    }
  | {
      operation: 'AssociateRoutingProfileQueues';
      input: { InstanceId: string; RoutingProfileId: string; QueueConfigs: QueueConfigInput[] };
    }
  | {
      operation: 'UpdateRoutingProfileQueues';
      input: { InstanceId: string; RoutingProfileId: string; QueueConfigs: QueueConfigInput[] };
    }
  | { operation: 'TagResource'; input: { resourceArn: string; tags: Record<string, string> } }
  | { operation: 'UntagResource'; input: { resourceArn: string; tagKeys: string[] } };

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
] as const satisfies readonly Operation[];

// Compile-time proof that CALL_ORDER lists every operation of the Call union.
type UnorderedOperation = Exclude<Operation, (typeof CALL_ORDER)[number]>;
const everyOperationOrdered: UnorderedOperation extends never ? true : never = true;
void everyOperationOrdered;

/** One field that differs between live and desired. `before` is undefined for a create. */
export interface Diff {
  /** A dotted path users recognise from their file: "description", "mediaConcurrencies.CHAT.concurrency",
   *  "queues.BasicQueue/VOICE.priority", "tags.team". */
  field: string;
  before: unknown;
  after: unknown;
}

export type ChangeAction = 'create' | 'update' | 'no-op';

export interface Change {
  action: ChangeAction;
  name: string;
  /** Absent for a create. */
  routingProfileId?: string;
  routingProfileArn?: string;
  diffs: Diff[];
  calls: Call[];
}

export interface PlanSummary {
  create: number;
  update: number;
  noOp: number;
  calls: number;
}

export interface Plan {
  formatVersion: 1;
  instanceId: string;
  changes: Change[];
  summary: PlanSummary;
  /** sha256 of the normalised live state the plan was computed from; `apply --plan` refuses a mismatch. */
  liveFingerprint: string;
}
