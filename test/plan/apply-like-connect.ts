// A pure stand-in for Amazon Connect's effect of a plan's calls on live state, for property tests only.
// It behaves the way Connect does (connect-api README), not the way the planner hopes: a behaviour left out is
// stored as ROUTE_CURRENT_CHANNEL_ONLY, a concurrency update replaces the whole list (workload types included),
// more than 10 entries in a list or an empty list is refused, associating an already-associated pair or
// touching a missing one is refused, names stay unique, reserved `aws:` tag keys are refused, and deleting the
// default profile or one with users is ResourceInUseException.
// It earns its place beside the emulator: it is pure and runs hundreds of generated plans a second, so the
// planner's properties are checked on far more cases than an HTTP round trip allows; test/e2e checks the same
// apply-then-plan claim against the emulator through the real SDK.
import type { LiveManualQueue, LiveMediaConcurrency, LiveProfile, LiveQueueConfig, LiveState } from '../../src/live/types.js';
import { type Call, CREATED_PROFILE_ID, type MediaConcurrencyInput, type Plan, type QueueConfigInput, type QueueReferenceInput } from '../../src/plan/types.js';
import { DEFAULT_CROSS_CHANNEL_BEHAVIOR, LIMITS, RESERVED_TAG_PREFIX } from '../../src/vocabulary.js';

export class FakeConnectError extends Error {}

/** Each list member is 1..10 entries when present (API model); an absent member is fine. */
function limit(list: readonly unknown[] | undefined, operation: string, max: number = LIMITS.queueConfigsPerCall): void {
  if (list !== undefined && (list.length === 0 || list.length > max)) {
    throw new FakeConnectError(`InvalidParameterException: ${operation} with ${list.length} entries in one list`);
  }
}

function storedConcurrency(input: MediaConcurrencyInput): LiveMediaConcurrency {
  const entry: LiveMediaConcurrency = {
    channel: input.Channel,
    concurrency: input.Concurrency,
    crossChannelBehavior: input.CrossChannelBehavior?.BehaviorType ?? DEFAULT_CROSS_CHANNEL_BEHAVIOR,
  };
  if (input.WorkloadTypeConcurrencies !== undefined) {
    limit(input.WorkloadTypeConcurrencies, 'WorkloadTypeConcurrencies', LIMITS.workloadTypesPerChannel);
    // Stored as sent: an entry without a behaviour is returned without one.
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

  const queueOf = (ref: QueueReferenceInput) => {
    const q = queueById.get(ref.QueueId);
    if (q === undefined) throw new FakeConnectError(`ResourceNotFoundException: queue ${ref.QueueId}`);
    return q;
  };
  const storedQueue = (c: QueueConfigInput): LiveQueueConfig => {
    const q = queueOf(c.QueueReference);
    return { queueId: q.queueId, queueArn: q.arn, queueName: q.name, channel: c.QueueReference.Channel, priority: c.Priority, delay: c.Delay };
  };
  const storedManual = (ref: QueueReferenceInput): LiveManualQueue => {
    const q = queueOf(ref);
    return { queueId: q.queueId, queueArn: q.arn, queueName: q.name, channel: ref.Channel };
  };
  const at = (list: readonly { queueId: string; channel: string }[] | undefined, ref: QueueReferenceInput): number =>
    (list ?? []).findIndex((c) => c.queueId === ref.QueueId && c.channel === ref.Channel);
  const recount = (p: LiveProfile): void => {
    p.associatedQueueIds = [...new Set((p.queueConfigs ?? []).map((c) => c.queueId))];
    p.manualQueueCount = (p.manualQueues ?? []).length;
  };
  const nameTaken = (name: string, except?: string): void => {
    if (state.profiles.some((p) => p.name === name && p.routingProfileId !== except)) throw new FakeConnectError(`DuplicateResourceException: ${name}`);
  };
  const checkTags = (keys: readonly string[]): void => {
    if (keys.some((k) => k.startsWith(RESERVED_TAG_PREFIX))) throw new FakeConnectError('InvalidParameterException: reserved tag key');
  };

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

    for (const call of change.calls) applyCall(call);

    function applyCall(call: Call): void {
      switch (call.operation) {
        case 'CreateRoutingProfile': {
          const i = call.input;
          nameTaken(i.Name);
          limit(i.QueueConfigs, call.operation);
          limit(i.ManualAssignmentQueueConfigs, call.operation, LIMITS.manualQueueConfigsPerCall);
          checkTags(Object.keys(i.Tags ?? {}));
          created++;
          createdId = `rp-created-${created}`;
          const profile: LiveProfile = {
            routingProfileId: createdId,
            arn: `arn:aws:connect:us-east-1:123456789012:instance/${state.instanceId}/routing-profile/${createdId}`,
            name: i.Name,
            description: i.Description,
            defaultOutboundQueueId: i.DefaultOutboundQueueId,
            mediaConcurrencies: i.MediaConcurrencies.map(storedConcurrency),
            associatedQueueIds: [],
            tags: { ...(i.Tags ?? {}) },
            described: true,
            manualQueueCount: 0,
            isDefault: false,
            associatedUsers: 0,
            // Connect's default when none is given.
            agentAvailabilityTimer: i.AgentAvailabilityTimer ?? 'TIME_SINCE_LAST_ACTIVITY',
            queueConfigs: (i.QueueConfigs ?? []).map(storedQueue),
            manualQueues: (i.ManualAssignmentQueueConfigs ?? []).map((c) => storedManual(c.QueueReference)),
          };
          recount(profile);
          state.profiles.push(profile);
          return;
        }
        case 'UpdateRoutingProfileName': {
          const p = profileFor(call.input.RoutingProfileId);
          nameTaken(call.input.Name, p.routingProfileId);
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
          const { QueueReferences: refs, ManualAssignmentQueueReferences: manual } = call.input;
          if (refs === undefined && manual === undefined) throw new FakeConnectError('InvalidParameterException: nothing to disassociate');
          limit(refs, call.operation);
          limit(manual, call.operation, LIMITS.manualQueueConfigsPerCall);
          const p = profileFor(call.input.RoutingProfileId);
          for (const r of refs ?? []) {
            const i = at(p.queueConfigs, r);
            if (i === -1) throw new FakeConnectError(`InvalidParameterException: ${r.QueueId}/${r.Channel} not associated`);
            p.queueConfigs?.splice(i, 1);
          }
          for (const r of manual ?? []) {
            const i = at(p.manualQueues, r);
            if (i === -1) throw new FakeConnectError(`InvalidParameterException: manual ${r.QueueId}/${r.Channel} not associated`);
            p.manualQueues?.splice(i, 1);
          }
          recount(p);
          return;
        }
        case 'AssociateRoutingProfileQueues': {
          const { QueueConfigs: configs, ManualAssignmentQueueConfigs: manual } = call.input;
          if (configs === undefined && manual === undefined) throw new FakeConnectError('InvalidParameterException: nothing to associate');
          limit(configs, call.operation);
          limit(manual, call.operation, LIMITS.manualQueueConfigsPerCall);
          const p = profileFor(call.input.RoutingProfileId);
          for (const c of configs ?? []) {
            if (at(p.queueConfigs, c.QueueReference) !== -1) throw new FakeConnectError(`InvalidParameterException: ${c.QueueReference.QueueId} already associated`);
            (p.queueConfigs ??= []).push(storedQueue(c));
          }
          for (const c of manual ?? []) {
            if (at(p.manualQueues, c.QueueReference) !== -1) throw new FakeConnectError(`InvalidParameterException: manual ${c.QueueReference.QueueId} already associated`);
            (p.manualQueues ??= []).push(storedManual(c.QueueReference));
          }
          recount(p);
          return;
        }
        case 'UpdateRoutingProfileQueues': {
          limit(call.input.QueueConfigs, call.operation);
          const p = profileFor(call.input.RoutingProfileId);
          for (const c of call.input.QueueConfigs) {
            const i = at(p.queueConfigs, c.QueueReference);
            if (i === -1) throw new FakeConnectError(`InvalidParameterException: ${c.QueueReference.QueueId} not associated`);
            (p.queueConfigs as LiveQueueConfig[])[i] = storedQueue(c);
          }
          return;
        }
        case 'UntagResource': {
          const p = profileForArn(call.input.resourceArn);
          checkTags(call.input.tagKeys);
          for (const key of call.input.tagKeys) delete p.tags[key];
          return;
        }
        case 'TagResource': {
          const p = profileForArn(call.input.resourceArn);
          checkTags(Object.keys(call.input.tags));
          Object.assign(p.tags, call.input.tags);
          return;
        }
        case 'DeleteRoutingProfile': {
          const i = state.profiles.findIndex((p) => p.routingProfileId === call.input.RoutingProfileId);
          const p = state.profiles[i];
          if (p === undefined) throw new FakeConnectError('ResourceNotFoundException');
          if (p.isDefault || p.associatedUsers > 0) throw new FakeConnectError(`ResourceInUseException: ${p.name} is the default or has users`);
          state.profiles.splice(i, 1);
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
