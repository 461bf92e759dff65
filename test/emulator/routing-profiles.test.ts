// Conformance: routing-profile operations through the real ConnectClient over HTTP.
import {
  AssociateRoutingProfileQueuesCommand,
  CreateRoutingProfileCommand,
  DeleteRoutingProfileCommand,
  DescribeRoutingProfileCommand,
  DisassociateRoutingProfileQueuesCommand,
  ListRoutingProfileQueuesCommand,
  ListRoutingProfilesCommand,
  type MediaConcurrency,
  SearchRoutingProfilesCommand,
  UpdateRoutingProfileAgentAvailabilityTimerCommand,
  UpdateRoutingProfileConcurrencyCommand,
  UpdateRoutingProfileDefaultOutboundQueueCommand,
  UpdateRoutingProfileNameCommand,
  UpdateRoutingProfileQueuesCommand,
} from '@aws-sdk/client-connect';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_AVAILABILITY_TIMER } from '../../src/emulator/handlers/routing-profiles.js';
import { BASE_SEED, createInput, emulatorForEachTest, expectConnectError, ids, start } from './helpers.js';

const current = emulatorForEachTest();

const qc = (QueueId: string, Channel: 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL', Priority = 1, Delay = 0) => ({
  QueueReference: { QueueId, Channel },
  Priority,
  Delay,
});

async function create(over: Record<string, unknown> = {}): Promise<string> {
  const out = await current.client.send(new CreateRoutingProfileCommand(createInput(over)));
  return out.RoutingProfileId!;
}

describe('CreateRoutingProfile and the reads', () => {
  it('creates a profile; Describe shows everything except AssociatedQueueIds', async () => {
    const out = await current.client.send(
      new CreateRoutingProfileCommand(
        createInput({
          MediaConcurrencies: [
            { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
            { Channel: 'CHAT', Concurrency: 3 },
          ],
          QueueConfigs: [qc('q-sales', 'VOICE', 2, 5)],
          Tags: { team: 'support' },
          AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
        }),
      ),
    );
    expect(out.RoutingProfileId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.RoutingProfileArn).toBe(`${current.emu.instanceArn}/routing-profile/${out.RoutingProfileId}`);
    expect(current.emu.instanceArn).toBe('arn:aws:connect:us-east-1:123456789012:instance/inst-1');

    const { RoutingProfile: rp } = await current.client.send(
      new DescribeRoutingProfileCommand({ ...ids, RoutingProfileId: out.RoutingProfileId }),
    );
    expect(rp).toMatchObject({
      InstanceId: 'inst-1',
      Name: 'Tier1',
      Description: 'Frontline',
      DefaultOutboundQueueId: 'q-basic',
      Tags: { team: 'support' },
      AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
      NumberOfAssociatedQueues: 1,
      IsDefault: false,
      LastModifiedRegion: 'us-east-1',
      // CrossChannelBehavior sent absent is stored as ROUTE_CURRENT_CHANNEL_ONLY.
      MediaConcurrencies: [
        { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
        { Channel: 'CHAT', Concurrency: 3, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
      ],
    });
    // Epoch seconds on the wire, so the SDK parses a Date.
    expect(rp!.LastModifiedTime).toBeInstanceOf(Date);
    expect(Math.abs(rp!.LastModifiedTime!.getTime() - Date.now())).toBeLessThan(10_000);
    expect(rp).not.toHaveProperty('AssociatedQueueIds');
  });

  it('Search leaves out CrossChannelBehavior, AgentAvailabilityTimer, LastModified* and includes AssociatedQueueIds', async () => {
    const id = await create({
      MediaConcurrencies: [
        { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
      ],
      QueueConfigs: [qc('q-sales', 'VOICE'), qc('q-sales', 'CHAT'), qc('q-support', 'VOICE')],
    });
    const { RoutingProfiles, ApproximateTotalCount } = await current.client.send(new SearchRoutingProfilesCommand(ids));
    expect(ApproximateTotalCount).toBe(1);
    const rp = RoutingProfiles![0];
    expect(rp.RoutingProfileId).toBe(id);
    expect(rp.AssociatedQueueIds).toEqual(['q-sales', 'q-support']);
    expect(rp.MediaConcurrencies).toEqual([{ Channel: 'VOICE', Concurrency: 1 }]);
    for (const key of ['AgentAvailabilityTimer', 'LastModifiedTime', 'LastModifiedRegion']) {
      expect(rp).not.toHaveProperty(key);
    }
    expect(rp).toMatchObject({ Name: 'Tier1', Description: 'Frontline', DefaultOutboundQueueId: 'q-basic', Tags: {} });
  });

  it('defaults AgentAvailabilityTimer when not sent', async () => {
    const id = await create();
    const { RoutingProfile } = await current.client.send(new DescribeRoutingProfileCommand({ ...ids, RoutingProfileId: id }));
    expect(RoutingProfile!.AgentAvailabilityTimer).toBe(DEFAULT_AGENT_AVAILABILITY_TIMER);
  });

  it('ListRoutingProfiles returns summaries', async () => {
    const id = await create();
    const out = await current.client.send(new ListRoutingProfilesCommand(ids));
    expect(out.RoutingProfileSummaryList).toHaveLength(1);
    expect(out.RoutingProfileSummaryList![0]).toMatchObject({ Id: id, Name: 'Tier1', LastModifiedRegion: 'us-east-1' });
    expect(out.NextToken).toBeUndefined();
  });

  it('ListRoutingProfileQueues gives channel, priority, delay and queue names', async () => {
    const id = await create({ QueueConfigs: [qc('q-sales', 'CHAT', 3, 10), qc('q-support', 'VOICE', 1, 0)] });
    const out = await current.client.send(new ListRoutingProfileQueuesCommand({ ...ids, RoutingProfileId: id }));
    expect(out.RoutingProfileQueueConfigSummaryList).toEqual([
      { QueueId: 'q-sales', QueueArn: `${current.emu.instanceArn}/queue/q-sales`, QueueName: 'Sales', Channel: 'CHAT', Priority: 3, Delay: 10 },
      { QueueId: 'q-support', QueueArn: `${current.emu.instanceArn}/queue/q-support`, QueueName: 'Support', Channel: 'VOICE', Priority: 1, Delay: 0 },
    ]);
    expect(out.LastModifiedTime).toBeInstanceOf(Date);
  });
});

describe('validation as Connect does it', () => {
  it('reports every model violation at once as InvalidParameterException 400', async () => {
    const e = await expectConnectError(
      current.client.send(
        new CreateRoutingProfileCommand(
          createInput({
            Name: 'x'.repeat(128),
            Description: undefined,
            MediaConcurrencies: [{ Channel: 'PIGEON', Concurrency: 999 }],
          }),
        ),
      ),
      'InvalidParameterException',
      400,
    );
    expect(e.message).toMatch(/^4 validation errors detected/);
    expect(e.message).toMatch(/'Name' failed to satisfy constraint: Member must have length less than or equal to 127/);
    expect(e.message).toMatch(/'Description' failed to satisfy constraint: Member must not be null/);
    expect(e.message).toMatch(/MediaConcurrencies\[0\]\.Channel.*enum value set: \[VOICE, CHAT, TASK, EMAIL\]/);
    expect(e.message).toMatch(/MediaConcurrencies\[0\]\.Concurrency.*less than or equal to 10/);
    expect(current.emu.snapshot().profiles).toHaveLength(0);
  });

  it.each([
    ['VOICE concurrency 2', [{ Channel: 'VOICE', Concurrency: 2 }], /VOICE must be 1\.\.1/],
    ['CHAT concurrency 0', [{ Channel: 'CHAT', Concurrency: 0 }], /greater than or equal to 1/],
    ['TASK concurrency 11', [{ Channel: 'TASK', Concurrency: 11 }], /less than or equal to 10/],
    ['a channel twice', [{ Channel: 'CHAT', Concurrency: 2 }, { Channel: 'CHAT', Concurrency: 3 }], /more than one entry for channel CHAT/],
    ['no channel at all', [], /at least one channel/],
    ['a missing Concurrency', [{ Channel: 'EMAIL' }], /Concurrency' failed to satisfy constraint: Member must not be null/],
  ])('refuses %s', async (_what, MediaConcurrencies, message) => {
    await expectConnectError(
      current.client.send(new CreateRoutingProfileCommand(createInput({ MediaConcurrencies }))),
      'InvalidParameterException',
      400,
      message,
    );
  });

  it('accepts CHAT, TASK and EMAIL at 10', async () => {
    const MediaConcurrencies = ['CHAT', 'TASK', 'EMAIL'].map((Channel) => ({ Channel, Concurrency: 10 }));
    await create({ MediaConcurrencies });
  });

  it('checks priority, delay, description length, enums and the tag key pattern', async () => {
    const bad = [
      { QueueConfigs: [qc('q-sales', 'VOICE', 100, 0)] },
      { QueueConfigs: [qc('q-sales', 'VOICE', 1, 10_000)] },
      { QueueConfigs: [qc('q-sales', 'VOICE', 0, -1)] },
      { Description: '' },
      { Description: 'd'.repeat(251) },
      { AgentAvailabilityTimer: 'WHENEVER' },
      { Tags: { 'aws:reserved': 'x' } },
      { Tags: { ok: 'v'.repeat(257) } },
      { MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ANY' } }] },
    ];
    for (const over of bad) {
      await expectConnectError(current.client.send(new CreateRoutingProfileCommand(createInput(over))), 'InvalidParameterException', 400);
    }
  });

  it('takes at most 10 queue configs per call and 50 queue-channel pairs per profile', async () => {
    const configs = Array.from({ length: 11 }, (_, i) => qc('q-sales', 'VOICE', i + 1));
    await expectConnectError(
      current.client.send(new CreateRoutingProfileCommand(createInput({ QueueConfigs: configs }))),
      'InvalidParameterException',
      400,
      /QueueConfigs' failed to satisfy constraint: Member must have length less than or equal to 10/,
    );
    // 52 queues x 1 channel: associate 50 in batches of 10, then the 51st pair is refused.
    const many = await start({
      seed: { instanceId: 'inst-1', queues: Array.from({ length: 52 }, (_, i) => ({ name: `Q${i}`, queueId: `q${i}` })), profiles: [] },
    });
    try {
      const id = (await many.client.send(new CreateRoutingProfileCommand(createInput({ DefaultOutboundQueueId: 'q0' })))).RoutingProfileId!;
      for (let b = 0; b < 5; b++) {
        const QueueConfigs = Array.from({ length: 10 }, (_, i) => qc(`q${b * 10 + i}`, 'VOICE'));
        await many.client.send(new AssociateRoutingProfileQueuesCommand({ ...ids, RoutingProfileId: id, QueueConfigs }));
      }
      await expectConnectError(
        many.client.send(new AssociateRoutingProfileQueuesCommand({ ...ids, RoutingProfileId: id, QueueConfigs: [qc('q50', 'VOICE')] })),
        'InvalidParameterException',
        400,
        /at most 50 queue-channel pairs/,
      );
      await expectConnectError(
        many.client.send(
          new DisassociateRoutingProfileQueuesCommand({
            ...ids,
            RoutingProfileId: id,
            QueueReferences: Array.from({ length: 11 }, (_, i) => ({ QueueId: `q${i}`, Channel: 'VOICE' as const })),
          }),
        ),
        'InvalidParameterException',
        400,
        /at most 10 entries per call/,
      );
      expect(many.emu.snapshot().profiles[0].queueConfigs).toHaveLength(50);
    } finally {
      await many.emu.close();
    }
  });

  it('refuses the same queue-channel pair twice in one call', async () => {
    await expectConnectError(
      current.client.send(new CreateRoutingProfileCommand(createInput({ QueueConfigs: [qc('q-sales', 'VOICE'), qc('q-sales', 'VOICE', 2)] }))),
      'InvalidParameterException',
      400,
      /more than once/,
    );
  });
});

describe('identity and existence', () => {
  it('names are unique per instance: DuplicateResourceException 409 on create and rename', async () => {
    const a = await create({ Name: 'A' });
    await create({ Name: 'B' });
    await expectConnectError(current.client.send(new CreateRoutingProfileCommand(createInput({ Name: 'A' }))), 'DuplicateResourceException', 409);
    await expectConnectError(
      current.client.send(new UpdateRoutingProfileNameCommand({ ...ids, RoutingProfileId: a, Name: 'B' })),
      'DuplicateResourceException',
      409,
    );
    // Renaming to its own name is not a duplicate.
    await current.client.send(new UpdateRoutingProfileNameCommand({ ...ids, RoutingProfileId: a, Name: 'A', Description: 'new' }));
  });

  it('answers ResourceNotFoundException 404 for an unknown instance, profile or queue', async () => {
    const id = await create();
    await expectConnectError(current.client.send(new ListRoutingProfilesCommand({ InstanceId: 'other' })), 'ResourceNotFoundException', 404, /Instance other/);
    await expectConnectError(current.client.send(new DescribeRoutingProfileCommand({ ...ids, RoutingProfileId: 'nope' })), 'ResourceNotFoundException', 404);
    await expectConnectError(current.client.send(new CreateRoutingProfileCommand(createInput({ Name: 'X', DefaultOutboundQueueId: 'q-none' }))), 'ResourceNotFoundException', 404);
    await expectConnectError(
      current.client.send(new AssociateRoutingProfileQueuesCommand({ ...ids, RoutingProfileId: id, QueueConfigs: [qc('q-none', 'VOICE')] })),
      'ResourceNotFoundException',
      404,
    );
    await expectConnectError(
      current.client.send(new UpdateRoutingProfileDefaultOutboundQueueCommand({ ...ids, RoutingProfileId: id, DefaultOutboundQueueId: 'q-none' })),
      'ResourceNotFoundException',
      404,
    );
    // The SDK sends an empty label as-is: the profile '' does not exist.
    await expectConnectError(current.client.send(new DescribeRoutingProfileCommand({ ...ids, RoutingProfileId: '' })), 'ResourceNotFoundException', 404);
  });

  it('LimitExceededException 429 past 500 profiles per instance', async () => {
    const profiles = Array.from({ length: 500 }, (_, i) => ({
      name: `P${i}`,
      description: 'd',
      defaultOutboundQueue: 'BasicQueue',
      mediaConcurrencies: [{ channel: 'VOICE' as const, concurrency: 1 }],
    }));
    const full = await start({ seed: { ...BASE_SEED, profiles } });
    try {
      await expectConnectError(full.client.send(new CreateRoutingProfileCommand(createInput({ Name: 'one more' }))), 'LimitExceededException', 429);
    } finally {
      await full.emu.close();
    }
  });

  it('profileQuota: a raised (here lowered) quota is where creates are refused, with the quota named', async () => {
    const small = await start({ profileQuota: 2 });
    try {
      await small.client.send(new CreateRoutingProfileCommand(createInput({ Name: 'first' })));
      await small.client.send(new CreateRoutingProfileCommand(createInput({ Name: 'second' })));
      await expectConnectError(
        small.client.send(new CreateRoutingProfileCommand(createInput({ Name: 'third' }))),
        'LimitExceededException',
        429,
        /already has 2 routing profiles, its quota/,
      );
      expect(small.emu.snapshot().profiles.map((p) => p.name)).toEqual(['first', 'second']);
    } finally {
      await small.emu.close();
    }
  });

  it('DeleteRoutingProfile removes it and frees the name', async () => {
    const id = await create();
    await current.client.send(new DeleteRoutingProfileCommand({ ...ids, RoutingProfileId: id }));
    await expectConnectError(current.client.send(new DescribeRoutingProfileCommand({ ...ids, RoutingProfileId: id })), 'ResourceNotFoundException', 404);
    await expectConnectError(current.client.send(new DeleteRoutingProfileCommand({ ...ids, RoutingProfileId: id })), 'ResourceNotFoundException', 404);
    await create();
  });
});

describe('updates', () => {
  it('UpdateRoutingProfileConcurrency replaces the whole list and keeps WorkloadTypeConcurrencies', async () => {
    const id = await create({ MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }, { Channel: 'CHAT', Concurrency: 2 }] });
    const task = {
      Channel: 'TASK',
      Concurrency: 4,
      WorkloadTypeConcurrencies: [{ WorkloadType: 'callback', Concurrency: 2, CrossChannelWorkloadBehavior: { ChannelWorkloadBehaviorType: 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY' } }],
    } as MediaConcurrency;
    await current.client.send(new UpdateRoutingProfileConcurrencyCommand({ ...ids, RoutingProfileId: id, MediaConcurrencies: [task] }));
    const { RoutingProfile } = await current.client.send(new DescribeRoutingProfileCommand({ ...ids, RoutingProfileId: id }));
    expect(RoutingProfile!.MediaConcurrencies).toEqual([
      { ...task, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
    ]);
    await expectConnectError(
      current.client.send(
        new UpdateRoutingProfileConcurrencyCommand({
          ...ids,
          RoutingProfileId: id,
          MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1, WorkloadTypeConcurrencies: [{ WorkloadType: 'x', Concurrency: 1 }] }],
        }),
      ),
      'InvalidParameterException',
      400,
      /not supported for VOICE/,
    );
  });

  it('UpdateRoutingProfileName needs Name or Description and changes only what it is given', async () => {
    const id = await create();
    await expectConnectError(
      current.client.send(new UpdateRoutingProfileNameCommand({ ...ids, RoutingProfileId: id })),
      'InvalidParameterException',
      400,
      /At least Name or Description/,
    );
    await current.client.send(new UpdateRoutingProfileNameCommand({ ...ids, RoutingProfileId: id, Description: 'Changed' }));
    expect(current.emu.snapshot().profiles[0]).toMatchObject({ name: 'Tier1', description: 'Changed' });
  });

  it('updates default outbound queue and agent availability timer', async () => {
    const id = await create();
    await current.client.send(new UpdateRoutingProfileDefaultOutboundQueueCommand({ ...ids, RoutingProfileId: id, DefaultOutboundQueueId: 'q-sales' }));
    await current.client.send(new UpdateRoutingProfileAgentAvailabilityTimerCommand({ ...ids, RoutingProfileId: id, AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' }));
    await expectConnectError(
      current.client.send(new UpdateRoutingProfileAgentAvailabilityTimerCommand({ ...ids, RoutingProfileId: id, AgentAvailabilityTimer: undefined as never })),
      'InvalidParameterException',
      400,
      /AgentAvailabilityTimer' failed to satisfy constraint: Member must not be null/,
    );
    expect(current.emu.snapshot().profiles[0]).toMatchObject({ defaultOutboundQueueId: 'q-sales', agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' });
  });

  it('associate, update priority/delay, disassociate: only pairs in the right state', async () => {
    const id = await create({ QueueConfigs: [qc('q-sales', 'VOICE', 1, 0)] });
    const rp = { ...ids, RoutingProfileId: id };
    await expectConnectError(
      current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, QueueConfigs: [qc('q-sales', 'VOICE', 2)] })),
      'InvalidParameterException',
      400,
      /already associated/,
    );
    await expectConnectError(current.client.send(new AssociateRoutingProfileQueuesCommand(rp)), 'InvalidParameterException', 400);
    await current.client.send(new AssociateRoutingProfileQueuesCommand({ ...rp, QueueConfigs: [qc('q-sales', 'CHAT', 5, 30)] }));
    // UpdateRoutingProfileQueues changes only associated pairs; a refused call changes nothing.
    await expectConnectError(
      current.client.send(new UpdateRoutingProfileQueuesCommand({ ...rp, QueueConfigs: [qc('q-sales', 'VOICE', 9), qc('q-support', 'VOICE', 9)] })),
      'InvalidParameterException',
      400,
      /not associated/,
    );
    await current.client.send(new UpdateRoutingProfileQueuesCommand({ ...rp, QueueConfigs: [qc('q-sales', 'VOICE', 7, 20)] }));
    await expectConnectError(
      current.client.send(new DisassociateRoutingProfileQueuesCommand({ ...rp, QueueReferences: [{ QueueId: 'q-support', Channel: 'VOICE' }] })),
      'InvalidParameterException',
      400,
      /not associated/,
    );
    await current.client.send(new DisassociateRoutingProfileQueuesCommand({ ...rp, QueueReferences: [{ QueueId: 'q-sales', Channel: 'CHAT' }] }));
    expect(current.emu.snapshot().profiles[0].queueConfigs.map(({ seq: _s, ...c }) => c)).toEqual([
      { queueId: 'q-sales', channel: 'VOICE', priority: 7, delay: 20 },
    ]);
  });
});
