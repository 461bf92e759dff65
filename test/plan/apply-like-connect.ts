// A pure stand-in for Amazon Connect's effect of a plan's calls on live state, for property tests only.
// It behaves the way Connect does (connect-api README), not the way the planner hopes: a behaviour left out is
// stored as ROUTE_CURRENT_CHANNEL_ONLY, a concurrency update replaces the whole list, more than 10 queue configs
// in a call is refused, associating an already-associated pair or touching a missing one is refused, and
// reserved `aws:` tag keys are refused.
import type { LiveMediaConcurrency, LiveProfile, LiveQueueConfig, LiveState } from '../../src/live/types.js';
import { type Call, CREATED_PROFILE_ID, type Plan, type QueueConfigInput } from '../../src/plan/types.js';
import { DEFAULT_CROSS_CHANNEL_BEHAVIOR, LIMITS, RESERVED_TAG_PREFIX } from '../../src/vocabulary.js';
import type { MediaConcurrencyInput } from '../../src/plan/types.js';

class FakeConnectError extends Error {}

function limit(count: number, operation: string): void {
  if (count === 0 || count > LIMITS.queueConfigsPerCall) {
    throw new FakeConnectError(`InvalidParameterException: ${operation} with ${count} queue entries`);
  }
}

function storedConcurrency(input: MediaConcurrencyInput): LiveMediaConcurrency {
  const entry: LiveMediaConcurrency = {
    channel: input.Channel,
    concurrency: input.Concurrency,
    crossChannelBehavior: input.CrossChannelBehavior?.BehaviorType ?? DEFAULT_CROSS_CHANNEL_BEHAVIOR,
  };
  if (input.WorkloadTypeConcurrencies !== undefined) {
    entry.workloadTypeConcurrencies = input.WorkloadTypeConcurrencies.map((w) => ({
      workloadType: w.WorkloadType,
      concurrency: w.Concurrency,
      ...(w.CrossChannelWorkloadBehavior ? { crossChannelWorkloadBehavior: w.CrossChannelWorkloadBehavior.ChannelWorkloadBehaviorType } : {}),
    }));
  }
  return entry;
}

export function applyLikeConnect(plan: Plan, before: LiveState): LiveState {
  const state: LiveState = structuredClone(before);
  let created = 0;
  const queueById = new Map(state.queues.map((q) => [q.queueId, q]));

  const storedQueue = (c: QueueConfigInput): LiveQueueConfig => {
    const q = queueById.get(c.QueueReference.QueueId);
    if (q === undefined) throw new FakeConnectError(`ResourceNotFoundException: queue ${c.QueueReference.QueueId}`);
    return { queueId: q.queueId, queueArn: q.arn, queueName: q.name, channel: c.QueueReference.Channel, priority: c.Priority, delay: c.Delay };
  };
  const pairIndex = (p: LiveProfile, queueId: string, channel: string): number =>
    (p.queueConfigs ?? []).findIndex((c) => c.queueId === queueId && c.channel === channel);

  for (const change of plan.changes) {
    let createdId: string | undefined;
    const profileFor = (id: string): LiveProfile => {
      const resolved = id === CREATED_PROFILE_ID ? createdId : id;
      const p = state.profiles.find((x) => x.routingProfileId === resolved);
      if (p === undefined) throw new FakeConnectError(`ResourceNotFoundException: routing profile ${id}`);
      return p;
    };
    const profileForArn = (arn: string): LiveProfile => {
      const p = state.profiles.find((x) => x.arn === arn);
      if (p === undefined) throw new FakeConnectError(`ResourceNotFoundException: ${arn}`);
      return p;
    };

    for (const call of change.calls) {
      applyCall(call);
    }

    function applyCall(call: Call): void {
      switch (call.operation) {
        case 'CreateRoutingProfile': {
          const i = call.input;
          if (state.profiles.some((p) => p.name === i.Name)) throw new FakeConnectError('DuplicateResourceException');
          if (i.QueueConfigs !== undefined) limit(i.QueueConfigs.length, call.operation);
          created++;
          createdId = `rp-created-${created}`;
          state.profiles.push({
            routingProfileId: createdId,
            arn: `arn:aws:connect:us-east-1:123456789012:instance/${state.instanceId}/routing-profile/${createdId}`,
            name: i.Name,
            description: i.Description,
            defaultOutboundQueueId: i.DefaultOutboundQueueId,
            mediaConcurrencies: i.MediaConcurrencies.map(storedConcurrency),
            associatedQueueIds: [...new Set((i.QueueConfigs ?? []).map((c) => c.QueueReference.QueueId))],
            tags: { ...(i.Tags ?? {}) },
            described: true,
            manualQueueCount: 0,
            isDefault: false,
            associatedUsers: 0,
            // Connect's default when none is given.
            agentAvailabilityTimer: i.AgentAvailabilityTimer ?? 'TIME_SINCE_LAST_ACTIVITY',
            queueConfigs: (i.QueueConfigs ?? []).map(storedQueue),
          });
          return;
        }
        case 'UpdateRoutingProfileName': {
          const p = profileFor(call.input.RoutingProfileId);
          p.name = call.input.Name;
          p.description = call.input.Description;
          return;
        }
        case 'UpdateRoutingProfileDefaultOutboundQueue':
          profileFor(call.input.RoutingProfileId).defaultOutboundQueueId = call.input.DefaultOutboundQueueId;
          return;
        case 'UpdateRoutingProfileAgentAvailabilityTimer':
          profileFor(call.input.RoutingProfileId).agentAvailabilityTimer = call.input.AgentAvailabilityTimer;
          return;
        case 'UpdateRoutingProfileConcurrency':
          profileFor(call.input.RoutingProfileId).mediaConcurrencies = call.input.MediaConcurrencies.map(storedConcurrency);
          return;
        case 'DisassociateRoutingProfileQueues': {
          const refs = call.input.QueueReferences ?? [];
          limit(refs.length, call.operation);
          const p = profileFor(call.input.RoutingProfileId);
          for (const r of refs) {
            const at = pairIndex(p, r.QueueId, r.Channel);
            if (at === -1) throw new FakeConnectError(`InvalidParameterException: ${r.QueueId}/${r.Channel} not associated`);
            p.queueConfigs?.splice(at, 1);
          }
          p.associatedQueueIds = [...new Set((p.queueConfigs ?? []).map((c) => c.queueId))];
          return;
        }
        case 'AssociateRoutingProfileQueues': {
          const configs = call.input.QueueConfigs ?? [];
          limit(configs.length, call.operation);
          const p = profileFor(call.input.RoutingProfileId);
          for (const c of configs) {
            if (pairIndex(p, c.QueueReference.QueueId, c.QueueReference.Channel) !== -1) {
              throw new FakeConnectError(`InvalidParameterException: ${c.QueueReference.QueueId} already associated`);
            }
            (p.queueConfigs ??= []).push(storedQueue(c));
          }
          p.associatedQueueIds = [...new Set((p.queueConfigs ?? []).map((c) => c.queueId))];
          return;
        }
        case 'UpdateRoutingProfileQueues': {
          limit(call.input.QueueConfigs.length, call.operation);
          const p = profileFor(call.input.RoutingProfileId);
          for (const c of call.input.QueueConfigs) {
            const at = pairIndex(p, c.QueueReference.QueueId, c.QueueReference.Channel);
            if (at === -1) throw new FakeConnectError(`InvalidParameterException: ${c.QueueReference.QueueId} not associated`);
            (p.queueConfigs as LiveQueueConfig[])[at] = storedQueue(c);
          }
          return;
        }
        case 'UntagResource': {
          const p = profileForArn(call.input.resourceArn);
          for (const key of call.input.tagKeys) {
            if (key.startsWith(RESERVED_TAG_PREFIX)) throw new FakeConnectError('InvalidParameterException: reserved tag key');
            delete p.tags[key];
          }
          return;
        }
        case 'TagResource': {
          const p = profileForArn(call.input.resourceArn);
          for (const [key, value] of Object.entries(call.input.tags)) {
            if (key.startsWith(RESERVED_TAG_PREFIX)) throw new FakeConnectError('InvalidParameterException: reserved tag key');
            p.tags[key] = value;
          }
          return;
        }
        case 'DeleteRoutingProfile': {
          const at = state.profiles.findIndex((p) => p.routingProfileId === call.input.RoutingProfileId);
          if (at === -1) throw new FakeConnectError('ResourceNotFoundException');
          state.profiles.splice(at, 1);
          return;
        }
        default: {
          const never: never = call;
          throw new FakeConnectError(`unknown call ${JSON.stringify(never)}`);
        }
      }
    }
  }
  return state;
}
