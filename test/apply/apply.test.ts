import { describe, expect, it } from 'vitest';
import { createLiveReader } from '../../src/connect/reader.js';
import { PacedTransport } from '../../src/connect/transport.js';
import { createConnectWriter } from '../../src/connect/writer.js';
import { applyPlan, OVER_QUOTA } from '../../src/apply/apply.js';
import { DEFAULT_CONSISTENCY_TIMEOUT_MS } from '../../src/apply/consistency.js';
import { CREATED_PROFILE_ARN, CREATED_PROFILE_ID, type Call, type Change, type Plan, type QueueConfigInput } from '../../src/plan/types.js';
import { connectionRefused, FakeConnect, INSTANCE, networkReset, sdkError } from '../connect/support/fake-connect.js';
import { VirtualClock } from '../connect/support/virtual-clock.js';

const qc = (QueueId: string, Priority = 1): QueueConfigInput => ({ QueueReference: { QueueId, Channel: 'VOICE' }, Priority, Delay: 0 });

function createChange(name: string, queueIds: string[] = []): Change {
  const first = queueIds.slice(0, 10).map((q) => qc(q));
  const rest = queueIds.slice(10);
  const calls: Call[] = [
    {
      operation: 'CreateRoutingProfile',
      input: {
        InstanceId: INSTANCE,
        Name: name,
        Description: 'created',
        DefaultOutboundQueueId: 'q-basic',
        MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }],
        ...(first.length ? { QueueConfigs: first } : {}),
      },
    },
  ];
  for (let i = 0; i < rest.length; i += 10) {
    calls.push({ operation: 'AssociateRoutingProfileQueues', input: { InstanceId: INSTANCE, RoutingProfileId: CREATED_PROFILE_ID, QueueConfigs: rest.slice(i, i + 10).map((q) => qc(q)) } });
  }
  calls.push({ operation: 'UpdateRoutingProfileAgentAvailabilityTimer', input: { InstanceId: INSTANCE, RoutingProfileId: CREATED_PROFILE_ID, AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' } });
  calls.push({ operation: 'TagResource', input: { resourceArn: CREATED_PROFILE_ARN, tags: { team: 'x' } } });
  return { action: 'create', agents: 0, name, diffs: [], calls };
}

function updateChange(name: string, id: string, description: string): Change {
  return {
    action: 'update', agents: 0,
    name,
    routingProfileId: id,
    diffs: [{ field: 'description', path: ['description'], before: 'd', after: description }],
    calls: [
      { operation: 'UpdateRoutingProfileName', input: { InstanceId: INSTANCE, RoutingProfileId: id, Name: name, Description: description } },
      { operation: 'UpdateRoutingProfileConcurrency', input: { InstanceId: INSTANCE, RoutingProfileId: id, MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }] } },
    ],
  };
}

function plan(changes: Change[]): Plan {
  const calls = changes.reduce((n, c) => n + c.calls.length, 0);
  return {
    formatVersion: 1,
    instanceId: INSTANCE,
    changes,
    prune: false, unmanaged: [], warnings: [], problems: [], summary: { create: changes.filter((c) => c.action === 'create').length, update: changes.filter((c) => c.action === 'update').length, delete: 0, agents: 0, noOp: changes.filter((c) => c.action === 'no-op').length, calls },
    liveFingerprint: 'x',
  };
}

function setup() {
  const fake = new FakeConnect();
  fake.addQueue('Basic');
  for (let i = 1; i <= 25; i++) fake.addQueue(`Q${i}`);
  const clock = new VirtualClock();
  const transport = new PacedTransport(fake, { clock, random: () => 0 });
  return { fake, clock, transport, writer: createConnectWriter(transport), reader: createLiveReader(transport) };
}

const queueIds = (n: number) => Array.from({ length: n }, (_, i) => `q-q${i + 1}`);

describe('applyPlan', () => {
  it('sends exactly the planned calls, in order, substituting the created ID and ARN', async () => {
    const { fake, clock, writer, reader } = setup();
    const result = await applyPlan(plan([createChange('New', queueIds(25))]), writer, reader, { clock });
    expect(fake.ops()).toEqual([
      'CreateRoutingProfile',
      'AssociateRoutingProfileQueues',
      'AssociateRoutingProfileQueues',
      'UpdateRoutingProfileAgentAvailabilityTimer',
      'TagResource',
    ]);
    const created = fake.profileByName('New');
    expect(created?.queues).toHaveLength(25);
    expect(fake.log[1]?.input.RoutingProfileId).toBe(created?.id);
    expect(fake.log[4]?.input.resourceArn).toBe(`arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE}/routing-profile/${created?.id}`);
    expect(created?.tags).toEqual({ team: 'x' });
    expect(result.interrupted).toBe(false);
    expect(result.changes).toEqual([
      { name: 'New', action: 'create', routingProfileId: created?.id, outcome: 'done', calls: expect.arrayContaining([expect.objectContaining({ status: 'done' })]) },
    ]);
    expect(result.changes[0]?.calls.every((c) => c.status === 'done')).toBe(true);
  });

  it('reports no-op changes as unchanged and sends nothing for them', async () => {
    const { fake, writer, reader } = setup();
    const result = await applyPlan(plan([{ action: 'no-op', agents: 0, name: 'Same', routingProfileId: 'rp-9', diffs: [], calls: [] }]), writer, reader);
    expect(fake.log).toEqual([]);
    expect(result.changes[0]).toEqual({ name: 'Same', action: 'no-op', routingProfileId: 'rp-9', outcome: 'unchanged', calls: [] });
  });

  it('adopts on DuplicateResourceException (waiting for Search), then associates only what is missing', async () => {
    const { fake, clock, writer, reader } = setup();
    // Our first attempt did go through (lost answer), with the first 10 pairs and 3 of the next batch already there.
    const existing = fake.addProfile({
      name: 'New',
      queues: [...queueIds(13)].map((queueId) => ({ queueId, channel: 'VOICE', priority: 1, delay: 0 })),
      hiddenFromSearch: 2,
    });
    const result = await applyPlan(plan([createChange('New', queueIds(25))]), writer, reader, { clock });
    const change = result.changes[0];
    // Counted and labelled as adopted, not as created: the profile already existed.
    expect(change?.outcome).toBe('adopted');
    expect(change?.calls[0]).toMatchObject({ status: 'adopted', routingProfileId: existing.id });
    expect(fake.count('CreateRoutingProfile')).toBe(1);
    // Search lagged twice, then showed it.
    expect(fake.count('SearchRoutingProfiles')).toBe(3);
    const associates = fake.log.filter((l) => l.operation === 'AssociateRoutingProfileQueues');
    expect(associates.map((a) => (a.input.QueueConfigs as unknown[]).length)).toEqual([7, 5]);
    expect(change?.calls[1]).toMatchObject({ status: 'done', note: expect.stringContaining('3 of 10') });
    expect(existing.queues).toHaveLength(25);
    expect(existing.tags).toEqual({ team: 'x' });
  });

  it('reconciles a create whose answer was lost: re-reads, adopts, and never creates twice', async () => {
    const { fake, clock, writer, reader } = setup();
    fake.faults = [{ operation: 'CreateRoutingProfile', error: networkReset, afterCommit: true }];
    const result = await applyPlan(plan([createChange('New', queueIds(12))]), writer, reader, { clock });
    expect(fake.count('CreateRoutingProfile')).toBe(1);
    expect(result.changes[0]?.calls.map((c) => c.status)).toEqual(['adopted', 'done', 'done', 'done']);
    expect(fake.profileByName('New')?.queues).toHaveLength(12);
  });

  it('after a lost create answer that Search does not show yet, resends: the duplicate answer leads to adoption', async () => {
    const { fake, clock, writer, reader } = setup();
    fake.searchLagCalls = 1;
    fake.faults = [{ operation: 'CreateRoutingProfile', error: networkReset, afterCommit: true }];
    const result = await applyPlan(plan([createChange('New')]), writer, reader, { clock });
    expect(fake.ops().slice(0, 4)).toEqual(['CreateRoutingProfile', 'SearchRoutingProfiles', 'CreateRoutingProfile', 'SearchRoutingProfiles']);
    expect([...fake.profiles.values()].filter((p) => p.name === 'New')).toHaveLength(1);
    expect(result.changes[0]?.outcome).toBe('adopted');
    expect(result.changes[0]?.calls[0]?.status).toBe('adopted');
  });

  it('reconciles an Associate whose answer was lost by re-listing, without failing on its own success', async () => {
    const { fake, clock, writer, reader } = setup();
    const p = fake.addProfile({ name: 'Existing' });
    fake.faults = [{ operation: 'AssociateRoutingProfileQueues', error: networkReset, afterCommit: true }];
    const change: Change = {
      action: 'update', agents: 0,
      name: 'Existing',
      routingProfileId: p.id,
      diffs: [],
      calls: [
        { operation: 'AssociateRoutingProfileQueues', input: { InstanceId: INSTANCE, RoutingProfileId: p.id, QueueConfigs: queueIds(3).map((q) => qc(q)) } },
        { operation: 'UpdateRoutingProfileQueues', input: { InstanceId: INSTANCE, RoutingProfileId: p.id, QueueConfigs: [qc('q-q1', 5)] } },
      ],
    };
    const result = await applyPlan(plan([change]), writer, reader, { clock });
    expect(fake.ops()).toEqual(['AssociateRoutingProfileQueues', 'ListRoutingProfileQueues', 'UpdateRoutingProfileQueues']);
    expect(result.changes[0]?.calls[0]).toMatchObject({ status: 'done', note: expect.stringContaining('answer was lost') });
    expect(p.queues.map((q) => q.priority)).toEqual([5, 1, 1]);
  });

  it('sends only the missing pairs when an Associate retry meets pairs that are already there', async () => {
    const { fake, clock, writer, reader } = setup();
    const p = fake.addProfile({ name: 'Existing', queues: [{ queueId: 'q-q1', channel: 'VOICE', priority: 1, delay: 0 }] });
    const change: Change = {
      action: 'update', agents: 0,
      name: 'Existing',
      routingProfileId: p.id,
      diffs: [],
      calls: [{ operation: 'AssociateRoutingProfileQueues', input: { InstanceId: INSTANCE, RoutingProfileId: p.id, QueueConfigs: queueIds(3).map((q) => qc(q)) } }],
    };
    const result = await applyPlan(plan([change]), writer, reader, { clock });
    expect(fake.ops()).toEqual(['AssociateRoutingProfileQueues', 'ListRoutingProfileQueues', 'AssociateRoutingProfileQueues']);
    expect(result.changes[0]?.calls[0]).toMatchObject({ status: 'done', note: expect.stringContaining('2 missing') });
    expect(p.queues).toHaveLength(3);
  });

  it('still reports a genuine Associate refusal', async () => {
    const { fake, clock, writer, reader } = setup();
    const p = fake.addProfile({ name: 'Existing' });
    fake.faults = [{ operation: 'AssociateRoutingProfileQueues', error: () => sdkError('InvalidParameterException', 400, 'Queue does not exist') }];
    const change: Change = {
      action: 'update', agents: 0,
      name: 'Existing',
      routingProfileId: p.id,
      diffs: [],
      calls: [{ operation: 'AssociateRoutingProfileQueues', input: { InstanceId: INSTANCE, RoutingProfileId: p.id, QueueConfigs: [qc('q-nope')] } }],
    };
    const result = await applyPlan(plan([change]), writer, reader, { clock });
    expect(result.changes[0]?.outcome).toBe('failed');
    expect(result.changes[0]?.calls[0]).toMatchObject({ status: 'failed', errorName: 'InvalidParameterException' });
  });

  it('waits out ResourceNotFoundException on follow-up calls after its own create', async () => {
    const { fake, clock, writer, reader } = setup();
    fake.notFoundAfterCreate = 3;
    const result = await applyPlan(plan([createChange('New')]), writer, reader, { clock });
    expect(result.changes[0]?.outcome).toBe('done');
    expect(fake.count('UpdateRoutingProfileAgentAvailabilityTimer')).toBe(4);
    expect(clock.now()).toBeLessThan(DEFAULT_CONSISTENCY_TIMEOUT_MS);
  });

  it('reports clearly when the new profile stays invisible past the bound', async () => {
    const { fake, clock, writer, reader } = setup();
    fake.notFoundAfterCreate = 1_000;
    const result = await applyPlan(plan([createChange('New')]), writer, reader, { clock, consistencyTimeoutMs: 10_000 });
    const calls = result.changes[0]?.calls ?? [];
    expect(calls.map((c) => c.status)).toEqual(['done', 'failed', 'skipped']);
    expect(calls[1]).toMatchObject({ errorName: 'ResourceNotFoundException', message: expect.stringContaining('eventual consistency') });
    expect(clock.now()).toBeGreaterThanOrEqual(10_000);
    expect(clock.now()).toBeLessThan(20_000);
  });

  it('does not wait on ResourceNotFoundException for a profile it did not create', async () => {
    const { fake, clock, writer, reader } = setup();
    const result = await applyPlan(plan([updateChange('Gone', 'rp-missing', 'x')]), writer, reader, { clock });
    expect(fake.count('UpdateRoutingProfileName')).toBe(1);
    expect(result.changes[0]?.calls.map((c) => c.status)).toEqual(['failed', 'skipped']);
  });

  it('on a failure stops that profile and carries on with the others', async () => {
    const { fake, clock, writer, reader } = setup();
    const a = fake.addProfile({ name: 'A' });
    const b = fake.addProfile({ name: 'B' });
    fake.faults = [{ operation: 'UpdateRoutingProfileName', error: () => sdkError('AccessDeniedException', 403, 'not authorized') }];
    const result = await applyPlan(plan([updateChange('A', a.id, 'new A'), updateChange('B', b.id, 'new B'), createChange('C')]), writer, reader, {
      clock,
      concurrency: 1,
    });
    const [ra, rb, rc] = result.changes;
    expect(ra?.outcome).toBe('failed');
    expect(ra?.calls[0]).toMatchObject({ status: 'failed', errorName: 'AccessDeniedException', hint: expect.stringContaining('connect:UpdateRoutingProfileName') });
    expect(ra?.calls[1]).toMatchObject({ status: 'skipped', reason: expect.stringContaining('UpdateRoutingProfileName failed') });
    expect(rb?.outcome).toBe('done');
    expect(rc?.outcome).toBe('done');
    expect(b.description).toBe('new B');
    expect(a.description).toBe('d');
    expect(fake.count('UpdateRoutingProfileConcurrency')).toBe(1);
  });

  it('a plan that peaks above the profile quota: no create is sent, updates are, deletes wait for the creates', async () => {
    const { fake, clock, writer, reader } = setup();
    const a = fake.addProfile({ name: 'A' });
    const old = fake.addProfile({ name: 'Old' });
    const retire: Change = { action: 'delete', agents: 0, name: 'Old', routingProfileId: old.id, diffs: [], calls: [{ operation: 'DeleteRoutingProfile', input: { InstanceId: INSTANCE, RoutingProfileId: old.id } }] };
    const overQuota: Plan = {
      ...plan([createChange('C'), updateChange('A', a.id, 'new A'), createChange('D'), retire]),
      problems: [{ kind: 'profile-quota', message: 'the plan creates 2 routing profiles beside 500 live: 502 at the peak' }],
    };
    const result = await applyPlan(overQuota, writer, reader, { clock });
    expect(fake.ops()).toEqual(['UpdateRoutingProfileName', 'UpdateRoutingProfileConcurrency']);
    expect(result.changes.map((c) => [c.name, c.outcome])).toEqual([
      ['C', 'skipped'],
      ['A', 'done'],
      ['D', 'skipped'],
      ['Old', 'skipped'],
    ]);
    expect(result.changes[0]?.calls.map((o) => o.status === 'skipped' && o.reason)).toEqual(Array(3).fill(OVER_QUOTA));
    expect(result.changes[3]?.calls[0]).toMatchObject({ status: 'skipped', reason: expect.stringContaining('deletes run only when every create and update succeeded, and 2 did not ("C", "D")') });
    expect(fake.profiles.size).toBe(2);
  });

  it('interrupted: the call in flight finishes, nothing more is sent, the rest is skipped', async () => {
    const { fake, clock, writer, reader } = setup();
    const a = fake.addProfile({ name: 'A' });
    const b = fake.addProfile({ name: 'B' });
    const controller = new AbortController();
    const originalSend = fake.send.bind(fake);
    fake.send = async (command) => {
      const out = await originalSend(command);
      controller.abort();
      return out;
    };
    const result = await applyPlan(plan([updateChange('A', a.id, 'x'), updateChange('B', b.id, 'y')]), writer, reader, {
      clock,
      concurrency: 1,
      signal: controller.signal,
    });
    expect(fake.ops()).toEqual(['UpdateRoutingProfileName']);
    expect(a.description).toBe('x');
    expect(result.interrupted).toBe(true);
    expect(result.changes.map((c) => c.calls.map((o) => o.status))).toEqual([
      ['done', 'skipped'],
      ['skipped', 'skipped'],
    ]);
    expect(result.changes[1]?.calls[0]).toMatchObject({ reason: expect.stringContaining('interrupted') });
  });

  it('runs independent changes concurrently', async () => {
    const fake = new FakeConnect();
    const ids = Array.from({ length: 4 }, (_, i) => fake.addProfile({ name: `P${i}` }).id);
    let inFlight = 0;
    let peak = 0;
    const originalSend = fake.send.bind(fake);
    fake.send = async (command) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return originalSend(command);
    };
    const transport = new PacedTransport(fake, { quotas: { UpdateRoutingProfileName: { ratePerSecond: 100, burst: 100 }, UpdateRoutingProfileConcurrency: { ratePerSecond: 100, burst: 100 } } });
    const result = await applyPlan(plan(ids.map((id, i) => updateChange(`P${i}`, id, 'x'))), createConnectWriter(transport), createLiveReader(transport));
    expect(result.changes.every((c) => c.outcome === 'done')).toBe(true);
    expect(peak).toBeGreaterThan(1);
  });

  it('a lost create answer, then Connect unreachable: failed as "may or may not have taken effect", never "not sent"', async () => {
    const { fake, clock, writer, reader } = setup();
    fake.faults = [
      { operation: 'CreateRoutingProfile', error: networkReset, afterCommit: true },
      { operation: 'SearchRoutingProfiles', error: connectionRefused },
    ];
    const result = await applyPlan(plan([createChange('New'), updateChange('Other', 'rp-x', 'x')]), writer, reader, { clock, concurrency: 1 });
    expect(result.unreachable).toBe(true);
    expect(result.changes[0]?.calls[0]).toMatchObject({ status: 'failed', errorName: 'ECONNRESET', message: expect.stringContaining('may or may not have taken effect') });
    expect(result.changes[0]?.calls.slice(1).map((c) => c.status)).toEqual(['skipped', 'skipped']);
    // The independent profile is not sent either: Connect is gone.
    expect(result.changes[1]).toMatchObject({ outcome: 'skipped', calls: [{ status: 'skipped', reason: 'not sent: Connect is unreachable (ECONNREFUSED)' }, { status: 'skipped' }] });
    expect(fake.ops()).toEqual(['CreateRoutingProfile', 'SearchRoutingProfiles']);
  });

  it('a lost Associate answer, then Connect unreachable while re-listing: failed with the lost answer', async () => {
    const { fake, clock, writer, reader } = setup();
    const p = fake.addProfile({ name: 'Existing' });
    fake.faults = [
      { operation: 'AssociateRoutingProfileQueues', error: networkReset, afterCommit: true },
      { operation: 'ListRoutingProfileQueues', error: connectionRefused },
    ];
    const change: Change = {
      action: 'update',
      agents: 0,
      name: 'Existing',
      routingProfileId: p.id,
      diffs: [],
      calls: [{ operation: 'AssociateRoutingProfileQueues', input: { InstanceId: INSTANCE, RoutingProfileId: p.id, QueueConfigs: queueIds(2).map((q) => qc(q)) } }],
    };
    const result = await applyPlan(plan([change]), writer, reader, { clock });
    expect(result.unreachable).toBe(true);
    expect(result.changes[0]).toMatchObject({
      outcome: 'failed',
      calls: [{ status: 'failed', errorName: 'ECONNRESET', message: expect.stringContaining('may or may not have taken effect') }],
    });
    // The re-list could not be done, so nothing was sent again.
    expect(fake.ops()).toEqual(['AssociateRoutingProfileQueues', 'ListRoutingProfileQueues']);
  });
});
