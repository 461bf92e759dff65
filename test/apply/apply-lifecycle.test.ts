// Apply against the emulator over HTTP (real SDK): manual-assignment pairs reconciled after a lost answer,
// adopted creates, deletes last and only after every create and update succeeded, blocked changes, and a
// Connect that goes away mid-apply. Each test asserts what reached the emulator (its request log) and the report.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubFakeCredentials } from '../reliability/support.js';
import { applyPlan, DEFAULT_APPLY_CONCURRENCY } from '../../src/apply/apply.js';
import { verifyApply } from '../../src/apply/verify.js';
import { createConnectClient } from '../../src/connect/client.js';
import { createLiveReader } from '../../src/connect/reader.js';
import { createConnectWriter } from '../../src/connect/writer.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.js';
import { startSeeded } from './support.js';
import { CREATED_PROFILE_ID, type Call, type Change, type Plan, type QueueReferenceInput } from '../../src/plan/types.js';

const QUEUES = ['Basic', ...Array.from({ length: 14 }, (_, i) => `Q${i + 1}`)];

let emu: RunningEmulator;
const destroy: (() => void)[] = [];

beforeEach(() => {
  stubFakeCredentials();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  for (const d of destroy.splice(0)) d();
  await emu?.close();
});

async function start(profiles: string[], options: Omit<EmulatorOptions, 'seed'> = {}) {
  const seeded = await startSeeded(QUEUES, profiles, options);
  emu = seeded.emu;
  return seeded;
}

function connect(options: Parameters<typeof createConnectClient>[0] = {}) {
  const client = createConnectClient({ region: emu.region, endpoint: emu.endpoint, ...options });
  destroy.push(() => client.destroy());
  return { reader: createLiveReader(client), writer: createConnectWriter(client) };
}

function planOf(changes: Change[]): Plan {
  return {
    formatVersion: 1,
    instanceId: emu.instanceId,
    changes,
    prune: true,
    unmanaged: [],
    warnings: [],
    problems: [],
    summary: { create: 0, update: 0, delete: 0, agents: 0, noOp: 0, calls: changes.reduce((n, c) => n + c.calls.length, 0) },
    liveFingerprint: 'x',
  };
}

const ref = (QueueId: string, Channel: QueueReferenceInput['Channel'] = 'CHAT'): QueueReferenceInput => ({ QueueId, Channel });

function update(name: string, id: string, calls: Call[]): Change {
  return { action: 'update', agents: 0, name, routingProfileId: id, diffs: [], calls };
}

function rename(name: string, id: string, description: string): Change {
  return update(name, id, [{ operation: 'UpdateRoutingProfileName', input: { InstanceId: emu.instanceId, RoutingProfileId: id, Name: name, Description: description } }]);
}

function deletion(name: string, id: string): Change {
  return {
    action: 'delete',
    agents: 0,
    name,
    routingProfileId: id,
    diffs: [{ field: 'name', path: ['name'], before: name, after: null }],
    calls: [{ operation: 'DeleteRoutingProfile', input: { InstanceId: emu.instanceId, RoutingProfileId: id } }],
  };
}

const ops = () => emu.requestLog.map((e) => e.operation);
const profileNamed = (name: string) => emu.snapshot().profiles.find((p) => p.name === name);
const manualPairs = (name: string) => (profileNamed(name)?.manualAssignmentQueues ?? []).map((m) => `${m.queueId}/${m.channel}`).sort();

describe('manual-assignment pairs', () => {
  it('an Associate carrying both lists whose answer was lost is re-listed (both lists) and not resent', async () => {
    const ids = await start(['A'], { faults: { dropAfterCommitRate: 1, dropAfterCommitOperations: ['AssociateRoutingProfileQueues'] } });
    const { reader, writer } = connect();
    const call: Call = {
      operation: 'AssociateRoutingProfileQueues',
      input: {
        InstanceId: emu.instanceId,
        RoutingProfileId: ids.profileId('A'),
        QueueConfigs: [{ QueueReference: ref(ids.queueId('Q1'), 'VOICE'), Priority: 1, Delay: 0 }],
        ManualAssignmentQueueConfigs: [{ QueueReference: ref(ids.queueId('Q2')) }, { QueueReference: ref(ids.queueId('Q3')) }],
      },
    };
    const result = await applyPlan(planOf([update('A', ids.profileId('A'), [call])]), writer, reader);

    expect(ops().sort()).toEqual(['AssociateRoutingProfileQueues', 'ListRoutingProfileManualAssignmentQueues', 'ListRoutingProfileQueues']);
    expect(result.changes[0]).toMatchObject({ action: 'update', outcome: 'done', calls: [{ status: 'done', note: expect.stringContaining('answer was lost') }] });
    expect(manualPairs('A')).toEqual([`${ids.queueId('Q2')}/CHAT`, `${ids.queueId('Q3')}/CHAT`].sort());
  });

  it('an Associate refused because some manual pairs are already there sends only the missing ones', async () => {
    const ids = await start(['A']);
    const { reader, writer } = connect();
    const id = ids.profileId('A');
    const add = (queues: string[]): Call => ({
      operation: 'AssociateRoutingProfileQueues',
      input: { InstanceId: emu.instanceId, RoutingProfileId: id, ManualAssignmentQueueConfigs: queues.map((q) => ({ QueueReference: ref(ids.queueId(q)) })) },
    });
    // Q1 is already a manual queue of A (a lost answer of an earlier run, say).
    await applyPlan(planOf([update('A', id, [add(['Q1'])])]), writer, reader);
    emu.clearRequestLog();

    const result = await applyPlan(planOf([update('A', id, [add(['Q1', 'Q2', 'Q3'])])]), writer, reader);
    const associates = emu.requestLog.filter((e) => e.operation === 'AssociateRoutingProfileQueues');
    expect(associates.map((e) => e.status)).toEqual([400, 200]);
    expect(associates[1]?.input).toEqual({
      InstanceId: emu.instanceId,
      RoutingProfileId: id,
      ManualAssignmentQueueConfigs: [{ QueueReference: ref(ids.queueId('Q2')) }, { QueueReference: ref(ids.queueId('Q3')) }],
    });
    // Only the list the call carried is re-read.
    expect(ops()).not.toContain('ListRoutingProfileQueues');
    expect(result.changes[0]?.calls[0]).toMatchObject({ status: 'done', note: expect.stringContaining('sent the 2 missing pairs') });
    expect(manualPairs('A')).toEqual(['Q1', 'Q2', 'Q3'].map((q) => `${ids.queueId(q)}/CHAT`).sort());
  });

  it('a Disassociate of manual pairs whose answer was lost is re-listed and found done', async () => {
    const ids = await start(['A']);
    const { reader, writer } = connect();
    const id = ids.profileId('A');
    await applyPlan(
      planOf([update('A', id, [{ operation: 'AssociateRoutingProfileQueues', input: { InstanceId: emu.instanceId, RoutingProfileId: id, ManualAssignmentQueueConfigs: [{ QueueReference: ref(ids.queueId('Q1')) }] } }])]),
      writer,
      reader,
    );
    emu.setFaults({ dropAfterCommitRate: 1, dropAfterCommitOperations: ['DisassociateRoutingProfileQueues'] });
    emu.clearRequestLog();
    const result = await applyPlan(
      planOf([update('A', id, [{ operation: 'DisassociateRoutingProfileQueues', input: { InstanceId: emu.instanceId, RoutingProfileId: id, ManualAssignmentQueueReferences: [ref(ids.queueId('Q1'))] } }])]),
      writer,
      reader,
    );
    expect(ops()).toEqual(['DisassociateRoutingProfileQueues', 'ListRoutingProfileManualAssignmentQueues']);
    expect(result.changes[0]?.calls[0]).toMatchObject({ status: 'done', note: expect.stringContaining('every pair is removed') });
    expect(manualPairs('A')).toEqual([]);
  });

  it('a Disassociate refused because a manual pair is already gone removes only the remaining ones', async () => {
    const ids = await start(['A']);
    const { reader, writer } = connect();
    const id = ids.profileId('A');
    const manual = (queues: string[]): QueueReferenceInput[] => queues.map((q) => ref(ids.queueId(q)));
    await applyPlan(
      planOf([update('A', id, [{ operation: 'AssociateRoutingProfileQueues', input: { InstanceId: emu.instanceId, RoutingProfileId: id, ManualAssignmentQueueConfigs: manual(['Q1', 'Q2']).map((r) => ({ QueueReference: r })) } }])]),
      writer,
      reader,
    );
    emu.clearRequestLog();
    // Q3 was never a manual queue of A (removed by hand since the plan, say): Connect refuses the whole call.
    const remove: Call = { operation: 'DisassociateRoutingProfileQueues', input: { InstanceId: emu.instanceId, RoutingProfileId: id, ManualAssignmentQueueReferences: manual(['Q1', 'Q3']) } };
    const result = await applyPlan(planOf([update('A', id, [remove])]), writer, reader);

    expect(ops()).toEqual(['DisassociateRoutingProfileQueues', 'ListRoutingProfileManualAssignmentQueues', 'DisassociateRoutingProfileQueues']);
    const sent = emu.requestLog.filter((e) => e.operation === 'DisassociateRoutingProfileQueues');
    expect(sent.map((e) => e.status)).toEqual([400, 200]);
    // Only the list the call carried, and only the pair still there: no empty QueueReferences.
    expect(sent[1]?.input).toEqual({ InstanceId: emu.instanceId, RoutingProfileId: id, ManualAssignmentQueueReferences: manual(['Q1']) });
    expect(result.changes[0]?.calls[0]).toMatchObject({ status: 'done', note: expect.stringContaining('removed the 1 remaining pairs') });
    expect(manualPairs('A')).toEqual([`${ids.queueId('Q2')}/CHAT`]);
  });

  it('a create with 12 manual queues whose answer was lost is adopted, labelled adopted, and only missing pairs are added', async () => {
    const ids = await start([], { faults: { dropAfterCommitRate: 1, dropAfterCommitOperations: ['CreateRoutingProfile'] } });
    const { reader, writer } = connect();
    const manual = Array.from({ length: 12 }, (_, i) => ({ QueueReference: ref(ids.queueId(`Q${i + 1}`)) }));
    const change: Change = {
      action: 'create',
      agents: 0,
      name: 'New',
      diffs: [],
      calls: [
        {
          operation: 'CreateRoutingProfile',
          input: {
            InstanceId: emu.instanceId,
            Name: 'New',
            Description: 'created',
            DefaultOutboundQueueId: ids.queueId('Basic'),
            MediaConcurrencies: [{ Channel: 'CHAT', Concurrency: 2 }],
            ManualAssignmentQueueConfigs: manual.slice(0, 10),
          },
        },
        { operation: 'AssociateRoutingProfileQueues', input: { InstanceId: emu.instanceId, RoutingProfileId: CREATED_PROFILE_ID, ManualAssignmentQueueConfigs: manual.slice(10) } },
      ],
    };
    const result = await applyPlan(planOf([change]), writer, reader);
    expect(emu.requestLog.filter((e) => e.operation === 'CreateRoutingProfile')).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ action: 'create', outcome: 'adopted', calls: [{ status: 'adopted' }, { status: 'done' }] });
    expect(emu.requestLog.filter((e) => e.operation === 'AssociateRoutingProfileQueues').map((e) => e.input.ManualAssignmentQueueConfigs)).toEqual([manual.slice(10)]);
    expect(manualPairs('New')).toHaveLength(12);
  });
});

describe('deletes', () => {
  it('run after every create and update, when all succeeded', async () => {
    const ids = await start(['Keep', 'Old1', 'Old2']);
    const { reader, writer } = connect();
    // The plan lists deletes last; apply must hold them back even if a plan listed them first.
    const plan = planOf([deletion('Old1', ids.profileId('Old1')), rename('Keep', ids.profileId('Keep'), 'v2'), deletion('Old2', ids.profileId('Old2'))]);
    const result = await applyPlan(plan, writer, reader);
    expect(ops()).toEqual(['UpdateRoutingProfileName', 'DeleteRoutingProfile', 'DeleteRoutingProfile']);
    expect(result.changes.map((c) => [c.name, c.action, c.outcome])).toEqual([
      ['Old1', 'delete', 'done'],
      ['Keep', 'update', 'done'],
      ['Old2', 'delete', 'done'],
    ]);
    expect(emu.snapshot().profiles.map((p) => p.name)).toEqual(['Keep']);
  });

  it('are skipped, with the reason, when a create or update failed; everything else is still done', async () => {
    const ids = await start(['Keep', 'Broken', 'Old'], { faults: { accessDeniedOperations: ['UpdateRoutingProfileAgentAvailabilityTimer'] } });
    const { reader, writer } = connect();
    const timer: Call = { operation: 'UpdateRoutingProfileAgentAvailabilityTimer', input: { InstanceId: emu.instanceId, RoutingProfileId: ids.profileId('Broken'), AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' } };
    const plan = planOf([rename('Keep', ids.profileId('Keep'), 'v2'), update('Broken', ids.profileId('Broken'), [timer]), deletion('Old', ids.profileId('Old'))]);
    const result = await applyPlan(plan, writer, reader);
    expect(ops()).not.toContain('DeleteRoutingProfile');
    expect(result.changes.map((c) => c.outcome)).toEqual(['done', 'failed', 'skipped']);
    expect(result.changes[2]?.calls[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/deletes run only when every create and update succeeded.*"Broken"/) });
    expect(profileNamed('Old')).toBeDefined();
    expect(profileNamed('Keep')?.description).toBe('v2');
  });

  it('a delete whose answer was lost is re-read: gone means done, and it is not resent', async () => {
    const ids = await start(['Old'], { faults: { dropAfterCommitRate: 1, dropAfterCommitOperations: ['DeleteRoutingProfile'] } });
    const { reader, writer } = connect();
    const result = await applyPlan(planOf([deletion('Old', ids.profileId('Old'))]), writer, reader);
    expect(emu.requestLog.map((e) => [e.operation, e.status])).toEqual([
      ['DeleteRoutingProfile', 0],
      ['DescribeRoutingProfile', 404],
    ]);
    expect(result.changes[0]).toMatchObject({ outcome: 'done', calls: [{ status: 'done', note: expect.stringContaining('the profile is gone') }] });
  });

  it('a blocked change is reported blocked and sends nothing; the other deletes still run', async () => {
    const ids = await start(['Busy', 'Old']);
    const { reader, writer } = connect();
    const busy: Change = { ...deletion('Busy', ids.profileId('Busy')), calls: [], blocked: { associatedUsers: 3 } };
    const result = await applyPlan(planOf([busy, deletion('Old', ids.profileId('Old'))]), writer, reader);
    expect(ops()).toEqual(['DeleteRoutingProfile']);
    expect(emu.requestLog[0]?.input.RoutingProfileId).toBe(ids.profileId('Old'));
    expect(result.changes.map((c) => [c.name, c.action, c.outcome, c.calls.length])).toEqual([
      ['Busy', 'delete', 'blocked', 0],
      ['Old', 'delete', 'done', 1],
    ]);
  });
});

describe('Connect unreachable', () => {
  it('stopped mid-apply: apply stops within seconds, reports the rest skipped, and the verification says it did not run', async () => {
    const names = Array.from({ length: 24 }, (_, i) => `P${i + 1}`);
    const ids = await start(names, { quotas: 'connect-defaults' });
    const { reader, writer } = connect();
    // 24 renames at Connect's 2 requests/s: about 10 s of paced work.
    const plan = planOf(names.map((n) => rename(n, ids.profileId(n), 'v2')));
    const log = emu.requestLog;
    const started = Date.now();
    const applying = applyPlan(plan, writer, reader);
    while (!log.some((e) => e.operation === 'UpdateRoutingProfileName' && e.status === 200)) await new Promise((r) => setTimeout(r, 5));
    const sentBeforeStop = log.length;
    await emu.close();
    const result = await applying;
    const elapsed = Date.now() - started;

    // Stopping takes well under a second here; 10 s leaves room for a loaded machine.
    expect(elapsed).toBeLessThan(10_000);
    expect(result.unreachable).toBe(true);
    const done = result.changes.filter((c) => c.outcome === 'done').length;
    const skipped = result.changes.filter((c) => c.outcome === 'skipped');
    // A call on the wire when the connection dropped may have been applied: failed, saying so, never "not sent".
    const inFlight = result.changes.filter((c) => c.outcome === 'failed');
    for (const c of inFlight) expect(c.calls[0]).toMatchObject({ status: 'failed', message: expect.stringContaining('unreachable') });
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done + inFlight.length).toBeLessThanOrEqual(Math.max(sentBeforeStop, DEFAULT_APPLY_CONCURRENCY));
    expect(done + skipped.length + inFlight.length).toBe(names.length);
    expect(skipped.length).toBeGreaterThan(names.length / 2);
    for (const c of skipped) expect(c.calls[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/Connect is unreachable \(ECONNREFUSED\)/) });

    let replans = 0;
    const verified = await verifyApply(result, async () => (replans++, plan));
    expect(replans).toBe(0);
    expect(verified.verification).toEqual({ status: 'not-run', reason: 'Connect became unreachable during apply' });
    // The report of what was done is intact.
    expect(verified.changes).toEqual(result.changes);
  });

  it('a client pointed at a closed port fails at once, sending nothing more', async () => {
    await start([]);
    const closedEndpoint = emu.endpoint;
    await emu.close();
    const client = createConnectClient({ region: 'us-east-1', endpoint: closedEndpoint });
    destroy.push(() => client.destroy());
    const plan = planOf(['A', 'B', 'C'].map((n) => rename(n, `rp-${n}`, 'v2')));
    const started = Date.now();
    const result = await applyPlan(plan, createConnectWriter(client), createLiveReader(client));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.unreachable).toBe(true);
    expect(result.changes.map((c) => c.outcome)).toEqual(['skipped', 'skipped', 'skipped']);
  });
});

describe('verification', () => {
  it('a re-read that fails keeps the report and says why the verification failed', async () => {
    const ids = await start(['A']);
    const { reader, writer } = connect();
    const result = await applyPlan(planOf([rename('A', ids.profileId('A'), 'v2')]), writer, reader);
    emu.setFaults({ accessDeniedOperations: ['SearchRoutingProfiles'] });
    const verified = await verifyApply(result, async () => {
      await reader.searchRoutingProfiles({ instanceId: emu.instanceId });
      return planOf([]);
    });
    expect(verified.changes).toEqual(result.changes);
    expect(verified.converged).toBe(false);
    expect(verified.verification).toMatchObject({ status: 'failed', error: expect.stringMatching(/^SearchRoutingProfiles failed: AccessDeniedException/) });
  });
});
