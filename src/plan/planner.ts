// computePlan: a pure function of (desired, live). No I/O, no SDK, no clock: the same inputs always give the
// same plan, whatever the order of the input arrays.
import type { ResolvedProfile } from '../desired/types.js';
import { InternalError } from '../errors.js';
import type { LiveProfile, LiveState } from '../live/types.js';
import { createCalls, updateCalls } from './calls.js';
import { diffProfile, type QueueNamer } from './diff.js';
import { liveFingerprint, managedScope } from './fingerprint.js';
import { indexLiveByName } from './match.js';
import { liveWorkloadTypeConcurrencies, normaliseDesired, normaliseLive, normaliseQueueId } from './normalise.js';
import { compareStrings } from './order.js';
import { type Call, CALL_ORDER, type Change, type Plan } from './types.js';

function queueNamer(desired: readonly ResolvedProfile[], live: LiveState): QueueNamer {
  const names = new Map<string, string>();
  for (const q of live.queues) names.set(normaliseQueueId(q.queueId), q.name);
  for (const p of live.profiles) for (const c of p.queueConfigs ?? []) names.set(normaliseQueueId(c.queueId), c.queueName);
  // The inventory is authoritative; desired names fill in only what it lacks.
  for (const p of desired) {
    const outbound = normaliseQueueId(p.defaultOutboundQueueId);
    if (!names.has(outbound)) names.set(outbound, p.defaultOutboundQueueName);
    for (const c of p.queues ?? []) {
      const id = normaliseQueueId(c.queueId);
      if (!names.has(id)) names.set(id, c.queueName);
    }
  }
  return (queueId) => names.get(queueId) ?? queueId;
}

/** The reader must have described every declared profile, and listed its queues when the file manages them. */
function assertReadEnough(desired: ResolvedProfile, live: LiveProfile): void {
  if (!live.described) {
    throw new InternalError(
      `routing profile ${JSON.stringify(live.name)} was planned without DescribeRoutingProfile: its CrossChannelBehavior and AgentAvailabilityTimer are unknown`,
    );
  }
  if (desired.queues !== undefined && live.queueConfigs === undefined) {
    throw new InternalError(
      `routing profile ${JSON.stringify(live.name)} manages queues but its queue configs were not listed (ListRoutingProfileQueues)`,
    );
  }
}

function assertCallOrder(name: string, calls: readonly Call[]): void {
  for (let i = 1; i < calls.length; i++) {
    const prev = calls[i - 1] as Call;
    const next = calls[i] as Call;
    if (CALL_ORDER.indexOf(prev.operation) > CALL_ORDER.indexOf(next.operation)) {
      throw new InternalError(`calls for ${JSON.stringify(name)} out of order: ${prev.operation} before ${next.operation}`);
    }
  }
}

function planOne(desiredProfile: ResolvedProfile, liveProfile: LiveProfile | undefined, instanceId: string, nameOf: QueueNamer): Change {
  const desired = normaliseDesired(desiredProfile);
  if (liveProfile === undefined) {
    const calls = createCalls(instanceId, desired);
    assertCallOrder(desired.name, calls);
    return { action: 'create', name: desired.name, agents: 0, diffs: diffProfile(desired, undefined, nameOf), calls };
  }
  assertReadEnough(desiredProfile, liveProfile);
  const live = normaliseLive(liveProfile);
  const calls = updateCalls(instanceId, desired, live, {
    routingProfileId: liveProfile.routingProfileId,
    arn: liveProfile.arn,
    workload: liveWorkloadTypeConcurrencies(liveProfile),
  });
  assertCallOrder(desired.name, calls);
  const diffs = diffProfile(desired, live, nameOf);
  // Diffs and calls are derived independently; they must agree on whether anything differs.
  if ((calls.length === 0) !== (diffs.length === 0)) {
    throw new InternalError(
      `plan for ${JSON.stringify(desired.name)} has ${diffs.length} differing field(s) but ${calls.length} call(s)`,
    );
  }
  return {
    action: calls.length === 0 ? 'no-op' : 'update',
    name: desired.name,
    routingProfileId: liveProfile.routingProfileId,
    routingProfileArn: liveProfile.arn,
    agents: liveProfile.associatedUsers,
    diffs,
    calls,
  };
}

/**
 * Profiles live but absent from the files are left alone (no prune): they are neither in the plan nor in
 * its fingerprint.
 */
export function computePlan(desired: readonly ResolvedProfile[], live: LiveState): Plan {
  const liveByName = indexLiveByName(live.profiles);
  const sorted = [...desired].sort((a, b) => compareStrings(a.name, b.name));
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as ResolvedProfile).name === (sorted[i - 1] as ResolvedProfile).name) {
      // Validation rejects duplicate names across files before planning.
      throw new InternalError(`two desired routing profiles are named ${JSON.stringify((sorted[i] as ResolvedProfile).name)}`);
    }
  }
  const nameOf = queueNamer(desired, live);
  const changes = sorted.map((p) => planOne(p, liveByName.get(p.name), live.instanceId, nameOf));
  const declared = new Set(sorted.map((p) => p.name));
  return {
    formatVersion: 1,
    instanceId: live.instanceId,
    prune: false,
    changes,
    unmanaged: live.profiles
      .filter((p) => !declared.has(p.name))
      .map((p) => ({ name: p.name, routingProfileId: p.routingProfileId, owned: false }))
      .sort((a, b) => compareStrings(a.name, b.name)),
    warnings: [],
    problems: [],
    summary: {
      create: changes.filter((c) => c.action === 'create').length,
      update: changes.filter((c) => c.action === 'update').length,
      delete: changes.filter((c) => c.action === 'delete').length,
      noOp: changes.filter((c) => c.action === 'no-op').length,
      calls: changes.reduce((n, c) => n + c.calls.length, 0),
      agents: changes.filter((c) => c.action !== 'no-op').reduce((n, c) => n + c.agents, 0),
    },
    liveFingerprint: liveFingerprint(live, sorted.map(managedScope)),
  };
}
