// A live profile -> the document that manages all of it, or every reason the file format cannot hold it.
// Pure. Lists are sorted (channels in vocabulary order, queues by name then channel, tags by key) so the same
// live state always gives the same bytes, whatever order Connect answered in.
import type { DesiredManualQueue, DesiredQueueConfig, DesiredWorkloadType } from '../desired/types.js';
import type { LiveMediaConcurrency, LiveProfile } from '../live/types.js';
import { compareChannels, compareStrings } from '../plan/order.js';
import { normaliseChannelOrder, normaliseCrossChannelBehavior, normaliseTags } from '../plan/normalise.js';
import type { ExportConcurrency, ExportDocument } from './document.js';
import type { FormatFields } from './format-fields.js';
import type { QueueNames } from './queue-names.js';

export type FromLive = { ok: true; document: ExportDocument } | { ok: false; reasons: string[] };

/**
 * Workload types are written only when every entry states its behaviour: the file format requires one, and
 * Connect may return entries without it. Left out, the channel's live workload types are kept as they are.
 */
function workloadTypes(entry: LiveMediaConcurrency): DesiredWorkloadType[] | undefined {
  const live = entry.workloadTypeConcurrencies ?? [];
  if (live.length === 0) return undefined;
  const written: DesiredWorkloadType[] = [];
  for (const w of live) {
    if (w.crossChannelWorkloadBehavior === undefined) return undefined;
    written.push({ workloadType: w.workloadType, concurrency: w.concurrency, crossChannelWorkloadBehavior: w.crossChannelWorkloadBehavior });
  }
  return written.sort((a, b) => compareStrings(a.workloadType, b.workloadType));
}

function concurrencies(profile: LiveProfile, format: FormatFields): ExportConcurrency[] {
  return normaliseChannelOrder(profile.mediaConcurrencies).map((entry) => {
    // A profile from before cross-channel routing has no behaviour; Connect treats it as the default one.
    const written: ExportConcurrency = {
      channel: entry.channel,
      concurrency: entry.concurrency,
      crossChannelBehavior: normaliseCrossChannelBehavior(entry.crossChannelBehavior),
    };
    const types = format.workloadTypes ? workloadTypes(entry) : undefined;
    if (types !== undefined) written.workloadTypes = types;
    return written;
  });
}

/** Queue lists as written: by queue name, then channel (a pair is a list entry's identity). */
function byQueueThenChannel(a: DesiredManualQueue, b: DesiredManualQueue): number {
  return compareStrings(a.queue, b.queue) || compareChannels(a.channel, b.channel);
}

export function documentFromLive(profile: LiveProfile, names: QueueNames, format: FormatFields): FromLive {
  const reasons: string[] = [];
  if (/^\s|\s$/u.test(profile.name)) reasons.push('its name has spaces at either end, which a profile file cannot state');
  const nameOf = (queueId: string): string => {
    const named = names.nameOf(queueId);
    if (named.ok) return named.name;
    if (!reasons.includes(named.reason)) reasons.push(named.reason);
    return queueId;
  };

  const defaultOutboundQueue = nameOf(profile.defaultOutboundQueueId);
  const queues: DesiredQueueConfig[] = (profile.queueConfigs ?? [])
    .map((c) => ({ queue: nameOf(c.queueId), channel: c.channel, priority: c.priority, delay: c.delay }))
    .sort(byQueueThenChannel);
  if (profile.queueConfigs === undefined) reasons.push('its queues were not read (ListRoutingProfileQueues)');
  if (!profile.described) reasons.push('it was not described (DescribeRoutingProfile)');

  const document: ExportDocument = {
    name: profile.name,
    description: profile.description,
    defaultOutboundQueue,
    mediaConcurrencies: concurrencies(profile, format),
    queues,
    // Never `aws:` keys (AWS's own; TagResource refuses them) nor the ownership tag (apply's to stamp): the
    // tags plan compares are the ones a file states.
    tags: normaliseTags(profile.tags),
  };
  if (profile.agentAvailabilityTimer !== undefined) document.agentAvailabilityTimer = profile.agentAvailabilityTimer;
  if (format.manualAssignmentQueues) {
    if (profile.manualQueues !== undefined) {
      document.manualAssignmentQueues = profile.manualQueues
        .map((q): DesiredManualQueue => ({ queue: nameOf(q.queueId), channel: q.channel }))
        .sort(byQueueThenChannel);
    } else if (profile.manualQueueCount === 0) {
      // Search says there are none: the list call is skipped (design.md) and the file states "none".
      document.manualAssignmentQueues = [];
    } else {
      reasons.push(`its ${profile.manualQueueCount} manual-assignment queue(s) were not read (ListRoutingProfileManualAssignmentQueues)`);
    }
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, document };
}
