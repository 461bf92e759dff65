import { CreateRoutingProfileCommand } from '@aws-sdk/client-connect';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConnectClient } from '../../src/connect/client.js';
import { createLiveReader } from '../../src/connect/reader.js';
import { AwsError } from '../../src/errors.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { readCallsLowerBound } from '../../src/live/declared.js';
import { collectPages, MAX_PAGES } from '../../src/live/paginate.js';
import { readLive, readProfilesByName } from '../../src/live/read.js';
import { FakeConnect, INSTANCE } from '../connect/support/fake-connect.js';
import { VirtualClock } from '../connect/support/virtual-clock.js';
import { clientFor } from '../emulator/helpers.js';
import { stubFakeCredentials } from '../reliability/support.js';

function instanceWithSeven() {
  const fake = new FakeConnect();
  const basic = fake.addQueue('Basic');
  const sales = fake.addQueue('Sales');
  fake.addQueue('agent-q', 'AGENT');
  for (let i = 1; i <= 7; i++) {
    fake.addProfile({
      name: `P${i}`,
      media: [
        { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
        { Channel: 'CHAT', Concurrency: 2 },
      ],
      timer: 'TIME_SINCE_LAST_INBOUND',
      tags: { team: `t${i}` },
      queues: [
        { queueId: basic, channel: 'VOICE', priority: 1, delay: 0 },
        { queueId: sales, channel: 'CHAT', priority: 2, delay: 30 },
      ],
    });
  }
  return fake;
}

const reader = (fake: FakeConnect) => createLiveReader(fake, { clock: new VirtualClock() });

describe('readLive: the fewest calls', () => {
  it('3 declared of 7 live, 1 managing queues: 1 queue list + 1 search page + 3 describes + 1 queue list of a profile', async () => {
    const fake = instanceWithSeven();
    const live = await readLive(reader(fake), INSTANCE, [
      { name: 'P2', managesQueues: true, managesManualQueues: false },
      { name: 'P4', managesQueues: false, managesManualQueues: false },
      { name: 'P6', managesQueues: false, managesManualQueues: false },
      { name: 'Absent', managesQueues: true, managesManualQueues: false },
    ]);
    expect(fake.ops().sort()).toEqual(
      ['DescribeRoutingProfile', 'DescribeRoutingProfile', 'DescribeRoutingProfile', 'ListQueues', 'ListRoutingProfileQueues', 'SearchRoutingProfiles'].sort(),
    );
    expect(fake.log.find((l) => l.operation === 'SearchRoutingProfiles')?.input).toMatchObject({ MaxResults: 500 });
    expect(fake.log.find((l) => l.operation === 'ListRoutingProfileQueues')?.input).toMatchObject({ MaxResults: 100 });
    expect(fake.log.find((l) => l.operation === 'ListQueues')?.input).toMatchObject({ MaxResults: 1000, QueueTypes: ['STANDARD'] });

    expect(live.instanceId).toBe(INSTANCE);
    expect(live.queues.map((q) => q.name)).toEqual(['Basic', 'Sales']);
    expect(live.profiles).toHaveLength(7);
    const p2 = live.profiles.find((p) => p.name === 'P2');
    expect(p2).toMatchObject({
      described: true,
      agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
      mediaConcurrencies: [
        { channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
        { channel: 'CHAT', concurrency: 2 },
      ],
      tags: { team: 't2' },
      associatedQueueIds: ['q-basic', 'q-sales'],
    });
    expect(p2?.queueConfigs).toEqual([
      { queueId: 'q-basic', queueArn: expect.stringContaining('/queue/q-basic'), queueName: 'Basic', channel: 'VOICE', priority: 1, delay: 0 },
      { queueId: 'q-sales', queueArn: expect.stringContaining('/queue/q-sales'), queueName: 'Sales', channel: 'CHAT', priority: 2, delay: 30 },
    ]);
    const p4 = live.profiles.find((p) => p.name === 'P4');
    expect(p4?.described).toBe(true);
    expect(p4?.queueConfigs).toBeUndefined();
    // Undeclared: from Search only, so CrossChannelBehavior and the timer are unknown, not defaulted.
    const p1 = live.profiles.find((p) => p.name === 'P1');
    expect(p1).toMatchObject({ described: false, associatedQueueIds: ['q-basic', 'q-sales'] });
    expect(p1?.mediaConcurrencies[0]?.crossChannelBehavior).toBeUndefined();
    expect(p1?.agentAvailabilityTimer).toBeUndefined();
  });

  it('accepts an instance ARN', async () => {
    const fake = instanceWithSeven();
    const live = await readLive(reader(fake), `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE}`, []);
    expect(fake.ops().sort()).toEqual(['ListQueues', 'SearchRoutingProfiles']);
    expect(live.instanceId).toBe(INSTANCE);
    expect(live.queues).toHaveLength(2);
  });

  it('follows NextToken across pages and reports progress', async () => {
    const fake = instanceWithSeven();
    fake.pageCap = 3;
    const progress: [number, number][] = [];
    const live = await readLive(reader(fake), INSTANCE, [{ name: 'P7', managesQueues: true, managesManualQueues: false }], { onProgress: (d, t) => progress.push([d, t]) });
    expect(fake.count('SearchRoutingProfiles')).toBe(3);
    expect(live.profiles.map((p) => p.name).sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
    // One declared profile that exists: progress counts profiles read in full.
    expect(progress).toEqual([[0, 1], [1, 1]]);
  });

  it('a repeated NextToken is an error naming the operation, never a partial inventory', async () => {
    const fake = instanceWithSeven();
    fake.stuckToken = 'same';
    const err = await readLive(reader(fake), INSTANCE, []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsError);
    expect(err).toMatchObject({ operation: 'SearchRoutingProfiles', errorName: 'PaginationLoop', message: expect.stringContaining('SearchRoutingProfiles') });
    expect(fake.count('SearchRoutingProfiles')).toBe(2);
  });

  it(`a listing still paging after ${MAX_PAGES} pages is an error naming the operation`, async () => {
    let n = 0;
    const endless = { items: [], nextToken: undefined as string | undefined };
    const err = await collectPages('ListQueues', async () => ({ ...endless, nextToken: `t${++n}` })).catch((e: unknown) => e);
    expect(err).toMatchObject({ operation: 'ListQueues', errorName: 'PaginationLimit', message: expect.stringContaining(`${MAX_PAGES} pages`) });
    expect(n).toBe(MAX_PAGES);
  });

  it('maps incomplete answers defensively', async () => {
    const partial = {
      async send(command: { constructor: { name: string } }) {
        switch (command.constructor.name) {
          case 'ListQueuesCommand':
            return { QueueSummaryList: [{ Id: 'q1' }, { Name: 'no id' }] };
          case 'SearchRoutingProfilesCommand':
            return { RoutingProfiles: [{ RoutingProfileId: 'rp1', Name: 'A', MediaConcurrencies: [{ Channel: 'PIGEON', Concurrency: 1 }, { Channel: 'CHAT' }] }, { Name: 'no id' }] };
          case 'DescribeRoutingProfileCommand':
            return { RoutingProfile: { MediaConcurrencies: [{ Channel: 'CHAT', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'SOMETHING_NEW' } }] } };
          default:
            return {};
        }
      },
    };
    const live = await readLive(createLiveReader(partial), INSTANCE, [{ name: 'A', managesQueues: true, managesManualQueues: false }]);
    expect(live.queues).toEqual([{ queueId: 'q1', arn: '', name: '' }]);
    expect(live.profiles).toEqual([
      {
        routingProfileId: 'rp1',
        arn: '',
        name: 'A',
        description: '',
        defaultOutboundQueueId: '',
        mediaConcurrencies: [{ channel: 'CHAT', concurrency: 2 }],
        associatedQueueIds: [],
        tags: {},
        described: true,
        manualQueueCount: 0,
        isDefault: false,
        associatedUsers: 0,
        queueConfigs: [],
      },
    ]);
  });
});

describe('readProfilesByName', () => {
  it('finds each name with one EXACT search, then describes it', async () => {
    const fake = instanceWithSeven();
    const found = await readProfilesByName(reader(fake), INSTANCE, ['P3', 'Nope'], { queues: true });
    expect(found.map((p) => p.name)).toEqual(['P3']);
    expect(found[0]?.queueConfigs).toHaveLength(2);
    const searches = fake.log.filter((l) => l.operation === 'SearchRoutingProfiles');
    expect(searches.map((s) => s.input.SearchCriteria)).toEqual([
      { StringCondition: { FieldName: 'name', Value: 'P3', ComparisonType: 'EXACT' } },
      { StringCondition: { FieldName: 'name', Value: 'Nope', ComparisonType: 'EXACT' } },
    ]);
    expect(fake.count('DescribeRoutingProfile')).toBe(1);
  });
});

describe('manual-assignment queues, against the emulator over HTTP', () => {
  let emu: RunningEmulator | undefined;
  afterEach(async () => {
    vi.unstubAllEnvs();
    await emu?.close();
    emu = undefined;
  });

  /** M1 has 2 manual queues, M0 none, M2 one (but its file will not manage them); made through the real SDK. */
  async function instance() {
    stubFakeCredentials();
    emu = await startEmulator({ seed: { queues: ['Basic', 'Chat A', 'Chat B'].map((name) => ({ name })), profiles: [] } });
    const q = new Map(emu.snapshot().queues.map((x) => [x.name, x.queueId]));
    const admin = clientFor(emu);
    const create = (name: string, manual: string[]) =>
      admin.send(
        new CreateRoutingProfileCommand({
          InstanceId: emu?.instanceId,
          Name: name,
          Description: name,
          DefaultOutboundQueueId: q.get('Basic'),
          MediaConcurrencies: [{ Channel: 'CHAT', Concurrency: 2 }],
          ...(manual.length ? { ManualAssignmentQueueConfigs: manual.map((m) => ({ QueueReference: { QueueId: q.get(m), Channel: 'CHAT' as const } })) } : {}),
        }),
      );
    await create('M1', ['Chat A', 'Chat B']);
    await create('M0', []);
    await create('M2', ['Chat A']);
    admin.destroy();
    emu.clearRequestLog();
    const client = createConnectClient({ region: emu.region, endpoint: emu.endpoint });
    return { emu, client, reader: createLiveReader(client), queueId: (n: string) => q.get(n) ?? '' };
  }

  it('lists them only for declared profiles whose file states them, and only when Search counts some', async () => {
    const { emu: e, client, reader, queueId } = await instance();
    const declared = [
      { name: 'M1', managesQueues: false, managesManualQueues: true },
      { name: 'M0', managesQueues: false, managesManualQueues: true },
      { name: 'M2', managesQueues: false, managesManualQueues: false },
    ];
    const live = await readLive(reader, e.instanceId, declared);
    client.destroy();
    const lists = e.requestLog.filter((r) => r.operation === 'ListRoutingProfileManualAssignmentQueues');
    const m1 = live.profiles.find((p) => p.name === 'M1');
    expect(lists.map((r) => r.input.RoutingProfileId)).toEqual([m1?.routingProfileId]);
    expect(lists[0]?.input).toMatchObject({ MaxResults: 100 });
    expect(m1?.manualQueues?.map((m) => [m.queueName, m.channel, m.queueId])).toEqual([
      ['Chat A', 'CHAT', queueId('Chat A')],
      ['Chat B', 'CHAT', queueId('Chat B')],
    ]);
    expect(m1?.manualQueueCount).toBe(2);
    // Managed but empty: known to be none without a call.
    expect(live.profiles.find((p) => p.name === 'M0')?.manualQueues).toEqual([]);
    // Not managed: not read, so unknown rather than empty.
    expect(live.profiles.find((p) => p.name === 'M2')?.manualQueues).toBeUndefined();

    // The read took exactly the lower bound the benchmark holds it to.
    const calls: Record<string, number> = {};
    for (const r of e.requestLog) calls[r.operation] = (calls[r.operation] ?? 0) + 1;
    const snapshot = e.snapshot();
    expect(calls).toEqual(
      readCallsLowerBound(declared, {
        profiles: snapshot.profiles.length,
        queues: snapshot.queues.length,
        pairs: new Map(snapshot.profiles.map((p) => [p.name, { queues: p.queueConfigs.length, manualQueues: p.manualAssignmentQueues.length }])),
      }),
    );
    expect(calls.ListRoutingProfileManualAssignmentQueues).toBe(1);
  });

  it('re-reads by name take the same flag', async () => {
    const { emu: e, client, reader } = await instance();
    const [m1, m0] = await readProfilesByName(reader, e.instanceId, ['M1', 'M0'], { manualQueues: true });
    const [plain] = await readProfilesByName(reader, e.instanceId, ['M2']);
    client.destroy();
    expect(m1?.manualQueues).toHaveLength(2);
    expect(m0?.manualQueues).toEqual([]);
    expect(plain?.manualQueues).toBeUndefined();
    expect(e.requestLog.filter((r) => r.operation === 'ListRoutingProfileManualAssignmentQueues')).toHaveLength(1);
  });
});

describe('manual-assignment queues when Search lags behind Describe', () => {
  it('lists them after Describe when Search counted none but Describe counts some', async () => {
    const records = { RoutingProfileId: 'rp1', Name: 'A', MediaConcurrencies: [{ Channel: 'CHAT', Concurrency: 1 }] };
    const sent: string[] = [];
    const client = {
      async send(command: { constructor: { name: string } }) {
        sent.push(command.constructor.name.replace(/Command$/, ''));
        switch (command.constructor.name) {
          case 'SearchRoutingProfilesCommand':
            return { RoutingProfiles: [{ ...records, NumberOfAssociatedManualAssignmentQueues: 0 }] };
          case 'DescribeRoutingProfileCommand':
            return { RoutingProfile: { ...records, NumberOfAssociatedManualAssignmentQueues: 1 } };
          case 'ListRoutingProfileManualAssignmentQueuesCommand':
            return { RoutingProfileManualAssignmentQueueConfigSummaryList: [{ QueueId: 'q1', QueueName: 'Q', Channel: 'CHAT' }, { QueueId: 'q1', QueueName: 'Q', Channel: 'CHAT' }] };
          default:
            return {};
        }
      },
    };
    const live = await readLive(createLiveReader(client), INSTANCE, [{ name: 'A', managesQueues: false, managesManualQueues: true }]);
    expect(sent.sort()).toEqual(['DescribeRoutingProfile', 'ListQueues', 'ListRoutingProfileManualAssignmentQueues', 'SearchRoutingProfiles']);
    // A pair listed twice (the list changed between pages) is kept once.
    expect(live.profiles[0]?.manualQueues).toEqual([{ queueId: 'q1', queueArn: '', queueName: 'Q', channel: 'CHAT' }]);
  });
});

describe('declared profiles as a function of Search (what each name manages: test/cli/current-plan.test.ts)', () => {
  it('readLive may take them as a function of what Search found (export reads every live profile)', async () => {
    const fake = instanceWithSeven();
    const live = await readLive(reader(fake), INSTANCE, (searched) => searched.map((p) => ({ name: p.name, managesQueues: false, managesManualQueues: false })));
    expect(fake.count('DescribeRoutingProfile')).toBe(7);
    expect(live.profiles.every((p) => p.described)).toBe(true);
  });
});
