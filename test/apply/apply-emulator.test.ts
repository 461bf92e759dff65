// End to end through the real SDK over HTTP against the emulator: pacing, retries, lost answers and search lag
// as Connect produces them, not as a fake scripts them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubFakeCredentials } from '../reliability/support.js';
import { applyPlan } from '../../src/apply/apply.js';
import { createConnectClient, transportFor } from '../../src/connect/client.js';
import { createLiveReader } from '../../src/connect/reader.js';
import { createConnectWriter } from '../../src/connect/writer.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.js';
import { startSeeded } from './support.js';
import { readLive } from '../../src/live/read.js';
import { CREATED_PROFILE_ARN, CREATED_PROFILE_ID, type Call, type Change, type Plan } from '../../src/plan/types.js';

const QUEUES = ['Basic', ...Array.from({ length: 25 }, (_, i) => `Q${i + 1}`)];

let emu: RunningEmulator;

beforeEach(() => {
  stubFakeCredentials();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await emu?.close();
});

async function start(profiles: string[], options: Omit<EmulatorOptions, 'seed'> = {}) {
  const seeded = await startSeeded(QUEUES, profiles, options);
  emu = seeded.emu;
  return seeded;
}

function createChange(name: string, queueIds: string[], instanceId: string, basic: string): Change {
  const qc = (QueueId: string) => ({ QueueReference: { QueueId, Channel: 'VOICE' as const }, Priority: 1, Delay: 0 });
  const calls: Call[] = [
    {
      operation: 'CreateRoutingProfile',
      input: {
        InstanceId: instanceId,
        Name: name,
        Description: 'created',
        DefaultOutboundQueueId: basic,
        MediaConcurrencies: [
          { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
          { Channel: 'CHAT', Concurrency: 3 },
        ],
        QueueConfigs: queueIds.slice(0, 10).map(qc),
      },
    },
  ];
  for (let i = 10; i < queueIds.length; i += 10) {
    calls.push({ operation: 'AssociateRoutingProfileQueues', input: { InstanceId: instanceId, RoutingProfileId: CREATED_PROFILE_ID, QueueConfigs: queueIds.slice(i, i + 10).map(qc) } });
  }
  calls.push({ operation: 'UpdateRoutingProfileAgentAvailabilityTimer', input: { InstanceId: instanceId, RoutingProfileId: CREATED_PROFILE_ID, AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' } });
  calls.push({ operation: 'TagResource', input: { resourceArn: CREATED_PROFILE_ARN, tags: { team: name } } });
  return { action: 'create', agents: 0, name, diffs: [], calls };
}

function renameChange(name: string, id: string, instanceId: string): Change {
  return {
    action: 'update', agents: 0,
    name,
    routingProfileId: id,
    diffs: [{ field: 'description', path: ['description'], before: 'seeded', after: 'updated' }],
    calls: [{ operation: 'UpdateRoutingProfileName', input: { InstanceId: instanceId, RoutingProfileId: id, Name: name, Description: 'updated' } }],
  };
}

function planOf(instanceId: string, changes: Change[]): Plan {
  return {
    formatVersion: 1,
    instanceId,
    changes,
    prune: false, unmanaged: [], warnings: [], problems: [], summary: { create: 0, update: 0, delete: 0, agents: 0, noOp: 0, calls: changes.reduce((n, c) => n + c.calls.length, 0) },
    liveFingerprint: 'x',
  };
}

function connect(options: Parameters<typeof createConnectClient>[0] = {}) {
  const client = createConnectClient({ region: emu.region, endpoint: emu.endpoint, ...options });
  return { client, reader: createLiveReader(client), writer: createConnectWriter(client), stats: transportFor(client).stats };
}

describe('apply against the emulator (real SDK over HTTP)', () => {
  it('sends exactly the plan, paced under Connect default quotas without a single throttle', async () => {
    const seeded = Array.from({ length: 8 }, (_, i) => `Seeded${i + 1}`);
    const ids = await start(seeded, { quotas: 'connect-defaults' });
    const { client, reader, writer, stats } = connect();
    const queueIds = QUEUES.slice(1).map(ids.queueId);
    const plan = planOf(emu.instanceId, [
      createChange('New1', queueIds, emu.instanceId, ids.queueId('Basic')),
      createChange('New2', queueIds.slice(0, 12), emu.instanceId, ids.queueId('Basic')),
      ...seeded.map((n) => renameChange(n, ids.profileId(n), emu.instanceId)),
    ]);
    emu.clearRequestLog();
    const result = await applyPlan(plan, writer, reader);
    client.destroy();

    expect(result.changes.every((c) => c.outcome === 'done')).toBe(true);
    expect(emu.requestLog.filter((r) => r.status === 429)).toEqual([]);
    const sent = emu.requestLog.map((r) => r.operation).sort();
    const planned = plan.changes.flatMap((c) => c.calls.map((call) => call.operation)).sort();
    expect(sent).toEqual(planned);
    expect(stats.snapshot()).toMatchObject({ throttles: 0, retries: 0, totalCalls: planned.length });

    const state = emu.snapshot();
    const new1 = state.profiles.find((p) => p.name === 'New1');
    expect(new1?.queueConfigs).toHaveLength(25);
    expect(new1?.agentAvailabilityTimer).toBe('TIME_SINCE_LAST_INBOUND');
    expect(new1?.tags).toMatchObject({ team: 'New1' });
    expect(state.profiles.filter((p) => p.description === 'updated')).toHaveLength(8);
  });

  it('converges under throttling, 5xx, lost answers and search lag, creating nothing twice', async () => {
    const seeded = ['A', 'B', 'C'];
    const ids = await start(seeded, {
      faults: { throttleRate: 0.15, internalErrorRate: 0.1, dropAfterCommitRate: 0.25, searchLagMs: 300, randomSeed: 7 },
    });
    const { client, reader, writer, stats } = connect({ random: () => 0.05 });
    const queueIds = QUEUES.slice(1).map(ids.queueId);
    const creates = ['N1', 'N2', 'N3', 'N4'];
    const plan = planOf(emu.instanceId, [
      ...creates.map((n) => createChange(n, queueIds, emu.instanceId, ids.queueId('Basic'))),
      ...seeded.map((n) => renameChange(n, ids.profileId(n), emu.instanceId)),
    ]);
    const result = await applyPlan(plan, writer, reader, { consistencyTimeoutMs: 20_000 });
    client.destroy();

    // A create whose answer was lost ends adopted (the profile of that name is our own first attempt).
    expect(result.changes.map((c) => [c.name, c.outcome === 'adopted' && c.action === 'create' ? 'done' : c.outcome])).toEqual(plan.changes.map((c) => [c.name, 'done']));
    const state = emu.snapshot();
    for (const name of creates) {
      const matches = state.profiles.filter((p) => p.name === name);
      expect(matches).toHaveLength(1);
      expect(matches[0]?.queueConfigs).toHaveLength(25);
      expect(matches[0]?.tags).toMatchObject({ team: name });
    }
    expect(state.profiles.filter((p) => p.description === 'updated').map((p) => p.name).sort()).toEqual(seeded);
    const snapshot = stats.snapshot();
    expect(snapshot.retries).toBeGreaterThan(0);
    expect(emu.requestLog.some((r) => r.errorType === 'ConnectionDropped')).toBe(true);
  });

  it('reads live state with the lower-bound calls', async () => {
    const ids = await start(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
    void ids;
    const { client, reader } = connect();
    emu.clearRequestLog();
    const live = await readLive(reader, emu.instanceArn, [
      { name: 'P1', managesQueues: true, managesManualQueues: false },
      { name: 'P2', managesQueues: false, managesManualQueues: false },
      { name: 'P3', managesQueues: false, managesManualQueues: false },
    ]);
    client.destroy();
    expect(emu.requestLog.map((r) => r.operation).sort()).toEqual(
      ['DescribeRoutingProfile', 'DescribeRoutingProfile', 'DescribeRoutingProfile', 'ListQueues', 'ListRoutingProfileQueues', 'SearchRoutingProfiles'].sort(),
    );
    expect(live.profiles).toHaveLength(7);
    expect(live.queues).toHaveLength(QUEUES.length);
    expect(live.profiles.find((p) => p.name === 'P1')).toMatchObject({
      described: true,
      queueConfigs: [],
      mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' }],
    });
  });
});
