// Manual-assignment queues and workload types (the newer parts of a routing profile): calls, batching, diffs,
// and the ownership rule (left out = left alone, `[]` = none).
import { describe, expect, it } from 'vitest';
import type { ResolvedProfile } from '../../src/desired/types.js';
import { InternalError } from '../../src/errors.js';
import type { LiveProfile } from '../../src/live/types.js';
import { computePlan } from '../../src/plan/planner.js';
import { type Call, CREATED_PROFILE_ID } from '../../src/plan/types.js';
import { changeFor, desired, INSTANCE_ID, live, liveManual, liveQueue, liveWithWorkloadTypes, queueId, queueName, range, resolvedManual, resolvedQueue, RP, state, withTaskAndEmail } from './fixtures.js';

const std = (n: number) => ({ QueueReference: { QueueId: queueId(n), Channel: 'VOICE' as const }, Priority: 1, Delay: 0 });
const manual = (n: number) => ({ QueueReference: { QueueId: queueId(n), Channel: 'CHAT' as const } });
const ref = (n: number, channel: 'VOICE' | 'CHAT') => ({ QueueId: queueId(n), Channel: channel });

describe('manual-assignment queues: batching (10 standard and 10 manual pairs a call)', () => {
  it('creates with 25 standard and 12 manual pairs: Create (10 + 10), Associate (10 + 2), Associate (5)', () => {
    const change = changeFor(desired({ queues: range(1, 25).map((n) => resolvedQueue(n)), manualAssignmentQueues: range(31, 42).map((n) => resolvedManual(n)) }));
    expect(change.action).toBe('create');
    expect(change.calls.map((c) => c.operation)).toEqual(['CreateRoutingProfile', 'AssociateRoutingProfileQueues', 'AssociateRoutingProfileQueues']);
    expect(change.calls[0]?.input).toMatchObject({ QueueConfigs: range(1, 10).map(std), ManualAssignmentQueueConfigs: range(31, 40).map(manual) });
    expect(change.calls.slice(1)).toEqual<Call[]>([
      {
        operation: 'AssociateRoutingProfileQueues',
        input: { InstanceId: INSTANCE_ID, RoutingProfileId: CREATED_PROFILE_ID, QueueConfigs: range(11, 20).map(std), ManualAssignmentQueueConfigs: range(41, 42).map(manual) },
      },
      { operation: 'AssociateRoutingProfileQueues', input: { InstanceId: INSTANCE_ID, RoutingProfileId: CREATED_PROFILE_ID, QueueConfigs: range(21, 25).map(std) } },
    ]);
    const manualDiffs = change.diffs.filter((d) => d.path[0] === 'manualAssignmentQueues');
    expect(manualDiffs).toHaveLength(12);
    expect(manualDiffs[0]).toEqual({
      field: 'manualAssignmentQueues.Queue31/CHAT',
      path: ['manualAssignmentQueues', { queueId: queueId(31), queue: queueName(31), channel: 'CHAT' }],
      before: undefined,
      after: true,
    });
  });

  it('creates with 12 manual pairs only: Create carries 10, one Associate carries 2 and no standard list', () => {
    const change = changeFor(desired({ manualAssignmentQueues: range(1, 12).map((n) => resolvedManual(n)) }));
    expect(change.calls[0]?.input).not.toHaveProperty('QueueConfigs');
    expect(change.calls[1]).toEqual({
      operation: 'AssociateRoutingProfileQueues',
      input: { InstanceId: INSTANCE_ID, RoutingProfileId: CREATED_PROFILE_ID, ManualAssignmentQueueConfigs: range(11, 12).map(manual) },
    });
  });

  it('associates 25 standard and 12 manual pairs on an existing profile as call i = pairs [10i, 10i+9] of each list', () => {
    const change = changeFor(
      desired({ queues: range(1, 25).map((n) => resolvedQueue(n)), manualAssignmentQueues: range(31, 42).map((n) => resolvedManual(n)) }),
      live({ queueConfigs: [], manualQueues: [] }),
    );
    expect(change.calls).toEqual<Call[]>([
      { operation: 'AssociateRoutingProfileQueues', input: { ...RP, QueueConfigs: range(1, 10).map(std), ManualAssignmentQueueConfigs: range(31, 40).map(manual) } },
      { operation: 'AssociateRoutingProfileQueues', input: { ...RP, QueueConfigs: range(11, 20).map(std), ManualAssignmentQueueConfigs: range(41, 42).map(manual) } },
      { operation: 'AssociateRoutingProfileQueues', input: { ...RP, QueueConfigs: range(21, 25).map(std) } },
    ]);
  });

  it('disassociates 25 standard and 12 manual pairs the same way (queues: [] and manualAssignmentQueues: [])', () => {
    const change = changeFor(
      desired({ queues: [], manualAssignmentQueues: [] }),
      live({ queueConfigs: range(1, 25).map((n) => liveQueue(n)), manualQueues: range(31, 42).map((n) => liveManual(n)) }),
    );
    expect(change.calls).toEqual<Call[]>([
      {
        operation: 'DisassociateRoutingProfileQueues',
        input: { ...RP, QueueReferences: range(1, 10).map((n) => ref(n, 'VOICE')), ManualAssignmentQueueReferences: range(31, 40).map((n) => ref(n, 'CHAT')) },
      },
      {
        operation: 'DisassociateRoutingProfileQueues',
        input: { ...RP, QueueReferences: range(11, 20).map((n) => ref(n, 'VOICE')), ManualAssignmentQueueReferences: range(41, 42).map((n) => ref(n, 'CHAT')) },
      },
      { operation: 'DisassociateRoutingProfileQueues', input: { ...RP, QueueReferences: range(21, 25).map((n) => ref(n, 'VOICE')) } },
    ]);
  });

  const cases: { title: string; desired: ResolvedProfile; live: LiveProfile; calls: Call[] }[] = [
    {
      title: 'one manual pair added and one removed: the standard lists are left out of the calls',
      desired: desired({ manualAssignmentQueues: [resolvedManual(2), resolvedManual(4, 'TASK')] }),
      live: live({ manualQueues: [liveManual(2), liveManual(3)], manualQueueCount: 2 }),
      calls: [
        { operation: 'DisassociateRoutingProfileQueues', input: { ...RP, ManualAssignmentQueueReferences: [ref(3, 'CHAT')] } },
        { operation: 'AssociateRoutingProfileQueues', input: { ...RP, ManualAssignmentQueueConfigs: [{ QueueReference: { QueueId: queueId(4), Channel: 'TASK' } }] } },
      ],
    },
    {
      title: 'a standard and a manual pair added share one Associate',
      desired: desired({ queues: [resolvedQueue(5)], manualAssignmentQueues: [resolvedManual(6)] }),
      live: live({ queueConfigs: [], manualQueues: [] }),
      calls: [{ operation: 'AssociateRoutingProfileQueues', input: { ...RP, QueueConfigs: [std(5)], ManualAssignmentQueueConfigs: [manual(6)] } }],
    },
    {
      title: 'the same queue as a standard and a manual pair are two independent memberships',
      desired: desired({ queues: [resolvedQueue(2, 'CHAT')], manualAssignmentQueues: [resolvedManual(2, 'CHAT')] }),
      live: live({ queueConfigs: [liveQueue(2, 'CHAT')], manualQueues: [liveManual(2, 'CHAT')] }),
      calls: [],
    },
    {
      title: 'manualAssignmentQueues left out: live manual queues are left alone',
      desired: desired(),
      live: live({ manualQueues: [liveManual(2)], manualQueueCount: 1 }),
      calls: [],
    },
    {
      title: 'manualAssignmentQueues: [] against none live (read without a call when the count is 0)',
      desired: desired({ manualAssignmentQueues: [] }),
      live: live({ manualQueues: [] }),
      calls: [],
    },
    {
      title: 'manual pairs in another order are the same pairs',
      desired: desired({ manualAssignmentQueues: [resolvedManual(3), resolvedManual(2, 'EMAIL'), resolvedManual(2)] }),
      live: live({ manualQueues: [liveManual(2), liveManual(3), liveManual(2, 'EMAIL')] }),
      calls: [],
    },
  ];

  it.each(cases)('$title', ({ desired: d, live: l, calls }) => {
    const change = changeFor(d, l);
    expect(change.calls).toEqual(calls);
    expect(change.action).toBe(calls.length === 0 ? 'no-op' : 'update');
  });

  it('diffs name each manual pair with true before, after, or both', () => {
    const change = changeFor(desired({ manualAssignmentQueues: [resolvedManual(2), resolvedManual(4)] }), live({ manualQueues: [liveManual(2), liveManual(3)] }));
    expect(change.diffs).toEqual([
      { field: 'manualAssignmentQueues.Queue03/CHAT', path: ['manualAssignmentQueues', { queueId: queueId(3), queue: queueName(3), channel: 'CHAT' }], before: true, after: undefined },
      { field: 'manualAssignmentQueues.Queue04/CHAT', path: ['manualAssignmentQueues', { queueId: queueId(4), queue: queueName(4), channel: 'CHAT' }], before: undefined, after: true },
    ]);
  });

  it('throws InternalError when manual queues are managed but were not listed', () => {
    expect(() => computePlan([desired({ manualAssignmentQueues: [] })], state([live()]))).toThrow(InternalError);
  });
});

describe('workload types: managed when stated, kept when not', () => {
  const liveWithWorkload = liveWithWorkloadTypes();
  const sameTask = {
    channel: 'TASK' as const,
    concurrency: 4,
    workloadTypes: [
      { workloadType: 'Billing', concurrency: 1, crossChannelWorkloadBehavior: 'ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY' as const },
      { workloadType: 'Returns', concurrency: 2, crossChannelWorkloadBehavior: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' as const },
    ],
  };

  it('is in sync when the stated list equals live up to order and the default behaviour', () => {
    expect(changeFor(desired({ mediaConcurrencies: withTaskAndEmail(sameTask, { channel: 'EMAIL', concurrency: 2 }) }), liveWithWorkload).action).toBe('no-op');
  });

  it('sends a changed list for the channel that states it and carries the other channel untouched', () => {
    const change = changeFor(
      desired({
        mediaConcurrencies: withTaskAndEmail(
          { ...sameTask, workloadTypes: [{ workloadType: 'Billing', concurrency: 3, crossChannelWorkloadBehavior: 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY' }] },
          { channel: 'EMAIL', concurrency: 2 },
        ),
      }),
      liveWithWorkload,
    );
    expect(change.calls).toEqual<Call[]>([
      {
        operation: 'UpdateRoutingProfileConcurrency',
        input: {
          ...RP,
          MediaConcurrencies: [
            { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
            {
              Channel: 'TASK',
              Concurrency: 4,
              CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' },
              WorkloadTypeConcurrencies: [{ WorkloadType: 'Billing', Concurrency: 3, CrossChannelWorkloadBehavior: { ChannelWorkloadBehaviorType: 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY' } }],
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
    ]);
    expect(change.diffs).toEqual([
      { field: 'mediaConcurrencies.TASK.workloadTypes.Billing.concurrency', path: ['mediaConcurrencies', 'TASK', 'workloadTypes', 'Billing', 'concurrency'], before: 1, after: 3 },
      {
        field: 'mediaConcurrencies.TASK.workloadTypes.Billing.crossChannelWorkloadBehavior',
        path: ['mediaConcurrencies', 'TASK', 'workloadTypes', 'Billing', 'crossChannelWorkloadBehavior'],
        before: 'ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY',
        after: 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY',
      },
      { field: 'mediaConcurrencies.TASK.workloadTypes.Returns.concurrency', path: ['mediaConcurrencies', 'TASK', 'workloadTypes', 'Returns', 'concurrency'], before: 2, after: undefined },
      {
        field: 'mediaConcurrencies.TASK.workloadTypes.Returns.crossChannelWorkloadBehavior',
        path: ['mediaConcurrencies', 'TASK', 'workloadTypes', 'Returns', 'crossChannelWorkloadBehavior'],
        before: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE',
        after: undefined,
      },
    ]);
  });

  it('workloadTypes: [] removes them all: the channel is sent without the member', () => {
    const change = changeFor(desired({ mediaConcurrencies: withTaskAndEmail({ ...sameTask, workloadTypes: [] }, { channel: 'EMAIL', concurrency: 2, workloadTypes: [] }) }), liveWithWorkload);
    const input = (change.calls[0] as Extract<Call, { operation: 'UpdateRoutingProfileConcurrency' }>).input;
    expect(input.MediaConcurrencies.map((m) => 'WorkloadTypeConcurrencies' in m)).toEqual([false, false, false]);
    expect(change.diffs.map((d) => d.field)).toEqual([
      'mediaConcurrencies.TASK.workloadTypes.Billing.concurrency',
      'mediaConcurrencies.TASK.workloadTypes.Billing.crossChannelWorkloadBehavior',
      'mediaConcurrencies.TASK.workloadTypes.Returns.concurrency',
      'mediaConcurrencies.TASK.workloadTypes.Returns.crossChannelWorkloadBehavior',
      'mediaConcurrencies.EMAIL.workloadTypes.Claims.concurrency',
      'mediaConcurrencies.EMAIL.workloadTypes.Claims.crossChannelWorkloadBehavior',
    ]);
  });

  it('left out: a live change to them is no diff', () => {
    expect(changeFor(desired({ mediaConcurrencies: withTaskAndEmail({ channel: 'TASK', concurrency: 4 }, { channel: 'EMAIL', concurrency: 2 }) }), liveWithWorkload).action).toBe('no-op');
  });

  it('a create sends stated workload types with explicit behaviours, and lists them as diffs', () => {
    const change = changeFor(desired({ mediaConcurrencies: withTaskAndEmail(sameTask, { channel: 'EMAIL', concurrency: 2, workloadTypes: [] }) }));
    expect((change.calls[0] as Extract<Call, { operation: 'CreateRoutingProfile' }>).input.MediaConcurrencies).toEqual([
      { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
      {
        Channel: 'TASK',
        Concurrency: 4,
        CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' },
        WorkloadTypeConcurrencies: [
          { WorkloadType: 'Billing', Concurrency: 1, CrossChannelWorkloadBehavior: { ChannelWorkloadBehaviorType: 'ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY' } },
          { WorkloadType: 'Returns', Concurrency: 2, CrossChannelWorkloadBehavior: { ChannelWorkloadBehaviorType: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' } },
        ],
      },
      { Channel: 'EMAIL', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
    ]);
    expect(change.diffs.filter((d) => d.path[2] === 'workloadTypes').map((d) => [d.field, d.after])).toEqual([
      ['mediaConcurrencies.TASK.workloadTypes.Billing.concurrency', 1],
      ['mediaConcurrencies.TASK.workloadTypes.Billing.crossChannelWorkloadBehavior', 'ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY'],
      ['mediaConcurrencies.TASK.workloadTypes.Returns.concurrency', 2],
      ['mediaConcurrencies.TASK.workloadTypes.Returns.crossChannelWorkloadBehavior', 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE'],
    ]);
  });
});
