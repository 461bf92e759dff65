// Conformance: manual-assignment (Worklist) queues through the real ConnectClient over HTTP.
import {
  AssociateRoutingProfileQueuesCommand,
  type Channel,
  CreateRoutingProfileCommand,
  DescribeRoutingProfileCommand,
  DisassociateRoutingProfileQueuesCommand,
  ListRoutingProfileManualAssignmentQueuesCommand,
  ListRoutingProfileQueuesCommand,
  paginateListRoutingProfileManualAssignmentQueues,
  SearchRoutingProfilesCommand,
} from '@aws-sdk/client-connect';
import { describe, expect, it } from 'vitest';
import {
  MANUAL_ASSIGNMENT_CHANNELS,
  MANUAL_PAIRS_COUNT_TOWARD_PAIR_QUOTA,
  QUEUE_MAY_BE_STANDARD_AND_MANUAL,
} from '../../src/emulator/handlers/rules.js';
import { SEARCH_RETURNS_MANUAL_QUEUE_IDS } from '../../src/emulator/handlers/profile-views.js';
import { createInput, emulatorForEachTest, expectConnectError, ids } from './helpers.js';

const QUEUE_COUNT = 30;
const CHANNELS: Channel[] = ['VOICE', 'CHAT', 'TASK', 'EMAIL'];

const current = emulatorForEachTest({
    seed: {
      instanceId: 'inst-1',
      queues: [
        { name: 'BasicQueue', queueId: 'q-basic' },
        ...Array.from({ length: QUEUE_COUNT }, (_, i) => ({ name: `Q${i}`, queueId: `q${i}` })),
        { name: 'agent-1', queueId: 'q-agent', queueType: 'AGENT' as const },
      ],
      profiles: [],
    },
  });

const ref = (QueueId: string, Channel: Channel = 'CHAT') => ({ QueueId, Channel });
const manual = (QueueId: string, Channel: Channel = 'CHAT') => ({ QueueReference: ref(QueueId, Channel) });
const standard = (QueueId: string, Channel: Channel = 'CHAT') => ({ QueueReference: ref(QueueId, Channel), Priority: 1, Delay: 0 });
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `q${from + i}`);

async function create(over: Record<string, unknown> = {}): Promise<string> {
  return (await current.client.send(new CreateRoutingProfileCommand(createInput(over)))).RoutingProfileId!;
}

/** The profile's manual pairs as `queue/channel`, from the emulator's store. */
const manualPairs = () => current.emu.snapshot().profiles[0].manualAssignmentQueues.map((m) => `${m.queueId}/${m.channel}`);
const standardPairs = () => current.emu.snapshot().profiles[0].queueConfigs.map((m) => `${m.queueId}/${m.channel}`);

describe('CreateRoutingProfile with ManualAssignmentQueueConfigs', () => {
  it('takes 10; Describe gives the count and the IDs only, Search the count, the lists stay apart', async () => {
    const id = await create({
      QueueConfigs: [standard('q0', 'VOICE')],
      ManualAssignmentQueueConfigs: [...range(9).map((q) => manual(q)), manual('q0', 'TASK')],
    });
    const { RoutingProfile } = await current.client.send(new DescribeRoutingProfileCommand({ ...ids, RoutingProfileId: id }));
    expect(RoutingProfile).toMatchObject({
      NumberOfAssociatedQueues: 1,
      NumberOfAssociatedManualAssignmentQueues: 9,
      AssociatedManualAssignmentQueueIds: range(9),
    });
    expect(RoutingProfile).not.toHaveProperty('AssociatedQueueIds');
    const found = (await current.client.send(new SearchRoutingProfilesCommand(ids))).RoutingProfiles![0];
    expect(found).toMatchObject({ AssociatedQueueIds: ['q0'], NumberOfAssociatedManualAssignmentQueues: 9 });
    const list = await current.client.send(new ListRoutingProfileManualAssignmentQueuesCommand({ ...ids, RoutingProfileId: id }));
    expect(list.RoutingProfileManualAssignmentQueueConfigSummaryList).toHaveLength(10);
    expect(list.RoutingProfileManualAssignmentQueueConfigSummaryList![9]).toEqual({
      QueueId: 'q0',
      QueueArn: `${current.emu.instanceArn}/queue/q0`,
      QueueName: 'Q0',
      Channel: 'TASK',
    });
    expect(list.LastModifiedTime).toBeInstanceOf(Date);
    expect(list.LastModifiedRegion).toBe('us-east-1');
    expect(list.NextToken).toBeUndefined();
    // ListRoutingProfileQueues never lists manual pairs.
    const routed = await current.client.send(new ListRoutingProfileQueuesCommand({ ...ids, RoutingProfileId: id }));
    expect(routed.RoutingProfileQueueConfigSummaryList!.map((q) => `${q.QueueId}/${q.Channel}`)).toEqual(['q0/VOICE']);
  });

  it('refuses 11 in one call, and changes nothing', async () => {
    await expectConnectError(
      current.client.send(new CreateRoutingProfileCommand(createInput({ ManualAssignmentQueueConfigs: range(11).map((q) => manual(q)) }))),
      'InvalidParameterException',
      400,
      /'ManualAssignmentQueueConfigs' failed to satisfy constraint: Member must have length less than or equal to 10/,
    );
    expect(current.emu.snapshot().profiles).toEqual([]);
  });

  it('refuses an unknown queue (404), an agent queue, a priority-less pair named twice', async () => {
    await expectConnectError(
      current.client.send(new CreateRoutingProfileCommand(createInput({ ManualAssignmentQueueConfigs: [manual('q-none')] }))),
      'ResourceNotFoundException',
      404,
      /Queue q-none not found/,
    );
    await expectConnectError(
      current.client.send(new CreateRoutingProfileCommand(createInput({ ManualAssignmentQueueConfigs: [manual('q-agent')] }))),
      'InvalidParameterException',
      400,
      /agent queue/,
    );
    await expectConnectError(
      current.client.send(new CreateRoutingProfileCommand(createInput({ ManualAssignmentQueueConfigs: [manual('q1'), manual('q1')] }))),
      'InvalidParameterException',
      400,
      /ManualAssignmentQueueConfigs names queue q1 on CHAT more than once/,
    );
    expect(current.emu.snapshot().profiles).toEqual([]);
  });
});

describe('AssociateRoutingProfileQueues and DisassociateRoutingProfileQueues with manual pairs', () => {
  it('associate: both lists in one call, each alone, never neither', async () => {
    const RoutingProfileId = await create();
    const rp = { ...ids, RoutingProfileId };
    await current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, QueueConfigs: [standard('q0')], ManualAssignmentQueueConfigs: [manual('q1')] }));
    await current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, ManualAssignmentQueueConfigs: [manual('q2', 'EMAIL')] }));
    await current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, QueueConfigs: [standard('q3')] }));
    await expectConnectError(
      current.client.send(new AssociateRoutingProfileQueuesCommand(rp)),
      'InvalidParameterException',
      400,
      /Either QueueConfigs or ManualAssignmentQueueConfigs must be provided/,
    );
    await expectConnectError(
      current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, ManualAssignmentQueueConfigs: [] })),
      'InvalidParameterException',
      400,
      /'ManualAssignmentQueueConfigs' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    );
    await expectConnectError(
      current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, ManualAssignmentQueueConfigs: range(11).map((q) => manual(q, 'TASK')) })),
      'InvalidParameterException',
      400,
      /less than or equal to 10/,
    );
    expect(standardPairs()).toEqual(['q0/CHAT', 'q3/CHAT']);
    expect(manualPairs()).toEqual(['q1/CHAT', 'q2/EMAIL']);
  });

  it('disassociate: both lists in one call, each alone, never neither, 10 a call', async () => {
    const RoutingProfileId = await create({
      QueueConfigs: range(3).map((q) => standard(q)),
      ManualAssignmentQueueConfigs: range(3).map((q) => manual(q, 'TASK')),
    });
    const rp = { ...ids, RoutingProfileId };
    await current.client.send(
      new DisassociateRoutingProfileQueuesCommand({ ...rp, QueueReferences: [ref('q0')], ManualAssignmentQueueReferences: [ref('q0', 'TASK')] }),
    );
    await current.client.send(new DisassociateRoutingProfileQueuesCommand({ ...rp, ManualAssignmentQueueReferences: [ref('q1', 'TASK')] }));
    await current.client.send(new DisassociateRoutingProfileQueuesCommand({ ...rp, QueueReferences: [ref('q1')] }));
    for (const empty of [{}, { QueueReferences: [], ManualAssignmentQueueReferences: [] }]) {
      await expectConnectError(
        current.client.send(new DisassociateRoutingProfileQueuesCommand({ ...rp, ...empty })),
        'InvalidParameterException',
        400,
        /Either QueueReferences or ManualAssignmentQueueReferences must be provided/,
      );
    }
    await expectConnectError(
      current.client.send(new DisassociateRoutingProfileQueuesCommand({ ...rp, ManualAssignmentQueueReferences: range(11).map((q) => ref(q, 'TASK')) })),
      'InvalidParameterException',
      400,
      /ManualAssignmentQueueReferences can have at most 10 entries per call/,
    );
    expect(standardPairs()).toEqual(['q2/CHAT']);
    expect(manualPairs()).toEqual(['q2/TASK']);
  });

  it('refuses pairs already associated or not associated, like standard pairs, and a refused call changes nothing', async () => {
    const RoutingProfileId = await create({ QueueConfigs: [standard('q0')], ManualAssignmentQueueConfigs: [manual('q1')] });
    const rp = { ...ids, RoutingProfileId };
    await expectConnectError(
      current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, QueueConfigs: [standard('q5')], ManualAssignmentQueueConfigs: [manual('q1')] })),
      'InvalidParameterException',
      400,
      /Queue q1 is already a manual assignment queue of this profile on CHAT/,
    );
    await expectConnectError(
      current.client.send(
        new DisassociateRoutingProfileQueuesCommand({ ...rp, QueueReferences: [ref('q0')], ManualAssignmentQueueReferences: [ref('q1', 'EMAIL')] }),
      ),
      'InvalidParameterException',
      400,
      /Queue q1 is not a manual assignment queue of this profile on EMAIL/,
    );
    await expectConnectError(
      current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, ManualAssignmentQueueConfigs: [manual('q-none')] })),
      'ResourceNotFoundException',
      404,
    );
    expect(standardPairs()).toEqual(['q0/CHAT']);
    expect(manualPairs()).toEqual(['q1/CHAT']);
  });

  it(`QUEUE_MAY_BE_STANDARD_AND_MANUAL (${QUEUE_MAY_BE_STANDARD_AND_MANUAL}): one pair may be both routed and manual`, async () => {
    expect(QUEUE_MAY_BE_STANDARD_AND_MANUAL).toBe(true);
    const RoutingProfileId = await create({ QueueConfigs: [standard('q0')], ManualAssignmentQueueConfigs: [manual('q0')] });
    await current.client.send(new AssociateRoutingProfileQueuesCommand({ ...ids, RoutingProfileId, QueueConfigs: [standard('q1')], ManualAssignmentQueueConfigs: [manual('q1')] }));
    expect(standardPairs()).toEqual(['q0/CHAT', 'q1/CHAT']);
    expect(manualPairs()).toEqual(['q0/CHAT', 'q1/CHAT']);
  });

  it('MANUAL_ASSIGNMENT_CHANNELS: VOICE is accepted for manual assignment (agent-first callbacks)', async () => {
    expect([...MANUAL_ASSIGNMENT_CHANNELS].sort()).toEqual(['CHAT', 'EMAIL', 'TASK', 'VOICE']);
    await create({ ManualAssignmentQueueConfigs: CHANNELS.map((c) => manual('q0', c)) });
    expect(manualPairs()).toEqual(['q0/VOICE', 'q0/CHAT', 'q0/TASK', 'q0/EMAIL']);
  });

  it(`MANUAL_PAIRS_COUNT_TOWARD_PAIR_QUOTA (${MANUAL_PAIRS_COUNT_TOWARD_PAIR_QUOTA}): 50 routed pairs leave room for manual ones`, async () => {
    expect(MANUAL_PAIRS_COUNT_TOWARD_PAIR_QUOTA).toBe(false);
    const RoutingProfileId = await create();
    const rp = { ...ids, RoutingProfileId };
    for (let b = 0; b < 5; b++) {
      const QueueConfigs = range(10, (b % 3) * 10).map((q) => standard(q, CHANNELS[Math.floor(b / 3) + 1]));
      await current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, QueueConfigs }));
    }
    await current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, ManualAssignmentQueueConfigs: range(10).map((q) => manual(q, 'EMAIL')) }));
    await expectConnectError(
      current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, QueueConfigs: [standard('q0', 'EMAIL')] })),
      'InvalidParameterException',
      400,
      /at most 50 queue-channel pairs/,
    );
    expect([standardPairs().length, manualPairs().length]).toEqual([50, 10]);
  });
});

describe('ListRoutingProfileManualAssignmentQueues', () => {
  /** 30 queues x 4 channels = 120 manual pairs, associated 10 a call as a client would. */
  async function profileWith120Pairs(): Promise<string> {
    const pairs = CHANNELS.flatMap((c) => range(QUEUE_COUNT).map((q) => manual(q, c)));
    const RoutingProfileId = await create({ ManualAssignmentQueueConfigs: pairs.slice(0, 10) });
    for (let i = 10; i < pairs.length; i += 10) {
      await current.client.send(new AssociateRoutingProfileQueuesCommand({ ...ids, RoutingProfileId, ManualAssignmentQueueConfigs: pairs.slice(i, i + 10) }));
    }
    return RoutingProfileId;
  }

  it('pages 120 pairs: 100 by default, any 1..100 a page, opaque tokens bound to their profile', async () => {
    const RoutingProfileId = await profileWith120Pairs();
    const rp = { ...ids, RoutingProfileId };
    const first = await current.client.send(new ListRoutingProfileManualAssignmentQueuesCommand(rp));
    expect(first.RoutingProfileManualAssignmentQueueConfigSummaryList).toHaveLength(100);
    expect(first.NextToken).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await current.client.send(new ListRoutingProfileManualAssignmentQueuesCommand({ ...rp, NextToken: first.NextToken }));
    expect(second.RoutingProfileManualAssignmentQueueConfigSummaryList).toHaveLength(20);
    expect(second.NextToken).toBeUndefined();

    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListRoutingProfileManualAssignmentQueues({ client: current.client, pageSize: 7 }, rp)) {
      pages++;
      for (const s of page.RoutingProfileManualAssignmentQueueConfigSummaryList ?? []) seen.push(`${s.QueueId}/${s.Channel}`);
    }
    expect(pages).toBe(Math.ceil(120 / 7));
    expect(seen).toEqual(CHANNELS.flatMap((c) => range(QUEUE_COUNT).map((q) => `${q}/${c}`)));

    for (const MaxResults of [0, 101]) {
      await expectConnectError(
        current.client.send(new ListRoutingProfileManualAssignmentQueuesCommand({ ...rp, MaxResults })),
        'InvalidParameterException',
        400,
        /MaxResults/,
      );
    }
    const other = await create({ Name: 'Other', ManualAssignmentQueueConfigs: [manual('q0')] });
    for (const NextToken of [first.NextToken!, 'not-a-token']) {
      await expectConnectError(
        current.client.send(new ListRoutingProfileManualAssignmentQueuesCommand({ ...ids, RoutingProfileId: other, NextToken })),
        'InvalidParameterException',
        400,
        /NextToken is not valid/,
      );
    }
  });

  it('answers 404 for an unknown profile and an empty list for a profile without manual pairs', async () => {
    await expectConnectError(
      current.client.send(new ListRoutingProfileManualAssignmentQueuesCommand({ ...ids, RoutingProfileId: 'nope' })),
      'ResourceNotFoundException',
      404,
    );
    const id = await create();
    const out = await current.client.send(new ListRoutingProfileManualAssignmentQueuesCommand({ ...ids, RoutingProfileId: id }));
    expect(out.RoutingProfileManualAssignmentQueueConfigSummaryList).toEqual([]);
  });
});

describe('reads and the request log', () => {
  it(`SEARCH_RETURNS_MANUAL_QUEUE_IDS (${SEARCH_RETURNS_MANUAL_QUEUE_IDS}): Search gives the count, not the IDs`, async () => {
    expect(SEARCH_RETURNS_MANUAL_QUEUE_IDS).toBe(false);
    await create({ ManualAssignmentQueueConfigs: [manual('q0'), manual('q0', 'TASK'), manual('q1')] });
    const found = (await current.client.send(new SearchRoutingProfilesCommand(ids))).RoutingProfiles![0];
    // Distinct queues, as NumberOfAssociatedQueues counts them.
    expect(found.NumberOfAssociatedManualAssignmentQueues).toBe(2);
    expect(found).not.toHaveProperty('AssociatedManualAssignmentQueueIds');
  });

  it('records the manual members exactly as received', async () => {
    const RoutingProfileId = await create({ ManualAssignmentQueueConfigs: [manual('q0')] });
    await current.client.send(new AssociateRoutingProfileQueuesCommand({ ...ids, RoutingProfileId, QueueConfigs: [standard('q1')], ManualAssignmentQueueConfigs: [manual('q2', 'TASK')] }));
    await current.client.send(new DisassociateRoutingProfileQueuesCommand({ ...ids, RoutingProfileId, ManualAssignmentQueueReferences: [ref('q0')] }));
    await current.client.send(new ListRoutingProfileManualAssignmentQueuesCommand({ ...ids, RoutingProfileId, MaxResults: 5 }));
    expect(current.emu.requestLog.map((e) => [e.operation, e.input, e.status])).toEqual([
      ['CreateRoutingProfile', { ...createInput(), ManualAssignmentQueueConfigs: [manual('q0')] }, 200],
      ['AssociateRoutingProfileQueues', { ...ids, RoutingProfileId, QueueConfigs: [standard('q1')], ManualAssignmentQueueConfigs: [manual('q2', 'TASK')] }, 200],
      ['DisassociateRoutingProfileQueues', { ...ids, RoutingProfileId, ManualAssignmentQueueReferences: [ref('q0')] }, 200],
      ['ListRoutingProfileManualAssignmentQueues', { ...ids, RoutingProfileId, MaxResults: 5 }, 200],
    ]);
  });
});
