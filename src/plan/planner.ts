// computePlan: a pure function of (desired, live). No I/O, no SDK, no clock: the same inputs always give the
// same plan, whatever the order of the input arrays.
import type { ResolvedProfile } from '../desired/types.js';
import { InternalError, UserInputError } from '../errors.js';
import type { LiveProfile, LiveState } from '../live/types.js';
import { DEFAULT_OWNER, LIMITS, OWNERSHIP_TAG_KEY } from '../vocabulary.js';
import { createCalls, updateCalls } from './calls.js';
import { diffProfile, type QueueNamer } from './diff.js';
import { fingerprintOf, type LiveSnapshot, summariseLiveForPlan } from './fingerprint.js';
import { lookAlikeWarnings } from './look-alike.js';
import { managedLive, managedScope } from './managed.js';
import { indexLiveByName } from './match.js';
import { liveWorkloadTypeConcurrencies, normaliseDesired, normaliseLive, normaliseQueueId, ownershipTag } from './normalise.js';
import { compareStrings } from './order.js';
import { matchProfiles, type ProfileMatch } from './rename.js';
import { retire } from './retire.js';
import { type Call, CALL_ORDER, type Change, type Plan, type PlanProblem } from './types.js';

export interface PlanOptions {
  /** Delete owned profiles no file declares, and stamp the ownership tag on every declared one. */
  prune?: boolean;
  /** The ownership tag's value (connect-gitops.yaml `owner`); default DEFAULT_OWNER. */
  owner?: string;
  /** The instance's routing-profile quota; default LIMITS.profilesPerInstance (it can be raised). */
  profileQuota?: number;
  /**
   * A plan scoped to what a git change touches (plan --changed-since). The caller passes only the in-scope
   * desired profiles; unmanaged profiles and deletes are then looked for only among `names`.
   */
  scope?: {
    changedSince: string;
    /** Profile names in scope, including old names of removed or renamed documents. */
    names: readonly string[];
    /** Profiles the files declare in all. */
    declared: number;
  };
  /** The environment the plan is for, recorded in the plan. */
  environment?: string;
}

function queueNamer(desired: readonly ResolvedProfile[], live: LiveState): QueueNamer {
  const names = new Map<string, string>();
  for (const q of live.queues) names.set(normaliseQueueId(q.queueId), q.name);
  // Queue lists carry names too, for a queue missing from the inventory; read in name order, so that two lists
  // disagreeing on a name cannot make the plan depend on the order Connect listed profiles in.
  for (const p of [...live.profiles].sort((a, b) => compareStrings(a.name, b.name))) {
    for (const c of [...(p.queueConfigs ?? []), ...(p.manualQueues ?? [])]) {
      const id = normaliseQueueId(c.queueId);
      if (!names.has(id)) names.set(id, c.queueName);
    }
  }
  // The inventory is authoritative; desired names fill in only what it lacks.
  for (const p of desired) {
    const outbound = normaliseQueueId(p.defaultOutboundQueueId);
    if (!names.has(outbound)) names.set(outbound, p.defaultOutboundQueueName);
    for (const c of [...(p.queues ?? []), ...(p.manualAssignmentQueues ?? [])]) {
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
  if (desired.manualAssignmentQueues !== undefined && live.manualQueues === undefined) {
    throw new InternalError(
      `routing profile ${JSON.stringify(live.name)} manages manual-assignment queues but they were not listed (ListRoutingProfileManualAssignmentQueues)`,
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

interface PlannedChange {
  change: Change;
  problem?: PlanProblem;
}

/** `stamp` is our owner when prune is on (every declared profile then carries the ownership tag). */
function planOne(match: ProfileMatch, instanceId: string, nameOf: QueueNamer, owner: string, stamp: string | undefined): PlannedChange {
  const liveProfile = match.live;
  const liveOwner = liveProfile === undefined ? undefined : ownershipTag(liveProfile.tags);
  const otherOwner = liveOwner !== undefined && liveOwner !== owner ? liveOwner : undefined;
  // Another owner's tag is never overwritten, not even as a diff: the change is blocked below.
  const desired = normaliseDesired(match.desired, otherOwner === undefined ? stamp : undefined);
  if (liveProfile === undefined) {
    const calls = createCalls(instanceId, desired);
    assertCallOrder(desired.name, calls);
    return { change: { action: 'create', name: desired.name, agents: 0, diffs: diffProfile(desired, undefined, nameOf), calls } };
  }
  assertReadEnough(match.desired, liveProfile);
  const live = managedLive(normaliseLive(liveProfile), managedScope(match.desired));
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
  const change: Change = {
    action: calls.length === 0 ? 'no-op' : 'update',
    name: desired.name,
    routingProfileId: liveProfile.routingProfileId,
    routingProfileArn: liveProfile.arn,
    ...(match.renamedFrom === undefined ? {} : { renamedFrom: match.renamedFrom }),
    agents: liveProfile.associatedUsers,
    diffs,
    calls,
  };
  // Another team's files own this profile (its prune would fight ours): nothing is sent, and the plan says so.
  if (otherOwner !== undefined) {
    const shown = match.renamedFrom === undefined ? JSON.stringify(desired.name) : `${JSON.stringify(match.renamedFrom)} (to be renamed ${JSON.stringify(desired.name)})`;
    return {
      change: { ...change, calls: [], blocked: { otherOwner } },
      problem: {
        kind: 'other-owner',
        name: desired.name,
        message: `routing profile ${shown} carries ${OWNERSHIP_TAG_KEY}=${JSON.stringify(otherOwner)}, not ${JSON.stringify(owner)}: another owner manages it, so it is left unchanged`,
      },
    };
  }
  return { change };
}

function sortedByName(desired: readonly ResolvedProfile[]): ResolvedProfile[] {
  const sorted = [...desired].sort((a, b) => compareStrings(a.name, b.name));
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as ResolvedProfile).name === (sorted[i - 1] as ResolvedProfile).name) {
      // Validation rejects duplicate names across files before planning.
      throw new InternalError(`two desired routing profiles are named ${JSON.stringify((sorted[i] as ResolvedProfile).name)}`);
    }
  }
  return sorted;
}

function pruneScope(options: PlanOptions): { owner: string; names?: readonly string[] } | undefined {
  if (options.prune !== true) return undefined;
  const owner = options.owner ?? DEFAULT_OWNER;
  return options.scope === undefined ? { owner } : { owner, names: options.scope.names };
}

/**
 * The live state a plan made with these inputs depends on: what `plan --out` stores beside the plan, and what
 * its liveFingerprint hashes. `apply --plan` recomputes it and, when it differs, describeLiveChanges() says what
 * moved.
 */
export function liveSnapshotForPlan(desired: readonly ResolvedProfile[], live: LiveState, options: PlanOptions = {}): LiveSnapshot {
  return summariseLiveForPlan(live, desired.map(managedScope), pruneScope(options));
}

function quotaProblem(live: number, creates: number, quota: number): PlanProblem | undefined {
  // Deletes run after every create and update, so the count peaks at live + creates.
  if (live + creates <= quota) return undefined;
  return {
    kind: 'profile-quota',
    message: `the plan creates ${creates} routing profile${creates === 1 ? '' : 's'} beside ${live} live: ${live + creates} at the peak (deletes run last), above the instance's quota of ${quota}; raise the quota or create fewer`,
  };
}

/**
 * A pure function of (desired, live, options). Live profiles no file declares are listed in `unmanaged`; with
 * prune on, the owned ones become deletes, after every create and update.
 */
export function computePlan(desired: readonly ResolvedProfile[], live: LiveState, options: PlanOptions = {}): Plan {
  const prune = options.prune === true;
  const owner = options.owner ?? DEFAULT_OWNER;
  const declaredCount = options.scope?.declared ?? desired.length;
  if (prune && declaredCount === 0) {
    throw new UserInputError(
      'prune is on but the files declare no routing profile: every profile this owner tagged would be deleted',
      [],
      'Check --dir (or `dir` in connect-gitops.yaml) points at the profile files, or turn prune off.',
    );
  }
  const sorted = sortedByName(desired);
  const matches = matchProfiles(sorted, indexLiveByName(live.profiles));
  const nameOf = queueNamer(sorted, live);
  const planned = matches.map((m) => planOne(m, live.instanceId, nameOf, owner, prune ? owner : undefined));

  const declared = new Set(sorted.flatMap((p) => [p.name, ...(p.renamedFrom ?? [])]));
  const inScope = options.scope === undefined ? undefined : new Set(options.scope.names);
  const undeclared = live.profiles.filter((p) => !declared.has(p.name) && (inScope === undefined || inScope.has(p.name)));
  const retirement = retire(undeclared, { instanceId: live.instanceId, prune, owner }, nameOf);

  const changes = [...planned.map((p) => p.change), ...retirement.deletes];
  const creates = changes.filter((c) => c.action === 'create');
  const problems = [
    ...planned.flatMap((p) => (p.problem === undefined ? [] : [p.problem])),
    ...retirement.problems,
    ...[quotaProblem(live.profiles.length, creates.length, options.profileQuota ?? LIMITS.profilesPerInstance)].filter((p) => p !== undefined),
  ];
  const newNames = [...creates.map((c) => ({ name: c.name })), ...changes.flatMap((c) => (c.renamedFrom === undefined ? [] : [{ name: c.name, renamedFrom: c.renamedFrom }]))];
  const warnings = [...lookAlikeWarnings(newNames, live.profiles), ...retirement.warnings].sort(compareStrings);
  return {
    formatVersion: 1,
    instanceId: live.instanceId,
    ...(options.environment === undefined ? {} : { environment: options.environment }),
    prune,
    ...(options.scope === undefined
      ? {}
      : { scope: { changedSince: options.scope.changedSince, profiles: new Set(options.scope.names).size, declared: options.scope.declared } }),
    changes,
    unmanaged: retirement.unmanaged,
    warnings,
    problems,
    summary: {
      create: creates.length,
      update: changes.filter((c) => c.action === 'update').length,
      delete: changes.filter((c) => c.action === 'delete').length,
      noOp: changes.filter((c) => c.action === 'no-op').length,
      calls: changes.reduce((n, c) => n + c.calls.length, 0),
      agents: changes.filter((c) => c.action !== 'no-op').reduce((n, c) => n + c.agents, 0),
    },
    liveFingerprint: fingerprintOf(liveSnapshotForPlan(sorted, live, options)),
  };
}
