// The profile document export writes: every field of the file format, in the order of the README's example.
import type { DesiredManualQueue, DesiredProfile, DesiredQueueConfig, DesiredWorkloadType } from '../desired/types.js';
import type { AgentAvailabilityTimer, Channel, CrossChannelBehavior } from '../vocabulary.js';

export interface ExportConcurrency {
  channel: Channel;
  concurrency: number;
  /** Always written: an exported file states every entry's behaviour rather than relying on the default. */
  crossChannelBehavior: CrossChannelBehavior;
  workloadTypes?: DesiredWorkloadType[];
}

/**
 * A profile file's content, field for field the desired profile it loads back as (DesiredProfile without
 * where it came from), so "it reads back as written" is one deep comparison.
 */
export interface ExportDocument {
  name: string;
  /** Written by an export from one of several environments: the new profile exists there only. */
  environments?: string[];
  description: string;
  defaultOutboundQueue: string;
  agentAvailabilityTimer?: AgentAvailabilityTimer;
  mediaConcurrencies: ExportConcurrency[];
  queues: DesiredQueueConfig[];
  manualAssignmentQueues?: DesiredManualQueue[];
  tags: Record<string, string>;
}

/** The fields of a loaded profile that a document states, for comparing what was written with what loads. */
export function statedFields(profile: DesiredProfile): Partial<ExportDocument> {
  const { source: _source, locations: _locations, renamedFrom: _renamed, ...stated } = profile;
  return stated as Partial<ExportDocument>;
}
