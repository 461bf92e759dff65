// A schema-valid document -> DesiredProfile: copies exactly the fields the file states (an absent optional
// field stays absent: the ownership rule), into ordinary objects owned by the caller.
import type { ProfileDocument } from './document.js';
import type { DesiredProfile, SourceLocation } from './types.js';

export function toDesiredProfile(
  document: ProfileDocument,
  source: SourceLocation,
  locations: Record<string, SourceLocation>,
): DesiredProfile {
  const profile: DesiredProfile = {
    name: document.name,
    description: document.description,
    defaultOutboundQueue: document.defaultOutboundQueue,
    mediaConcurrencies: document.mediaConcurrencies.map((entry) => ({
      channel: entry.channel,
      concurrency: entry.concurrency,
      ...(entry.crossChannelBehavior === undefined ? {} : { crossChannelBehavior: entry.crossChannelBehavior }),
      ...(entry.workloadTypes === undefined
        ? {}
        : {
            workloadTypes: entry.workloadTypes.map((w) => ({
              workloadType: w.workloadType,
              concurrency: w.concurrency,
              crossChannelWorkloadBehavior: w.crossChannelWorkloadBehavior,
            })),
          }),
    })),
    source,
    locations,
  };
  if (document.agentAvailabilityTimer !== undefined) profile.agentAvailabilityTimer = document.agentAvailabilityTimer;
  if (document.queues !== undefined) {
    profile.queues = document.queues.map((q) => ({
      queue: q.queue,
      channel: q.channel,
      priority: q.priority,
      delay: q.delay,
    }));
  }
  if (document.manualAssignmentQueues !== undefined) {
    profile.manualAssignmentQueues = document.manualAssignmentQueues.map((q) => ({ queue: q.queue, channel: q.channel }));
  }
  if (document.tags !== undefined) {
    // fromEntries defines own properties, so no key can reach a prototype (keys were checked anyway).
    profile.tags = Object.fromEntries(Object.entries(document.tags));
  }
  if (document.renamedFrom !== undefined) {
    profile.renamedFrom = typeof document.renamedFrom === 'string' ? [document.renamedFrom] : [...document.renamedFrom];
  }
  if (document.environments !== undefined) profile.environments = [...document.environments];
  return profile;
}
