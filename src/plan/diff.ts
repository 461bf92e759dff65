// Field-level differences between a normalised desired profile and its normalised live counterpart, for people
// (the renderers); the calls are derived separately (calls.ts). Only managed fields are compared: an optional
// field the file leaves out is undefined on the desired side and skipped here.
import equal from 'fast-deep-equal';
import { type Channel, OWNERSHIP_TAG_KEY } from '../vocabulary.js';
import type { Diff, DiffPathSegment, QueueSegment } from './types.js';
import type { NormalisedConcurrency, NormalisedManualQueue, NormalisedProfile, NormalisedWorkloadType } from './normalise.js';
import { compareChannels, compareStrings } from './order.js';

/** Turns a queue ID into the name users wrote (falls back to the ID for a queue outside the inventory). */
export type QueueNamer = (queueId: string) => string;

function byChannel(entries: readonly NormalisedConcurrency[]): Map<Channel, NormalisedConcurrency> {
  return new Map(entries.map((e) => [e.channel, e]));
}

export function queueKey(config: { queueId: string; channel: Channel }): string {
  // A NUL cannot occur in a queue ID, so the pair is unambiguous.
  return `${config.queueId}\u0000${config.channel}`;
}

function byQueueKey<T extends { queueId: string; channel: Channel }>(configs: readonly T[]): Map<string, T> {
  return new Map(configs.map((c) => [queueKey(c), c]));
}

/**
 * Every pair of either side once, shown by queue name then channel (what users read), the ID breaking ties
 * between same-named queues.
 */
function pairsInReadingOrder<T extends { queueId: string; channel: Channel }>(live: readonly T[], desired: readonly T[], nameOf: QueueNamer): QueueSegment[] {
  return [...new Map([...live, ...desired].map((c) => [queueKey(c), c])).values()]
    .sort(
      (a, b) =>
        compareStrings(nameOf(a.queueId), nameOf(b.queueId)) ||
        compareChannels(a.channel, b.channel) ||
        compareStrings(a.queueId, b.queueId),
    )
    .map((c) => ({ queueId: c.queueId, queue: nameOf(c.queueId), channel: c.channel }));
}

/** The one-string form of a path, as users read it in their file ("queues.BasicQueue/VOICE.priority"). */
export function fieldOf(path: readonly DiffPathSegment[]): string {
  return path.map((s) => (typeof s === 'string' ? s : `${s.queue}/${s.channel}`)).join('.');
}

function diffIfChanged(diffs: Diff[], path: DiffPathSegment[], before: unknown, after: unknown): void {
  if (!equal(before, after)) diffs.push({ field: fieldOf(path), path, before, after });
}

function diffConcurrencies(
  diffs: Diff[],
  desired: readonly NormalisedConcurrency[],
  live: readonly NormalisedConcurrency[],
): void {
  const d = byChannel(desired);
  const l = byChannel(live);
  const channels = [...new Set([...d.keys(), ...l.keys()])].sort(compareChannels);
  for (const channel of channels) {
    diffIfChanged(diffs, ['mediaConcurrencies', channel, 'concurrency'], l.get(channel)?.concurrency, d.get(channel)?.concurrency);
    diffIfChanged(
      diffs,
      ['mediaConcurrencies', channel, 'crossChannelBehavior'],
      l.get(channel)?.crossChannelBehavior,
      d.get(channel)?.crossChannelBehavior,
    );
    const managed = d.get(channel)?.workloadTypes;
    if (managed !== undefined) diffWorkloadTypes(diffs, channel, managed, l.get(channel)?.workloadTypes ?? []);
  }
}

/** Only for a channel whose file states `workloadTypes`; the workload type is an entry's identity. */
function diffWorkloadTypes(
  diffs: Diff[],
  channel: Channel,
  desired: readonly NormalisedWorkloadType[],
  live: readonly NormalisedWorkloadType[],
): void {
  const d = new Map(desired.map((w) => [w.workloadType, w]));
  const l = new Map(live.map((w) => [w.workloadType, w]));
  for (const type of [...new Set([...l.keys(), ...d.keys()])].sort(compareStrings)) {
    const at = ['mediaConcurrencies', channel, 'workloadTypes', type];
    diffIfChanged(diffs, [...at, 'concurrency'], l.get(type)?.concurrency, d.get(type)?.concurrency);
    diffIfChanged(diffs, [...at, 'crossChannelWorkloadBehavior'], l.get(type)?.crossChannelWorkloadBehavior, d.get(type)?.crossChannelWorkloadBehavior);
  }
}

function diffQueues(
  diffs: Diff[],
  desired: readonly { queueId: string; channel: Channel; priority: number; delay: number }[],
  live: readonly { queueId: string; channel: Channel; priority: number; delay: number }[],
  nameOf: QueueNamer,
): void {
  const d = byQueueKey(desired);
  const l = byQueueKey(live);
  for (const queue of pairsInReadingOrder(live, desired, nameOf)) {
    const key = queueKey(queue);
    diffIfChanged(diffs, ['queues', queue, 'priority'], l.get(key)?.priority, d.get(key)?.priority);
    diffIfChanged(diffs, ['queues', queue, 'delay'], l.get(key)?.delay, d.get(key)?.delay);
  }
}

/** A manual-assignment pair has no values: `true` says it is associated on that side. */
function diffManualQueues(diffs: Diff[], desired: readonly NormalisedManualQueue[], live: readonly NormalisedManualQueue[], nameOf: QueueNamer): void {
  const d = new Set(desired.map(queueKey));
  const l = new Set(live.map(queueKey));
  for (const queue of pairsInReadingOrder(live, desired, nameOf)) {
    const key = queueKey(queue);
    diffIfChanged(diffs, ['manualAssignmentQueues', queue], l.has(key) ? true : undefined, d.has(key) ? true : undefined);
  }
}

function diffTags(diffs: Diff[], desired: Record<string, string>, live: Record<string, string>): void {
  const keys = [...new Set([...Object.keys(live), ...Object.keys(desired)])].sort(compareStrings);
  for (const key of keys) diffIfChanged(diffs, ['tags', key], live[key], desired[key]);
}

/**
 * Diffs in the order a reader scans a profile file. With `live` undefined (a create) every stated field is
 * listed with `before: undefined`.
 */
export function diffProfile(desired: NormalisedProfile, live: NormalisedProfile | undefined, nameOf: QueueNamer): Diff[] {
  const diffs: Diff[] = [];
  diffIfChanged(diffs, ['name'], live?.name, desired.name);
  diffIfChanged(diffs, ['description'], live?.description, desired.description);
  diffIfChanged(
    diffs,
    ['defaultOutboundQueue'],
    live === undefined ? undefined : nameOf(live.defaultOutboundQueueId),
    nameOf(desired.defaultOutboundQueueId),
  );
  // The comparison above is by name for display; two distinct queues can share a name, so compare IDs too.
  if (
    live !== undefined &&
    live.defaultOutboundQueueId !== desired.defaultOutboundQueueId &&
    nameOf(live.defaultOutboundQueueId) === nameOf(desired.defaultOutboundQueueId)
  ) {
    diffs.push({ field: 'defaultOutboundQueue', path: ['defaultOutboundQueue'], before: live.defaultOutboundQueueId, after: desired.defaultOutboundQueueId });
  }
  if (desired.agentAvailabilityTimer !== undefined) {
    diffIfChanged(diffs, ['agentAvailabilityTimer'], live?.agentAvailabilityTimer, desired.agentAvailabilityTimer);
  }
  diffConcurrencies(diffs, desired.mediaConcurrencies, live?.mediaConcurrencies ?? []);
  if (desired.queues !== undefined) diffQueues(diffs, desired.queues, live?.queues ?? [], nameOf);
  if (desired.manualQueues !== undefined) diffManualQueues(diffs, desired.manualQueues, live?.manualQueues ?? [], nameOf);
  if (desired.tags !== undefined) diffTags(diffs, desired.tags, live?.tags ?? {});
  // Prune's stamp, shown where a reader looks for tags; `owner` is set on the desired side only when prune is on.
  if (desired.owner !== undefined) diffIfChanged(diffs, ['tags', OWNERSHIP_TAG_KEY], live?.owner, desired.owner);
  return diffs;
}

/**
 * A delete, field by field: every value the live profile has, going away. Only what was read is listed: an
 * undeclared profile is not described, so its cross-channel behaviours are unknown and left out, and its queues
 * are listed only when they were read.
 */
export function deletionDiffs(live: NormalisedProfile, described: boolean, nameOf: QueueNamer): Diff[] {
  const { owner: _stamp, ...fields } = live;
  return diffProfile(fields, undefined, nameOf)
    .filter((d) => described || d.path[d.path.length - 1] !== 'crossChannelBehavior')
    .map((d) => ({ ...d, before: d.after, after: undefined }));
}
