// The minimal Connect calls that turn live into desired. Each builder emits calls in CALL_ORDER; the planner
// checks that order as an invariant. Lists are batched to Connect's per-call limits.
import equal from 'fast-deep-equal';
import type { LiveWorkloadType, WorkloadTypeConcurrencies } from '../live/types.js';
import { type Channel, LIMITS } from '../vocabulary.js';
import { queueKey } from './diff.js';
import type { NormalisedConcurrency, NormalisedProfile, NormalisedQueueConfig } from './normalise.js';
import { compareStrings, inBatches } from './order.js';
import { type Call, CREATED_PROFILE_ID, type MediaConcurrencyInput, type QueueConfigInput, type WorkloadTypeConcurrencyInput } from './types.js';

// TagResource's TagMap and UntagResource's TagKeyList both allow at most 50 entries (API model), the same as
// the per-resource quota, so one call normally suffices; batching keeps a call valid regardless.
const TAGS_PER_CALL = 50;

/**
 * Every entry carries its CrossChannelBehavior explicitly, even the default: what Connect stores when it is
 * left out is UNVERIFIED, and an explicit value makes the call mean exactly what the file means.
 */
function concurrencyInputs(
  entries: readonly NormalisedConcurrency[],
  workload: Partial<Record<Channel, WorkloadTypeConcurrencies>>,
): MediaConcurrencyInput[] {
  return entries.map((e) => {
    const input: MediaConcurrencyInput = {
      Channel: e.channel,
      Concurrency: e.concurrency,
      CrossChannelBehavior: { BehaviorType: e.crossChannelBehavior },
    };
    const carried = workload[e.channel];
    if (carried !== undefined) input.WorkloadTypeConcurrencies = carried.map(workloadTypeInput);
    return input;
  });
}

function workloadTypeInput(w: LiveWorkloadType): WorkloadTypeConcurrencyInput {
  const input: WorkloadTypeConcurrencyInput = { WorkloadType: w.workloadType, Concurrency: w.concurrency };
  if (w.crossChannelWorkloadBehavior !== undefined) {
    input.CrossChannelWorkloadBehavior = { ChannelWorkloadBehaviorType: w.crossChannelWorkloadBehavior };
  }
  return input;
}

function queueConfigInput(c: NormalisedQueueConfig): QueueConfigInput {
  return { QueueReference: { QueueId: c.queueId, Channel: c.channel }, Priority: c.priority, Delay: c.delay };
}

export function createCalls(instanceId: string, desired: NormalisedProfile): Call[] {
  const configs = (desired.queues ?? []).map(queueConfigInput);
  const [first = [], ...rest] = inBatches(configs, LIMITS.queueConfigsPerCall);
  const create: Extract<Call, { operation: 'CreateRoutingProfile' }>['input'] = {
    InstanceId: instanceId,
    Name: desired.name,
    Description: desired.description,
    DefaultOutboundQueueId: desired.defaultOutboundQueueId,
    MediaConcurrencies: concurrencyInputs(desired.mediaConcurrencies, {}),
  };
  if (first.length > 0) create.QueueConfigs = first;
  // Tags go in the create itself (one call fewer); an empty map is not valid input (TagMap min 1).
  if (desired.tags !== undefined && Object.keys(desired.tags).length > 0) create.Tags = desired.tags;
  if (desired.agentAvailabilityTimer !== undefined) create.AgentAvailabilityTimer = desired.agentAvailabilityTimer;
  return [
    { operation: 'CreateRoutingProfile', input: create },
    ...rest.map(
      (batch): Call => ({
        operation: 'AssociateRoutingProfileQueues',
        input: { InstanceId: instanceId, RoutingProfileId: CREATED_PROFILE_ID, QueueConfigs: batch },
      }),
    ),
  ];
}

export interface LiveTarget {
  routingProfileId: string;
  arn: string;
  workload: Partial<Record<Channel, WorkloadTypeConcurrencies>>;
}

function queueCalls(
  instanceId: string,
  routingProfileId: string,
  desired: readonly NormalisedQueueConfig[],
  live: readonly NormalisedQueueConfig[],
): Call[] {
  const liveByKey = new Map(live.map((c) => [queueKey(c), c]));
  const desiredKeys = new Set(desired.map(queueKey));
  const removed = live.filter((c) => !desiredKeys.has(queueKey(c)));
  const added = desired.filter((c) => !liveByKey.has(queueKey(c)));
  // Priority/delay of an associated queue changes in place: disassociating and re-associating it would
  // briefly stop routing its contacts to agents of this profile.
  const changed = desired.filter((c) => {
    const l = liveByKey.get(queueKey(c));
    return l !== undefined && (l.priority !== c.priority || l.delay !== c.delay);
  });
  const base = { InstanceId: instanceId, RoutingProfileId: routingProfileId };
  return [
    ...inBatches(removed, LIMITS.queueConfigsPerCall).map(
      (batch): Call => ({
        operation: 'DisassociateRoutingProfileQueues',
        input: { ...base, QueueReferences: batch.map((c) => ({ QueueId: c.queueId, Channel: c.channel })) },
      }),
    ),
    ...inBatches(added, LIMITS.queueConfigsPerCall).map(
      (batch): Call => ({
        operation: 'AssociateRoutingProfileQueues',
        input: { ...base, QueueConfigs: batch.map(queueConfigInput) },
      }),
    ),
    ...inBatches(changed, LIMITS.queueConfigsPerCall).map(
      (batch): Call => ({
        operation: 'UpdateRoutingProfileQueues',
        input: { ...base, QueueConfigs: batch.map(queueConfigInput) },
      }),
    ),
  ];
}

function tagCalls(resourceArn: string, desired: Record<string, string>, live: Record<string, string>): Call[] {
  // Both sides are already free of `aws:` keys (normaliseTags), so reserved keys are never touched.
  const toRemove = Object.keys(live).filter((k) => !(k in desired)).sort(compareStrings);
  const toSet = Object.keys(desired).filter((k) => live[k] !== desired[k]).sort(compareStrings);
  return [
    ...inBatches(toRemove, TAGS_PER_CALL).map((tagKeys): Call => ({ operation: 'UntagResource', input: { resourceArn, tagKeys } })),
    ...inBatches(toSet, TAGS_PER_CALL).map(
      (keys): Call => ({
        operation: 'TagResource',
        input: { resourceArn, tags: Object.fromEntries(keys.map((k) => [k, desired[k] as string])) },
      }),
    ),
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
  // Connect sets name and description in one operation; the name is the match key so only the description
  // can differ, but both must be sent.
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
  if (desired.queues !== undefined) {
    calls.push(...queueCalls(instanceId, target.routingProfileId, desired.queues, live.queues ?? []));
  }
  if (desired.tags !== undefined) calls.push(...tagCalls(target.arn, desired.tags, live.tags ?? {}));
  return calls;
}
