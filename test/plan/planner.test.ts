import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import type { LiveProfile } from '../../src/live/types.js';
import type { ResolvedProfile } from '../../src/desired/types.js';
import { computePlan } from '../../src/plan/planner.js';
import { type Call, CREATED_PROFILE_ID, type Diff } from '../../src/plan/types.js';
import { changeFor, desired, INSTANCE_ID, live, liveQueue, liveWithWorkloadTypes, profileArn, queueArn, queueId, range, resolvedQueue, RP, state, withTaskAndEmail } from './fixtures.js';

const ARN = profileArn('rp-1');

const FULL_CONCURRENCY_CALL: Call = {
  operation: 'UpdateRoutingProfileConcurrency',
  input: {
    ...RP,
    MediaConcurrencies: [
      { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
      { Channel: 'CHAT', Concurrency: 3, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
    ],
  },
};

describe('computePlan: create', () => {
  it('creates a profile that is not live, with every stated field and behaviour explicit', () => {
    const change = changeFor(
      desired({ agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND', queues: [resolvedQueue(2, 'CHAT', 3, 15)], tags: { team: 'support' } }),
    );
    expect(change.action).toBe('create');
    expect(change.routingProfileId).toBeUndefined();
    expect(change.calls).toEqual<Call[]>([
      {
        operation: 'CreateRoutingProfile',
        input: {
          InstanceId: INSTANCE_ID,
          Name: 'Tier1',
          Description: 'Frontline agents',
          DefaultOutboundQueueId: queueId(1),
          MediaConcurrencies: [
            { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
            { Channel: 'CHAT', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
          ],
          QueueConfigs: [{ QueueReference: { QueueId: queueId(2), Channel: 'CHAT' }, Priority: 3, Delay: 15 }],
          Tags: { team: 'support' },
          AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
        },
      },
    ]);
    expect(change.diffs.map(withoutPath)).toEqual([
      { field: 'name', before: undefined, after: 'Tier1' },
      { field: 'description', before: undefined, after: 'Frontline agents' },
      { field: 'defaultOutboundQueue', before: undefined, after: 'Queue01' },
      { field: 'agentAvailabilityTimer', before: undefined, after: 'TIME_SINCE_LAST_INBOUND' },
      { field: 'mediaConcurrencies.VOICE.concurrency', before: undefined, after: 1 },
      { field: 'mediaConcurrencies.VOICE.crossChannelBehavior', before: undefined, after: 'ROUTE_CURRENT_CHANNEL_ONLY' },
      { field: 'mediaConcurrencies.CHAT.concurrency', before: undefined, after: 2 },
      { field: 'mediaConcurrencies.CHAT.crossChannelBehavior', before: undefined, after: 'ROUTE_ANY_CHANNEL' },
      { field: 'queues.Queue02/CHAT.priority', before: undefined, after: 3 },
      { field: 'queues.Queue02/CHAT.delay', before: undefined, after: 15 },
      { field: 'tags.team', before: undefined, after: 'support' },
    ]);
  });

  it('leaves unstated optional fields and empty tags out of the create', () => {
    const change = changeFor(desired({ tags: {}, queues: [] }));
    expect(change.calls).toHaveLength(1);
    const input = (change.calls[0] as Extract<Call, { operation: 'CreateRoutingProfile' }>).input;
    expect(Object.keys(input)).toEqual(['InstanceId', 'Name', 'Description', 'DefaultOutboundQueueId', 'MediaConcurrencies']);
  });

  it('creates with 16 queues as Create with 10 and one Associate with 6', () => {
    const change = changeFor(desired({ queues: range(1, 16).map((n) => resolvedQueue(n)) }));
    const configs = range(1, 16).map((n) => ({ QueueReference: { QueueId: queueId(n), Channel: 'VOICE' }, Priority: 1, Delay: 0 }));
    expect(change.calls.map((c) => c.operation)).toEqual(['CreateRoutingProfile', 'AssociateRoutingProfileQueues']);
    expect(change.calls[0]?.input).toMatchObject({ QueueConfigs: configs.slice(0, 10) });
    expect(change.calls[1]).toEqual({
      operation: 'AssociateRoutingProfileQueues',
      input: { InstanceId: INSTANCE_ID, RoutingProfileId: CREATED_PROFILE_ID, QueueConfigs: configs.slice(10) },
    });
  });
});

describe('computePlan: update, one kind of change at a time', () => {
  const cases: { title: string; desired: ResolvedProfile; live: LiveProfile; calls: Call[] }[] = [
    {
      title: 'description only: name and description together',
      desired: desired({ description: 'Tier one' }),
      live: live(),
      calls: [{ operation: 'UpdateRoutingProfileName', input: { ...RP, Name: 'Tier1', Description: 'Tier one' } }],
    },
    {
      title: 'default outbound queue only',
      desired: desired({ defaultOutboundQueueId: queueId(7), defaultOutboundQueueName: 'Queue07' }),
      live: live(),
      calls: [{ operation: 'UpdateRoutingProfileDefaultOutboundQueue', input: { ...RP, DefaultOutboundQueueId: queueId(7) } }],
    },
    {
      title: 'default outbound queue given as ARN on one side and ID on the other: no change',
      desired: desired({ defaultOutboundQueueId: queueArn(queueId(1)) }),
      live: live(),
      calls: [],
    },
    {
      title: 'agent availability timer only',
      desired: desired({ agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' }),
      live: live(),
      calls: [{ operation: 'UpdateRoutingProfileAgentAvailabilityTimer', input: { ...RP, AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' } }],
    },
    {
      title: 'agent availability timer not stated: left alone whatever live says',
      desired: desired(),
      live: live({ agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' }),
      calls: [],
    },
    {
      title: 'concurrency changed: the full list, behaviours explicit',
      desired: desired({
        mediaConcurrencies: [
          { channel: 'CHAT', concurrency: 3, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
          { channel: 'VOICE', concurrency: 1 },
        ],
      }),
      live: live(),
      calls: [FULL_CONCURRENCY_CALL],
    },
    {
      title: 'crossChannelBehavior drifted while concurrency stays equal',
      desired: desired(),
      live: live({
        mediaConcurrencies: [
          { channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
          { channel: 'CHAT', concurrency: 2, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
        ],
      }),
      calls: [
        {
          operation: 'UpdateRoutingProfileConcurrency',
          input: {
            ...RP,
            MediaConcurrencies: [
              { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
              { Channel: 'CHAT', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
            ],
          },
        },
      ],
    },
    {
      title: 'absent behaviour live equals ROUTE_CURRENT_CHANNEL_ONLY desired',
      desired: desired({ mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' }] }),
      live: live({ mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1 }] }),
      calls: [],
    },
    {
      title: 'channel added',
      desired: desired({
        mediaConcurrencies: [
          { channel: 'VOICE', concurrency: 1 },
          { channel: 'CHAT', concurrency: 2, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
          { channel: 'TASK', concurrency: 5 },
        ],
      }),
      live: live(),
      calls: [
        {
          operation: 'UpdateRoutingProfileConcurrency',
          input: {
            ...RP,
            MediaConcurrencies: [
              { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
              { Channel: 'CHAT', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
              { Channel: 'TASK', Concurrency: 5, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
            ],
          },
        },
      ],
    },
    {
      title: 'channel removed',
      desired: desired({ mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1 }] }),
      live: live(),
      calls: [
        {
          operation: 'UpdateRoutingProfileConcurrency',
          input: { ...RP, MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } }] },
        },
      ],
    },
    {
      title: 'WorkloadTypeConcurrencies on live entries are carried over untouched',
      desired: desired({ mediaConcurrencies: withTaskAndEmail({ channel: 'TASK', concurrency: 5 }, { channel: 'EMAIL', concurrency: 2 }) }),
      live: liveWithWorkloadTypes(),
      calls: [
        {
          operation: 'UpdateRoutingProfileConcurrency',
          input: {
            ...RP,
            MediaConcurrencies: [
              { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
              {
                Channel: 'TASK',
                Concurrency: 5,
                CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' },
                // What live holds, in the plan's order (by name); no behaviour is added where live has none.
                WorkloadTypeConcurrencies: [
                  { WorkloadType: 'Billing', Concurrency: 1 },
                  { WorkloadType: 'Returns', Concurrency: 2, CrossChannelWorkloadBehavior: { ChannelWorkloadBehaviorType: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' } },
                ],
              },
              {
                Channel: 'EMAIL',
                Concurrency: 2,
                CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' },
                WorkloadTypeConcurrencies: [{ WorkloadType: 'Claims', Concurrency: 1 }],
              },
            ],
          },
        },
      ],
    },
    {
      title: 'queue priority changed: UpdateRoutingProfileQueues only, never remove and re-add',
      desired: desired({ queues: [resolvedQueue(2, 'VOICE', 1, 0), resolvedQueue(3, 'CHAT', 5, 30)] }),
      live: live({ queueConfigs: [liveQueue(3, 'CHAT', 2, 30), liveQueue(2, 'VOICE', 1, 0)] }),
      calls: [
        {
          operation: 'UpdateRoutingProfileQueues',
          input: { ...RP, QueueConfigs: [{ QueueReference: { QueueId: queueId(3), Channel: 'CHAT' }, Priority: 5, Delay: 30 }] },
        },
      ],
    },
    {
      title: 'queue added and another removed',
      desired: desired({ queues: [resolvedQueue(2), resolvedQueue(4, 'CHAT', 2, 10)] }),
      live: live({ queueConfigs: [liveQueue(2), liveQueue(3)] }),
      calls: [
        { operation: 'DisassociateRoutingProfileQueues', input: { ...RP, QueueReferences: [{ QueueId: queueId(3), Channel: 'VOICE' }] } },
        {
          operation: 'AssociateRoutingProfileQueues',
          input: { ...RP, QueueConfigs: [{ QueueReference: { QueueId: queueId(4), Channel: 'CHAT' }, Priority: 2, Delay: 10 }] },
        },
      ],
    },
    {
      title: 'same queue on another channel is another pair',
      desired: desired({ queues: [resolvedQueue(2, 'CHAT')] }),
      live: live({ queueConfigs: [liveQueue(2, 'VOICE')] }),
      calls: [
        { operation: 'DisassociateRoutingProfileQueues', input: { ...RP, QueueReferences: [{ QueueId: queueId(2), Channel: 'VOICE' }] } },
        {
          operation: 'AssociateRoutingProfileQueues',
          input: { ...RP, QueueConfigs: [{ QueueReference: { QueueId: queueId(2), Channel: 'CHAT' }, Priority: 1, Delay: 0 }] },
        },
      ],
    },
    {
      title: 'queues not stated: live queues left alone',
      desired: desired(),
      live: live({ queueConfigs: [liveQueue(2)], associatedQueueIds: [queueId(2)] }),
      calls: [],
    },
    {
      title: 'tags added, changed and removed; the aws: tag live is untouched',
      desired: desired({ tags: { team: 'support', cost: 'cc-2', new: 'yes' } }),
      live: live({ tags: { team: 'support', cost: 'cc-1', old: 'x', 'aws:cloudformation:stack-name': 'stack' } }),
      calls: [
        { operation: 'UntagResource', input: { resourceArn: ARN, tagKeys: ['old'] } },
        { operation: 'TagResource', input: { resourceArn: ARN, tags: { cost: 'cc-2', new: 'yes' } } },
      ],
    },
    {
      title: 'tags: {} removes every managed tag but not aws: ones',
      desired: desired({ tags: {} }),
      live: live({ tags: { b: '2', a: '1', 'aws:x': 'y' } }),
      calls: [{ operation: 'UntagResource', input: { resourceArn: ARN, tagKeys: ['a', 'b'] } }],
    },
    {
      title: 'tags not stated: live tags left alone',
      desired: desired(),
      live: live({ tags: { team: 'someone-else' } }),
      calls: [],
    },
  ];

  it.each(cases)('$title', ({ desired: d, live: l, calls }) => {
    const change = changeFor(d, l);
    expect(change.calls).toEqual(calls);
    expect(change.action).toBe(calls.length === 0 ? 'no-op' : 'update');
    expect(change.routingProfileId).toBe('rp-1');
    expect(change.diffs.length === 0).toBe(calls.length === 0);
  });

  it('removes 25 queues in 3 Disassociate batches (10, 10, 5)', () => {
    const change = changeFor(desired({ queues: [] }), live({ queueConfigs: range(1, 25).map((n) => liveQueue(n)) }));
    expect(change.calls.map((c) => c.operation)).toEqual(Array(3).fill('DisassociateRoutingProfileQueues'));
    const refs = change.calls.map((c) => (c as Extract<Call, { operation: 'DisassociateRoutingProfileQueues' }>).input.QueueReferences ?? []);
    expect(refs.map((r) => r.length)).toEqual([10, 10, 5]);
    expect(refs.flat().map((r) => r.QueueId)).toEqual(range(1, 25).map(queueId));
  });

  it('puts every kind of call of one change in CALL_ORDER', () => {
    const change = changeFor(
      desired({
        description: 'new',
        defaultOutboundQueueId: queueId(9),
        agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
        mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1 }],
        queues: [resolvedQueue(2, 'VOICE', 9), resolvedQueue(4)],
        tags: { a: '2' },
      }),
      live({ queueConfigs: [liveQueue(2), liveQueue(3)], tags: { a: '1', b: '1' } }),
    );
    expect(change.calls.map((c) => c.operation)).toEqual([
      'UpdateRoutingProfileName',
      'UpdateRoutingProfileDefaultOutboundQueue',
      'UpdateRoutingProfileAgentAvailabilityTimer',
      'UpdateRoutingProfileConcurrency',
      'DisassociateRoutingProfileQueues',
      'AssociateRoutingProfileQueues',
      'UpdateRoutingProfileQueues',
      'UntagResource',
      'TagResource',
    ]);
  });

  it('describes each differing field with before and after', () => {
    const change = changeFor(
      desired({ description: 'new', queues: [resolvedQueue(2, 'VOICE', 4)], tags: { a: '1' } }),
      live({ queueConfigs: [liveQueue(2), liveQueue(3)], tags: { b: '1', 'aws:x': 'y' } }),
    );
    expect(change.diffs.map(withoutPath)).toEqual([
      { field: 'description', before: 'Frontline agents', after: 'new' },
      { field: 'queues.Queue02/VOICE.priority', before: 1, after: 4 },
      { field: 'queues.Queue03/VOICE.priority', before: 1, after: undefined },
      { field: 'queues.Queue03/VOICE.delay', before: 0, after: undefined },
      { field: 'tags.a', before: undefined, after: '1' },
      { field: 'tags.b', before: '1', after: undefined },
    ]);
  });
});

describe('computePlan: the whole plan', () => {
  it('is a no-op with no calls when nothing differs', () => {
    const plan = computePlan([desired({ queues: [resolvedQueue(2)], tags: { a: '1' } })], state([live({ queueConfigs: [liveQueue(2)], tags: { a: '1', 'aws:z': 'q' } })]));
    expect(plan.changes).toEqual([{ action: 'no-op', name: 'Tier1', routingProfileId: 'rp-1', routingProfileArn: ARN, agents: 0, diffs: [], calls: [] }]);
    expect(plan.summary).toEqual({ create: 0, update: 0, delete: 0, noOp: 1, calls: 0, agents: 0 });
  });

  it('orders changes by name, leaves undeclared live profiles alone and counts the summary', () => {
    const plan = computePlan(
      [desired({ name: 'b' }), desired({ name: 'a', description: 'changed' }), desired({ name: 'c', queues: range(1, 11).map((n) => resolvedQueue(n)) })],
      state([live({ name: 'a' }), live({ name: 'b', routingProfileId: 'rp-2' }), live({ name: 'undeclared', routingProfileId: 'rp-9', described: false })]),
    );
    expect(plan.changes.map((c) => [c.name, c.action])).toEqual([
      ['a', 'update'],
      ['b', 'no-op'],
      ['c', 'create'],
    ]);
    expect(plan.summary).toEqual({ create: 1, update: 1, delete: 0, noOp: 1, calls: 3, agents: 0 });
    expect(plan.formatVersion).toBe(1);
    expect(plan.instanceId).toBe(INSTANCE_ID);
    expect(plan.liveFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('throws InternalError for a declared live profile that was not described', () => {
    expect(() => computePlan([desired()], state([live({ described: false })]))).toThrow(InternalError);
  });

  it('throws InternalError when queues are managed but the live queue configs were not listed', () => {
    expect(() => computePlan([desired({ queues: [] })], state([live()]))).toThrow(InternalError);
  });

  it('throws InternalError on duplicate desired names', () => {
    expect(() => computePlan([desired(), desired()], state([]))).toThrow(InternalError);
  });
});

/** Table rows state the one-string field; the structured path is checked by its own tests. */
function withoutPath(diff: Diff): Omit<Diff, 'path'> {
  const { path: _path, ...rest } = diff;
  return rest;
}
