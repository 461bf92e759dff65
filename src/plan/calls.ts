// The minimal Connect calls that turn live into desired. Each builder emits calls in CALL_ORDER; the planner
// checks that order as an invariant. Lists are batched to Connect's per-call limits.
import equal from 'fast-deep-equal';
import type { LiveWorkloadType, WorkloadTypeConcurrencies } from '../live/types.js';
import { type Channel, LIMITS, OWNERSHIP_TAG_KEY } from '../vocabulary.js';
import { queueKey } from './diff.js';
import type { NormalisedConcurrency, NormalisedManualQueue, NormalisedProfile, NormalisedQueueConfig, NormalisedWorkloadType } from './normalise.js';
import { compareStrings, inBatches } from './order.js';
import {
  type Call,
  CREATED_PROFILE_ID,
  type ManualQueueConfigInput,
  type MediaConcurrencyInput,
  type QueueConfigInput,
  type QueueReferenceInput,
  type WorkloadTypeConcurrencyInput,
} from './types.js';

// TagResource's TagMap and UntagResource's TagKeyList both allow at most 50 entries (API model), the same as
// the per-resource quota, so one call normally suffices; batching keeps a call valid regardless.
const TAGS_PER_CALL = 50;

/**
 * Every entry carries its CrossChannelBehavior explicitly, even the default: what Connect stores when it is
 * left out is UNVERIFIED, and an explicit value makes the call mean exactly what the file means. Workload types
 * are the file's where it states them, else the live ones carried over; an empty list is left out (the model's
 * list is 1..5, and sending the channel without it is how they are all removed).
 */
function concurrencyInputs(
  entries: readonly NormalisedConcurrency[],
  carried: Partial<Record<Channel, WorkloadTypeConcurrencies>>,
): MediaConcurrencyInput[] {
  return entries.map((e) => {
    const input: MediaConcurrencyInput = {
      Channel: e.channel,
      Concurrency: e.concurrency,
      CrossChannelBehavior: { BehaviorType: e.crossChannelBehavior },
    };
    const workload = e.workloadTypes !== undefined ? e.workloadTypes.map(workloadTypeInput) : carried[e.channel]?.map(workloadTypeInput);
    if (workload !== undefined && workload.length > 0) input.WorkloadTypeConcurrencies = workload;
    return input;
  });
}

/** A live entry without a behaviour is carried without one: the planner does not invent what it does not manage. */
function workloadTypeInput(w: LiveWorkloadType | NormalisedWorkloadType): WorkloadTypeConcurrencyInput {
  const input: WorkloadTypeConcurrencyInput = { WorkloadType: w.workloadType, Concurrency: w.concurrency };
  if (w.crossChannelWorkloadBehavior !== undefined) {
    input.CrossChannelWorkloadBehavior = { ChannelWorkloadBehaviorType: w.crossChannelWorkloadBehavior };
  }
  return input;
}

function queueConfigInput(c: NormalisedQueueConfig): QueueConfigInput {
  return { QueueReference: queueReference(c), Priority: c.priority, Delay: c.delay };
}

function queueReference(c: { queueId: string; channel: Channel }): QueueReferenceInput {
  return { QueueId: c.queueId, Channel: c.channel };
}

function manualQueueConfigInput(c: NormalisedManualQueue): ManualQueueConfigInput {
  return { QueueReference: queueReference(c) };
}

/**
 * Standard and manual-assignment pairs share calls (design.md, "Manual-assignment batching"): batch i holds
 * standard pairs [10i, 10i+9] and manual pairs [10i, 10i+9]. Either side of a batch may be empty.
 */
function pairBatches<S, M>(standard: readonly S[], manual: readonly M[]): { standard: S[]; manual: M[] }[] {
  const s = inBatches(standard, LIMITS.queueConfigsPerCall);
  const m = inBatches(manual, LIMITS.manualQueueConfigsPerCall);
  return Array.from({ length: Math.max(s.length, m.length) }, (_, i) => ({ standard: s[i] ?? [], manual: m[i] ?? [] }));
}

/** An Associate input with each list present only when it has entries (either may be sent alone). */
function associateInput(
  base: { InstanceId: string; RoutingProfileId: string },
  batch: { standard: NormalisedQueueConfig[]; manual: NormalisedManualQueue[] },
): Extract<Call, { operation: 'AssociateRoutingProfileQueues' }>['input'] {
  return {
    ...base,
    ...(batch.standard.length > 0 ? { QueueConfigs: batch.standard.map(queueConfigInput) } : {}),
    ...(batch.manual.length > 0 ? { ManualAssignmentQueueConfigs: batch.manual.map(manualQueueConfigInput) } : {}),
  };
}

/** The tags a profile is created or stamped with: its own, plus the ownership tag when prune is on. */
function tagsToSet(desired: NormalisedProfile, live: NormalisedProfile | undefined): Record<string, string> {
  const liveTags = live?.tags ?? {};
  const set = Object.entries(desired.tags ?? {}).filter(([key, value]) => !Object.hasOwn(liveTags, key) || liveTags[key] !== value);
  if (desired.owner !== undefined && live?.owner !== desired.owner) set.push([OWNERSHIP_TAG_KEY, desired.owner]);
  return Object.fromEntries(set.sort(([a], [b]) => compareStrings(a, b)));
}

export function createCalls(instanceId: string, desired: NormalisedProfile): Call[] {
  const [first = { standard: [], manual: [] }, ...rest] = pairBatches(desired.queues ?? [], desired.manualQueues ?? []);
  const create: Extract<Call, { operation: 'CreateRoutingProfile' }>['input'] = {
    InstanceId: instanceId,
    Name: desired.name,
    Description: desired.description,
    DefaultOutboundQueueId: desired.defaultOutboundQueueId,
    MediaConcurrencies: concurrencyInputs(desired.mediaConcurrencies, {}),
  };
  if (first.standard.length > 0) create.QueueConfigs = first.standard.map(queueConfigInput);
  if (first.manual.length > 0) create.ManualAssignmentQueueConfigs = first.manual.map(manualQueueConfigInput);
  // Tags go in the create itself (one call fewer); an empty map is not valid input (TagMap min 1).
  const tags = tagsToSet(desired, undefined);
  if (Object.keys(tags).length > 0) create.Tags = tags;
  if (desired.agentAvailabilityTimer !== undefined) create.AgentAvailabilityTimer = desired.agentAvailabilityTimer;
  return [
    { operation: 'CreateRoutingProfile', input: create },
    ...rest.map((batch): Call => ({ operation: 'AssociateRoutingProfileQueues', input: associateInput({ InstanceId: instanceId, RoutingProfileId: CREATED_PROFILE_ID }, batch) })),
  ];
}

export interface LiveTarget {
  routingProfileId: string;
  arn: string;
  workload: Partial<Record<Channel, WorkloadTypeConcurrencies>>;
}

/** Pairs of `desired` absent from `live`, and the other way round, by (queue, channel). */
function added<T extends { queueId: string; channel: Channel }>(desired: readonly T[], live: readonly { queueId: string; channel: Channel }[]): T[] {
  const present = new Set(live.map(queueKey));
  return desired.filter((c) => !present.has(queueKey(c)));
}

/**
 * Queue membership: disassociate -> associate -> update priority/delay. A list the file leaves out (undefined)
 * is not touched; standard and manual-assignment changes share Associate/Disassociate calls.
 */
function queueCalls(
  instanceId: string,
  routingProfileId: string,
  desired: NormalisedProfile,
  live: NormalisedProfile,
): Call[] {
  const desiredQueues = desired.queues;
  const liveQueues = desiredQueues === undefined ? [] : (live.queues ?? []);
  const desiredManual = desired.manualQueues;
  const liveManual = desiredManual === undefined ? [] : (live.manualQueues ?? []);
  const liveByKey = new Map(liveQueues.map((c) => [queueKey(c), c]));
  // Priority/delay of an associated queue changes in place: disassociating and re-associating it would
  // briefly stop routing its contacts to agents of this profile.
  const changed = (desiredQueues ?? []).filter((c) => {
    const l = liveByKey.get(queueKey(c));
    return l !== undefined && (l.priority !== c.priority || l.delay !== c.delay);
  });
  const base = { InstanceId: instanceId, RoutingProfileId: routingProfileId };
  const removed = pairBatches(added(liveQueues, desiredQueues ?? []), added(liveManual, desiredManual ?? []));
  const associated = pairBatches(added(desiredQueues ?? [], liveQueues), added(desiredManual ?? [], liveManual));
  return [
    ...removed.map(
      (batch): Call => ({
        operation: 'DisassociateRoutingProfileQueues',
        input: {
          ...base,
          ...(batch.standard.length > 0 ? { QueueReferences: batch.standard.map(queueReference) } : {}),
          ...(batch.manual.length > 0 ? { ManualAssignmentQueueReferences: batch.manual.map(queueReference) } : {}),
        },
      }),
    ),
    ...associated.map((batch): Call => ({ operation: 'AssociateRoutingProfileQueues', input: associateInput(base, batch) })),
    ...inBatches(changed, LIMITS.queueConfigsPerCall).map(
      (batch): Call => ({
        operation: 'UpdateRoutingProfileQueues',
        input: { ...base, QueueConfigs: batch.map(queueConfigInput) },
      }),
    ),
  ];
}

/**
 * `tags:` stated: tags live but not in the file are removed (never `aws:` ones nor the ownership tag, which
 * normaliseTags keeps out of both sides). Prune on: the ownership tag is stamped where it is missing.
 */
function tagCalls(resourceArn: string, desired: NormalisedProfile, live: NormalisedProfile): Call[] {
  const desiredTags = desired.tags;
  const toRemove = desiredTags === undefined ? [] : Object.keys(live.tags ?? {}).filter((k) => !Object.hasOwn(desiredTags, k)).sort(compareStrings);
  const toSet = Object.entries(tagsToSet(desired, live));
  return [
    ...inBatches(toRemove, TAGS_PER_CALL).map((tagKeys): Call => ({ operation: 'UntagResource', input: { resourceArn, tagKeys } })),
    ...inBatches(toSet, TAGS_PER_CALL).map((entries): Call => ({ operation: 'TagResource', input: { resourceArn, tags: Object.fromEntries(entries) } })),
  ];
}

export function updateCalls(
  instanceId: string,
  desired: NormalisedProfile,
  live: NormalisedProfile,
  target: LiveTarget,
): Call[] {
  const calls: Call[] = [];
  const base = { InstanceId: instanceId, RoutingProfileId: target.routingProfileId };
  // Connect sets name and description in one operation: a rename (renamedFrom) or a new description sends both.
  if (desired.name !== live.name || desired.description !== live.description) {
    calls.push({ operation: 'UpdateRoutingProfileName', input: { ...base, Name: desired.name, Description: desired.description } });
  }
  if (desired.defaultOutboundQueueId !== live.defaultOutboundQueueId) {
    calls.push({
      operation: 'UpdateRoutingProfileDefaultOutboundQueue',
      input: { ...base, DefaultOutboundQueueId: desired.defaultOutboundQueueId },
    });
  }
  if (desired.agentAvailabilityTimer !== undefined && desired.agentAvailabilityTimer !== live.agentAvailabilityTimer) {
    calls.push({
      operation: 'UpdateRoutingProfileAgentAvailabilityTimer',
      input: { ...base, AgentAvailabilityTimer: desired.agentAvailabilityTimer },
    });
  }
  // Whether a channel left out of the list is disabled is UNVERIFIED (connect-api README): always send the
  // full desired list, so the call's meaning does not depend on it.
  if (!equal(desired.mediaConcurrencies, live.mediaConcurrencies)) {
    calls.push({
      operation: 'UpdateRoutingProfileConcurrency',
      input: { ...base, MediaConcurrencies: concurrencyInputs(desired.mediaConcurrencies, target.workload) },
    });
  }
  calls.push(...queueCalls(instanceId, target.routingProfileId, desired, live));
  calls.push(...tagCalls(target.arn, desired, live));
  return calls;
}
