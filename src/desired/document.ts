// The shape of one profile document once it has passed the JSON Schema: what the schema guarantees.
import type { AgentAvailabilityTimer, Channel, CrossChannelBehavior, WorkloadBehavior } from '../vocabulary.js';
import type { SourceLocation } from './types.js';

export interface ProfileDocument {
  name: string;
  description: string;
  defaultOutboundQueue: string;
  agentAvailabilityTimer?: AgentAvailabilityTimer;
  mediaConcurrencies: {
    channel: Channel;
    concurrency: number;
    crossChannelBehavior?: CrossChannelBehavior;
    workloadTypes?: { workloadType: string; concurrency: number; crossChannelWorkloadBehavior: WorkloadBehavior }[];
  }[];
  queues?: { queue: string; channel: Channel; priority: number; delay: number }[];
  manualAssignmentQueues?: { queue: string; channel: Channel }[];
  tags?: Record<string, string>;
  /** One former name or several, as written. */
  renamedFrom?: string | string[];
  environments?: string[];
}

/** Where things are in one document: values and keys by JSON pointer, falling back to the nearest ancestor. */
export interface DocumentLocator {
  value(pointer: string): SourceLocation;
  key(pointer: string): SourceLocation;
}
