// Plans and apply results for the renderer tests, written by hand in the settled shapes (src/plan/types.ts,
// src/apply/types.ts) so that the golden files pin the renderers alone, whatever the planner does.
import type { ApplyResult, ChangeResult } from '../../src/apply/types.js';
import type {
  Call,
  Change,
  Diff,
  DiffPathSegment,
  Plan,
  PlanProblem,
  PlanScope,
  QueueConfigInput,
  QueueReferenceInput,
  QueueSegment,
  UnmanagedProfile,
} from '../../src/plan/types.js';
import { CREATED_PROFILE_ID } from '../../src/plan/types.js';
import type { Channel } from '../../src/vocabulary.js';

const INSTANCE = 'inst-1';
const arnOf = (id: string): string => `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE}/routing-profile/${id}`;

export function queue(queueId: string, name: string, channel: Channel): QueueSegment {
  return { queueId, queue: name, channel };
}

function fieldOf(path: readonly DiffPathSegment[]): string {
  return path.map((s) => (typeof s === 'string' ? s : `${s.queue}/${s.channel}`)).join('.');
}

export function diff(path: DiffPathSegment[], before: unknown, after: unknown): Diff {
  return { field: fieldOf(path), path, before, after };
}

const ref = (q: QueueSegment): QueueReferenceInput => ({ QueueId: q.queueId, Channel: q.channel });
const config = (q: QueueSegment, priority: number, delay: number): QueueConfigInput => ({ QueueReference: ref(q), Priority: priority, Delay: delay });

/** Diffs of a whole queue row: priority and delay together, as the planner lists them. */
function queueRow(q: QueueSegment, before: [number, number] | undefined, after: [number, number] | undefined): Diff[] {
  return [diff(['queues', q, 'priority'], before?.[0], after?.[0]), diff(['queues', q, 'delay'], before?.[1], after?.[1])];
}

function channelRow(channel: Channel, before: [number, string] | undefined, after: [number, string] | undefined): Diff[] {
  return [
    diff(['mediaConcurrencies', channel, 'concurrency'], before?.[0], after?.[0]),
    diff(['mediaConcurrencies', channel, 'crossChannelBehavior'], before?.[1], after?.[1]),
  ];
}

function summarise(changes: Change[]): Plan['summary'] {
  const count = (action: Change['action']): number => changes.filter((c) => c.action === action).length;
  return {
    create: count('create'),
    update: count('update'),
    delete: count('delete'),
    noOp: count('no-op'),
    calls: changes.reduce((n, c) => n + c.calls.length, 0),
    agents: changes.reduce((n, c) => n + (c.action === 'no-op' ? 0 : c.agents), 0),
  };
}

export function planOf(
  changes: Change[],
  extra: {
    prune?: boolean;
    environment?: string;
    scope?: PlanScope;
    unmanaged?: UnmanagedProfile[];
    warnings?: string[];
    problems?: PlanProblem[];
  } = {},
): Plan {
  return {
    formatVersion: 1,
    instanceId: INSTANCE,
    ...(extra.environment === undefined ? {} : { environment: extra.environment }),
    prune: extra.prune ?? false,
    ...(extra.scope === undefined ? {} : { scope: extra.scope }),
    changes,
    unmanaged: extra.unmanaged ?? [],
    warnings: extra.warnings ?? [],
    problems: extra.problems ?? [],
    summary: summarise(changes),
    liveFingerprint: 'sha256:5f1b0c3d9e2a4b6c8d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e',
  };
}

const QUEUES = Array.from({ length: 12 }, (_, i) =>
  queue(`q-${String(i + 1).padStart(2, '0')}`, `Queue${String(i + 1).padStart(2, '0')}`, i % 2 === 0 ? 'VOICE' : 'CHAT'),
);

/** A create of a whole profile: 12 queues (so a Create and an Associate), a manual queue, two tags. */
export function createChange(): Change {
  const queueConfigs = QUEUES.map((q, i) => config(q, 1 + (i % 3), i * 5));
  const worklist = queue('q-worklist', 'Worklist', 'CHAT');
  const tags = { 'cost-centre': 'cc-42', team: 'sales' };
  return {
    action: 'create',
    name: 'Sales Inbound',
    agents: 0,
    diffs: [
      diff(['name'], undefined, 'Sales Inbound'),
      diff(['description'], undefined, 'Inbound sales, "priority" line'),
      diff(['defaultOutboundQueue'], undefined, 'BasicQueue'),
      diff(['agentAvailabilityTimer'], undefined, 'TIME_SINCE_LAST_INBOUND'),
      ...channelRow('VOICE', undefined, [1, 'ROUTE_CURRENT_CHANNEL_ONLY']),
      ...channelRow('CHAT', undefined, [2, 'ROUTE_ANY_CHANNEL']),
      ...QUEUES.flatMap((q, i) => queueRow(q, undefined, [1 + (i % 3), i * 5])),
      diff(['manualAssignmentQueues', worklist], undefined, true),
      diff(['tags', 'cost-centre'], undefined, 'cc-42'),
      diff(['tags', 'team'], undefined, 'sales'),
    ],
    calls: [
      {
        operation: 'CreateRoutingProfile',
        input: {
          InstanceId: INSTANCE,
          Name: 'Sales Inbound',
          Description: 'Inbound sales, "priority" line',
          DefaultOutboundQueueId: 'q-basic',
          MediaConcurrencies: [
            { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
            { Channel: 'CHAT', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
          ],
          QueueConfigs: queueConfigs.slice(0, 10),
          ManualAssignmentQueueConfigs: [{ QueueReference: ref(worklist) }],
          Tags: tags,
          AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
        },
      },
      {
        operation: 'AssociateRoutingProfileQueues',
        input: { InstanceId: INSTANCE, RoutingProfileId: CREATED_PROFILE_ID, QueueConfigs: queueConfigs.slice(10) },
      },
    ],
  };
}

/**
 * An update a reviewer must read at a glance: single-valued fields, channel rows (changed, added, removed, a
 * workload type), queue rows (changed, added, removed; two queues named Sales), manual queues, tags, 230 agents.
 */
export function updateChange(): Change {
  const id = 'rp-tier1';
  const salesEu = queue('q-sales-eu', 'Sales', 'VOICE');
  const salesUs = queue('q-sales-us', 'Sales', 'VOICE');
  const billing = queue('q-billing', 'Billing', 'CHAT');
  const returns = queue('q-returns', 'Returns', 'TASK');
  const worklist = queue('q-worklist', 'Worklist', 'CHAT');
  const callbacks = queue('q-callbacks', 'Callbacks', 'TASK');
  const base = { InstanceId: INSTANCE, RoutingProfileId: id };
  return {
    action: 'update',
    name: 'Tier1 Support',
    routingProfileId: id,
    routingProfileArn: arnOf(id),
    agents: 230,
    diffs: [
      diff(['description'], 'Frontline agents', 'Frontline agents, all channels'),
      diff(['defaultOutboundQueue'], 'BasicQueue', 'Support Outbound'),
      diff(['agentAvailabilityTimer'], 'TIME_SINCE_LAST_ACTIVITY', 'TIME_SINCE_LAST_INBOUND'),
      diff(['mediaConcurrencies', 'VOICE', 'crossChannelBehavior'], 'ROUTE_CURRENT_CHANNEL_ONLY', 'ROUTE_ANY_CHANNEL'),
      diff(['mediaConcurrencies', 'CHAT', 'concurrency'], 2, 3),
      ...channelRow('TASK', undefined, [2, 'ROUTE_ANY_CHANNEL']),
      diff(['mediaConcurrencies', 'TASK', 'workloadTypes', 'billing', 'concurrency'], undefined, 2),
      diff(['mediaConcurrencies', 'TASK', 'workloadTypes', 'billing', 'crossChannelWorkloadBehavior'], undefined, 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY'),
      ...channelRow('EMAIL', [1, 'ROUTE_CURRENT_CHANNEL_ONLY'], undefined),
      ...queueRow(billing, [1, 30], undefined),
      ...queueRow(returns, undefined, [5, 0]),
      diff(['queues', salesEu, 'priority'], 1, 2),
      ...queueRow(salesUs, undefined, [3, 10]),
      diff(['manualAssignmentQueues', callbacks], true, undefined),
      diff(['manualAssignmentQueues', worklist], undefined, true),
      diff(['tags', 'env'], undefined, 'prod'),
      diff(['tags', 'owner'], 'jane', undefined),
      diff(['tags', 'team'], 'support', 'frontline'),
    ],
    calls: [
      { operation: 'UpdateRoutingProfileName', input: { ...base, Name: 'Tier1 Support', Description: 'Frontline agents, all channels' } },
      { operation: 'UpdateRoutingProfileDefaultOutboundQueue', input: { ...base, DefaultOutboundQueueId: 'q-support-out' } },
      { operation: 'UpdateRoutingProfileAgentAvailabilityTimer', input: { ...base, AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' } },
      {
        operation: 'UpdateRoutingProfileConcurrency',
        input: {
          ...base,
          MediaConcurrencies: [
            { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
            { Channel: 'CHAT', Concurrency: 3, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
            {
              Channel: 'TASK',
              Concurrency: 2,
              CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' },
              WorkloadTypeConcurrencies: [
                { WorkloadType: 'billing', Concurrency: 2, CrossChannelWorkloadBehavior: { ChannelWorkloadBehaviorType: 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY' } },
              ],
            },
          ],
        },
      },
      { operation: 'DisassociateRoutingProfileQueues', input: { ...base, QueueReferences: [ref(billing)], ManualAssignmentQueueReferences: [ref(callbacks)] } },
      {
        operation: 'AssociateRoutingProfileQueues',
        input: { ...base, QueueConfigs: [config(returns, 5, 0), config(salesUs, 3, 10)], ManualAssignmentQueueConfigs: [{ QueueReference: ref(worklist) }] },
      },
      { operation: 'UpdateRoutingProfileQueues', input: { ...base, QueueConfigs: [config(salesEu, 2, 0)] } },
      { operation: 'UntagResource', input: { resourceArn: arnOf(id), tagKeys: ['owner'] } },
      { operation: 'TagResource', input: { resourceArn: arnOf(id), tags: { env: 'prod', team: 'frontline' } } },
    ],
  };
}

/** `renamedFrom`: the same profile ID, one UpdateRoutingProfileName call. */
export function renameChange(): Change {
  const id = 'rp-tier2';
  return {
    action: 'update',
    name: 'Frontline Support',
    routingProfileId: id,
    routingProfileArn: arnOf(id),
    renamedFrom: 'Tier1 Support',
    agents: 1,
    diffs: [diff(['name'], 'Tier1 Support', 'Frontline Support')],
    calls: [{ operation: 'UpdateRoutingProfileName', input: { InstanceId: INSTANCE, RoutingProfileId: id, Name: 'Frontline Support', Description: 'Frontline agents' } }],
  };
}

export function noOpChange(name = 'Back Office', id = 'rp-back'): Change {
  return { action: 'no-op', name, routingProfileId: id, routingProfileArn: arnOf(id), agents: 12, diffs: [], calls: [] };
}

/** One create, one rich update, one rename, one unchanged profile. */
export function goldenPlan(): Plan {
  return planOf([createChange(), updateChange(), renameChange(), noOpChange()]);
}

/** The diffs of a delete: every managed field of the live profile, `after` absent. */
function deletedProfile(description: string, q: QueueSegment): Diff[] {
  return [
    diff(['description'], description, undefined),
    diff(['defaultOutboundQueue'], 'BasicQueue', undefined),
    ...channelRow('VOICE', [1, 'ROUTE_CURRENT_CHANNEL_ONLY'], undefined),
    ...queueRow(q, [1, 0], undefined),
    diff(['tags', 'connect-gitops:managed-by'], 'connect-gitops', undefined),
  ];
}

/** Prune on: a delete, a delete blocked by agents, another owner's profile, the ownership tag stamped. */
export function prunePlan(): Plan {
  const stamp: Call = { operation: 'TagResource', input: { resourceArn: arnOf('rp-tier3'), tags: { 'connect-gitops:managed-by': 'connect-gitops' } } };
  return planOf(
    [
      {
        action: 'update',
        name: 'Tier3 Support',
        routingProfileId: 'rp-tier3',
        routingProfileArn: arnOf('rp-tier3'),
        agents: 4,
        diffs: [diff(['tags', 'connect-gitops:managed-by'], undefined, 'connect-gitops')],
        calls: [stamp],
      },
      {
        action: 'update',
        name: 'Partner Desk',
        routingProfileId: 'rp-partner',
        routingProfileArn: arnOf('rp-partner'),
        agents: 7,
        blocked: { otherOwner: 'other-team' },
        diffs: [diff(['description'], 'Partner line', 'Partner line (EU)')],
        calls: [],
      },
      {
        action: 'delete',
        name: 'Old Team',
        routingProfileId: 'rp-old',
        routingProfileArn: arnOf('rp-old'),
        agents: 0,
        diffs: deletedProfile('Retired in 2025', queue('q-old', 'Old Queue', 'VOICE')),
        calls: [{ operation: 'DeleteRoutingProfile', input: { InstanceId: INSTANCE, RoutingProfileId: 'rp-old' } }],
      },
      {
        action: 'delete',
        name: 'Busy Team',
        routingProfileId: 'rp-busy',
        routingProfileArn: arnOf('rp-busy'),
        agents: 23,
        blocked: { associatedUsers: 23 },
        diffs: deletedProfile('Still staffed', queue('q-busy', 'Busy Queue', 'VOICE')),
        calls: [],
      },
      noOpChange(),
    ],
    {
      prune: true,
      unmanaged: [
        { name: 'Basic Routing Profile', routingProfileId: 'rp-basic', owned: false },
        { name: 'Busy Team', routingProfileId: 'rp-busy', owned: true },
        { name: 'Hand Made', routingProfileId: 'rp-hand', owned: false },
        { name: 'Old Team', routingProfileId: 'rp-old', owned: true },
      ],
      warnings: ['would create "team 05" beside live "Team 05" (names that differ only in case or spacing)'],
      problems: [
        { kind: 'profile-in-use', name: 'Busy Team', message: '"Busy Team" cannot be deleted: 23 agents still use it. Move them to another routing profile first.' },
        { kind: 'other-owner', name: 'Partner Desk', message: '"Partner Desk" is owned by "other-team", not "connect-gitops": it is left alone.' },
      ],
    },
  );
}

/** Nothing to do, but live holds profiles no file declares (one of them ours) and a look-alike warning. */
export function noChangesPlan(): Plan {
  return planOf([noOpChange('Tier1', 'rp-1'), noOpChange('Tier2', 'rp-2')], {
    unmanaged: [
      { name: 'Basic Routing Profile', routingProfileId: 'rp-basic', owned: false },
      { name: 'Team 01', routingProfileId: 'rp-team01', owned: true },
    ],
    warnings: ['"Tier 1" in live looks like "Tier1" in the files (names equal after case folding and trimming)'],
  });
}

/** Nothing at all to say. */
export function emptyPlan(): Plan {
  return planOf([noOpChange('Tier1', 'rp-1')]);
}

const SCOPE: PlanScope = { changedSince: 'origin/main', profiles: 2, declared: 500 };

/** plan --changed-since origin/main --env prod: one channel change reaching 230 agents. */
export function scopedPlan(): Plan {
  const id = 'rp-tier1';
  const change: Change = {
    action: 'update',
    name: 'Tier1 Support',
    routingProfileId: id,
    routingProfileArn: arnOf(id),
    agents: 230,
    diffs: [diff(['mediaConcurrencies', 'CHAT', 'concurrency'], 2, 3)],
    calls: [
      {
        operation: 'UpdateRoutingProfileConcurrency',
        input: {
          InstanceId: INSTANCE,
          RoutingProfileId: id,
          MediaConcurrencies: [
            { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
            { Channel: 'CHAT', Concurrency: 3, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
          ],
        },
      },
    ],
  };
  return planOf([change, noOpChange()], { environment: 'prod', scope: SCOPE });
}

export function scopedNoChangesPlan(): Plan {
  return planOf([noOpChange(), noOpChange('Tier2', 'rp-2')], { environment: 'prod', scope: SCOPE });
}

/** Names Connect accepts and a terminal or a pull request must not obey. */
export const HOSTILE = {
  ansi: 'Sales\u001b[2J\u001b[31mEvil',
  osc: 'Q\u001b]8;;https://evil.example\u0007link',
  bidi: 'Invoice \u202egnp.exe',
  isolate: 'a\u2066b\u2069c\u200fd',
  c1: 'C1\u009b31m',
  del: 'DEL\u007f',
  markdown: 'k|ey *x* _y_ `z` <b>[l](u)',
} as const;

export function hostilePlan(): Plan {
  const id = 'rp-evil';
  const osc = queue('q-osc', HOSTILE.osc, 'VOICE');
  const bidiQueue = queue('q-bidi', HOSTILE.bidi, 'CHAT');
  const change: Change = {
    action: 'update',
    name: HOSTILE.ansi,
    routingProfileId: id,
    routingProfileArn: arnOf(id),
    renamedFrom: HOSTILE.c1,
    agents: 2,
    diffs: [
      diff(['description'], HOSTILE.isolate, HOSTILE.del),
      ...channelRow('TASK', undefined, [2, 'ROUTE_ANY_CHANNEL']),
      diff(['mediaConcurrencies', 'TASK', 'workloadTypes', HOSTILE.bidi, 'concurrency'], undefined, 1),
      diff(['mediaConcurrencies', 'TASK', 'workloadTypes', HOSTILE.bidi, 'crossChannelWorkloadBehavior'], undefined, 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE'),
      ...queueRow(osc, undefined, [1, 0]),
      diff(['manualAssignmentQueues', bidiQueue], undefined, true),
      diff(['tags', HOSTILE.markdown], HOSTILE.ansi, HOSTILE.bidi),
      diff(['tags', HOSTILE.c1], undefined, HOSTILE.del),
      // A path this renderer does not know yet falls back to its field, escaped.
      diff([`future${HOSTILE.ansi}`], undefined, 1),
    ],
    calls: [{ operation: 'TagResource', input: { resourceArn: arnOf(id), tags: { [HOSTILE.markdown]: HOSTILE.bidi, [HOSTILE.c1]: HOSTILE.del } } }],
  };
  return planOf([change], {
    unmanaged: [{ name: HOSTILE.bidi, routingProfileId: 'rp-bidi', owned: false }],
    warnings: [`would create "${HOSTILE.osc}" beside live "${HOSTILE.c1}"`],
    problems: [{ kind: 'other-owner', name: HOSTILE.markdown, message: `"${HOSTILE.markdown}" is owned by "${HOSTILE.ansi}"` }],
  });
}

// ---- apply results ----

function done(change: Change, routingProfileId = change.routingProfileId ?? 'rp-new'): ChangeResult {
  return { name: change.name, action: change.action, routingProfileId, outcome: 'done', calls: change.calls.map((call) => ({ status: 'done', call })) };
}

/** Every outcome that ends well: created, adopted, updated, deleted; verified. */
export function completeApplyResult(): ApplyResult {
  const create = createChange();
  const adopted = { ...createChange(), name: 'Sales Outbound' };
  const prune = prunePlan();
  const old = prune.changes.find((c) => c.name === 'Old Team') as Change;
  return {
    changes: [
      done(create),
      {
        name: adopted.name,
        action: 'create',
        routingProfileId: 'rp-existing',
        outcome: 'adopted',
        calls: adopted.calls.map((call, i) => (i === 0 ? { status: 'adopted', call, routingProfileId: 'rp-existing' } : { status: 'done', call })),
      },
      done(updateChange()),
      done(renameChange()),
      done(old),
      { name: 'Back Office', action: 'no-op', routingProfileId: 'rp-back', outcome: 'unchanged', calls: [] },
    ],
    converged: true,
    notConverged: [],
    interrupted: false,
    verification: { status: 'converged' },
  };
}

/** What went wrong, each its own way: a call failed half-way, a blocked delete, the rest skipped, not converged. */
export function failedApplyResult(): ApplyResult {
  const update = updateChange();
  const failedAt = update.calls.findIndex((c) => c.operation === 'UpdateRoutingProfileConcurrency');
  const prune = prunePlan();
  const busy = prune.changes.find((c) => c.name === 'Busy Team') as Change;
  const old = prune.changes.find((c) => c.name === 'Old Team') as Change;
  const notConverged = [{ name: update.name, fields: ['mediaConcurrencies.TASK.concurrency', 'queues.Returns/TASK.priority'] }];
  return {
    changes: [
      done(createChange()),
      {
        name: update.name,
        action: 'update',
        routingProfileId: update.routingProfileId,
        outcome: 'failed',
        calls: update.calls.map((call, i) =>
          i < failedAt
            ? { status: 'done', call }
            : i === failedAt
              ? {
                  status: 'failed',
                  call,
                  errorName: 'InvalidParameterException',
                  message: 'Concurrency for TASK exceeds the instance limit',
                  hint: 'Check the concurrency against your instance quotas, fix the file and run apply again.',
                }
              : { status: 'skipped', call, reason: 'not sent: UpdateRoutingProfileConcurrency failed earlier for this profile' },
        ),
      },
      {
        ...done(renameChange()),
        calls: renameChange().calls.map((call) => ({ status: 'done', call, note: 'the name was already set; nothing to change' })),
      },
      { name: busy.name, action: 'delete', routingProfileId: busy.routingProfileId, outcome: 'blocked', blocked: { associatedUsers: 23 }, calls: [] },
      {
        name: old.name,
        action: 'delete',
        routingProfileId: old.routingProfileId,
        outcome: 'skipped',
        calls: old.calls.map((call) => ({ status: 'skipped', call, reason: 'deletes run only when every create and update succeeded' })),
      },
    ],
    converged: false,
    notConverged,
    interrupted: false,
    verification: { status: 'not-converged', notConverged },
  };
}

/** The endpoint went away after the writes: the report first, then why the check could not run. */
export function verificationFailedApplyResult(): ApplyResult {
  return {
    changes: [done(createChange(), 'rp-new'), done(renameChange())],
    converged: false,
    notConverged: [],
    interrupted: false,
    verification: { status: 'failed', error: 'SearchRoutingProfiles failed: connect ECONNREFUSED 127.0.0.1:4566' },
  };
}

/** Connect stopped answering mid-apply: the rest skipped at once, the check not run. */
export function unreachableApplyResult(): ApplyResult {
  const update = updateChange();
  return {
    changes: [
      done(createChange(), 'rp-new'),
      {
        name: update.name,
        action: 'update',
        routingProfileId: update.routingProfileId,
        outcome: 'skipped',
        calls: update.calls.map((call) => ({ status: 'skipped', call, reason: 'Connect is unreachable' })),
      },
    ],
    converged: false,
    notConverged: [],
    interrupted: false,
    unreachable: true,
    verification: { status: 'not-run', reason: 'Connect is unreachable (connection refused)' },
  };
}
