// Field-level differences between a normalised desired profile and its normalised live counterpart, for people
// (the renderers); the calls are derived separately (calls.ts). Only managed fields are compared: an optional
// field the file leaves out is undefined on the desired side and skipped here.
import equal from 'fast-deep-equal';
import type { Channel } from '../vocabulary.js';
import type { Diff, DiffPathSegment } from './types.js';
import type { NormalisedConcurrency, NormalisedProfile, NormalisedQueueConfig } from './normalise.js';
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

function byQueueKey(configs: readonly NormalisedQueueConfig[]): Map<string, NormalisedQueueConfig> {
  return new Map(configs.map((c) => [queueKey(c), c]));
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
  }
}

function diffQueues(
  diffs: Diff[],
  desired: readonly NormalisedQueueConfig[],
  live: readonly NormalisedQueueConfig[],
  nameOf: QueueNamer,
): void {
  const d = byQueueKey(desired);
  const l = byQueueKey(live);
  // Shown by queue name then channel (what users read), the ID breaking ties between same-named queues.
  const pairs = [...new Map([...live, ...desired].map((c) => [queueKey(c), c])).values()].sort(
    (a, b) =>
      compareStrings(nameOf(a.queueId), nameOf(b.queueId)) ||
      compareChannels(a.channel, b.channel) ||
      compareStrings(a.queueId, b.queueId),
  );
  for (const pair of pairs) {
    const key = queueKey(pair);
    const queue = { queueId: pair.queueId, queue: nameOf(pair.queueId), channel: pair.channel };
    diffIfChanged(diffs, ['queues', queue, 'priority'], l.get(key)?.priority, d.get(key)?.priority);
    diffIfChanged(diffs, ['queues', queue, 'delay'], l.get(key)?.delay, d.get(key)?.delay);
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
  if (desired.tags !== undefined) diffTags(diffs, desired.tags, live?.tags ?? {});
  return diffs;
}
