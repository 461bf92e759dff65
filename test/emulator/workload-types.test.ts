// Conformance: MediaConcurrency.WorkloadTypeConcurrencies through the real ConnectClient over HTTP.
import {
  CreateRoutingProfileCommand,
  DescribeRoutingProfileCommand,
  type MediaConcurrency,
  SearchRoutingProfilesCommand,
  UpdateRoutingProfileConcurrencyCommand,
  type WorkloadTypeConcurrency,
} from '@aws-sdk/client-connect';
import { describe, expect, it } from 'vitest';
import {
  CHANNEL_WITHOUT_WORKLOAD_TYPES_CLEARS_THEM,
  WORKLOAD_BEHAVIOR_WHEN_ABSENT,
  WORKLOAD_TYPE_CHANNELS,
  WORKLOAD_TYPE_MAX_LENGTH,
} from '../../src/emulator/handlers/rules.js';
import { createInput, emulatorForEachTest, expectConnectError, ids } from './helpers.js';

const current = emulatorForEachTest();

const wt = (WorkloadType: string, Concurrency: number, behavior?: string): WorkloadTypeConcurrency =>
  ({
    WorkloadType,
    Concurrency,
    ...(behavior ? { CrossChannelWorkloadBehavior: { ChannelWorkloadBehaviorType: behavior } } : {}),
  }) as WorkloadTypeConcurrency;
const task = (list: WorkloadTypeConcurrency[] | undefined, Concurrency = 5): MediaConcurrency => ({
  Channel: 'TASK',
  Concurrency,
  ...(list ? { WorkloadTypeConcurrencies: list } : {}),
});

async function create(media: MediaConcurrency[]): Promise<string> {
  return (await current.client.send(new CreateRoutingProfileCommand(createInput({ MediaConcurrencies: media })))).RoutingProfileId!;
}
async function describeMedia(id: string): Promise<MediaConcurrency[]> {
  return (await current.client.send(new DescribeRoutingProfileCommand({ ...ids, RoutingProfileId: id }))).RoutingProfile!.MediaConcurrencies!;
}

describe('workload types round trip', () => {
  it('Create stores them; Describe and Search return them per channel', async () => {
    const taskTypes = [wt('callback', 2, 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY'), wt('back-office', 3, 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE')];
    const emailTypes = [wt('callback', 1, 'ROUTE_CURRENT_CHANNEL_CURRENT_WORKLOADTYPE_ONLY')];
    const id = await create([
      { Channel: 'VOICE', Concurrency: 1 },
      task(taskTypes),
      { Channel: 'EMAIL', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' }, WorkloadTypeConcurrencies: emailTypes },
    ]);
    expect(await describeMedia(id)).toEqual([
      { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
      { Channel: 'TASK', Concurrency: 5, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' }, WorkloadTypeConcurrencies: taskTypes },
      { Channel: 'EMAIL', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' }, WorkloadTypeConcurrencies: emailTypes },
    ]);
    const found = (await current.client.send(new SearchRoutingProfilesCommand(ids))).RoutingProfiles![0];
    expect(found.MediaConcurrencies).toEqual([
      { Channel: 'VOICE', Concurrency: 1 },
      { Channel: 'TASK', Concurrency: 5, WorkloadTypeConcurrencies: taskTypes },
      { Channel: 'EMAIL', Concurrency: 2, WorkloadTypeConcurrencies: emailTypes },
    ]);
    expect(current.emu.requestLog[0].input.MediaConcurrencies).toEqual([
      { Channel: 'VOICE', Concurrency: 1 },
      task(taskTypes),
      { Channel: 'EMAIL', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' }, WorkloadTypeConcurrencies: emailTypes },
    ]);
  });

  it(`UpdateRoutingProfileConcurrency replaces them; CHANNEL_WITHOUT_WORKLOAD_TYPES_CLEARS_THEM (${CHANNEL_WITHOUT_WORKLOAD_TYPES_CLEARS_THEM})`, async () => {
    expect(CHANNEL_WITHOUT_WORKLOAD_TYPES_CLEARS_THEM).toBe(true);
    const id = await create([task([wt('callback', 2), wt('chase', 1)])]);
    const rp = { ...ids, RoutingProfileId: id };
    await current.client.send(new UpdateRoutingProfileConcurrencyCommand({ ...rp, MediaConcurrencies: [task([wt('callback', 4)], 6)] }));
    expect(await describeMedia(id)).toEqual([
      { Channel: 'TASK', Concurrency: 6, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' }, WorkloadTypeConcurrencies: [wt('callback', 4)] },
    ]);
    // The channel sent without the member has no workload types afterwards.
    await current.client.send(new UpdateRoutingProfileConcurrencyCommand({ ...rp, MediaConcurrencies: [task(undefined, 6)] }));
    const [after] = await describeMedia(id);
    expect(after).not.toHaveProperty('WorkloadTypeConcurrencies');
    expect(current.emu.snapshot().profiles[0].mediaConcurrencies).toEqual([{ channel: 'TASK', concurrency: 6, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' }]);
  });

  it(`WORKLOAD_BEHAVIOR_WHEN_ABSENT (${String(WORKLOAD_BEHAVIOR_WHEN_ABSENT)}): an entry sent without a behaviour comes back without one`, async () => {
    expect(WORKLOAD_BEHAVIOR_WHEN_ABSENT).toBeUndefined();
    const id = await create([task([wt('callback', 2)])]);
    const [media] = await describeMedia(id);
    expect(media.WorkloadTypeConcurrencies).toEqual([{ WorkloadType: 'callback', Concurrency: 2 }]);
  });

  it('the same workload type may appear on two channels', async () => {
    const id = await create([task([wt('callback', 2)]), { Channel: 'EMAIL', Concurrency: 3, WorkloadTypeConcurrencies: [wt('callback', 3)] }]);
    expect((await describeMedia(id)).map((m) => m.WorkloadTypeConcurrencies)).toEqual([[wt('callback', 2)], [wt('callback', 3)]]);
  });
});

describe('workload type validation', () => {
  const tooLong = 'w'.repeat(WORKLOAD_TYPE_MAX_LENGTH + 1);
  it.each([
    ['6 entries (model: 1..5)', [task(['a', 'b', 'c', 'd', 'e', 'f'].map((t) => wt(t, 1)))], /WorkloadTypeConcurrencies' failed to satisfy constraint: Member must have length less than or equal to 5/],
    ['an empty list (model: 1..5)', [task([])], /greater than or equal to 1/],
    ['Concurrency 11', [task([wt('a', 11)])], /WorkloadTypeConcurrencies\[0\]\.Concurrency' failed to satisfy constraint: Member must have value less than or equal to 10/],
    ['Concurrency 0', [task([wt('a', 0)])], /greater than or equal to 1/],
    ['a missing Concurrency', [task([{ WorkloadType: 'a' } as WorkloadTypeConcurrency])], /Concurrency' failed to satisfy constraint: Member must not be null/],
    ['a channel with workload types but no Concurrency of its own (the model requires it)', [{ Channel: 'TASK', WorkloadTypeConcurrencies: [wt('a', 1)] } as MediaConcurrency], /MediaConcurrencies\[0\]\.Concurrency' failed to satisfy constraint: Member must not be null/],
    ['an empty WorkloadType', [task([wt('', 1)])], /WorkloadType' failed to satisfy constraint: Member must have length greater than or equal to 1/],
    ['an unknown behaviour', [task([wt('a', 1, 'ROUTE_SOMEWHERE')])], /ChannelWorkloadBehaviorType' failed to satisfy constraint: Member must satisfy enum value set/],
    ['a workload type twice on one channel', [task([wt('a', 1), wt('a', 2)])], /names workload type 'a' more than once for TASK/],
    [`a WorkloadType over ${WORKLOAD_TYPE_MAX_LENGTH} characters`, [task([wt(tooLong, 1)])], /WorkloadType must be 1\.\.128 characters/],
    ['a control character in WorkloadType', [task([wt('a\u001b[31m', 1)])], /without control characters/],
    ['a blank at the start of WorkloadType', [task([wt(' a', 1)])], /blanks at either end/],
  ])('refuses %s', async (_what, MediaConcurrencies, message) => {
    await expectConnectError(
      current.client.send(new CreateRoutingProfileCommand(createInput({ MediaConcurrencies }))),
      'InvalidParameterException',
      400,
      message,
    );
    expect(current.emu.snapshot().profiles).toEqual([]);
  });

  it(`WORKLOAD_TYPE_MAX_LENGTH (${WORKLOAD_TYPE_MAX_LENGTH}) code points are accepted, in any script`, async () => {
    await create([task([wt('é'.repeat(WORKLOAD_TYPE_MAX_LENGTH), 1), wt('ரிட்டர்ன் கால்', 1)])]);
  });

  it(`WORKLOAD_TYPE_CHANNELS (${[...WORKLOAD_TYPE_CHANNELS].join(', ')}): VOICE and CHAT refuse workload types, on create and update`, async () => {
    expect([...WORKLOAD_TYPE_CHANNELS].sort()).toEqual(['EMAIL', 'TASK']);
    for (const Channel of ['VOICE', 'CHAT'] as const) {
      await expectConnectError(
        current.client.send(new CreateRoutingProfileCommand(createInput({ MediaConcurrencies: [{ Channel, Concurrency: 1, WorkloadTypeConcurrencies: [wt('a', 1)] }] }))),
        'InvalidParameterException',
        400,
        new RegExp(`not supported for ${Channel}`),
      );
    }
    const id = await create([task(undefined)]);
    await expectConnectError(
      current.client.send(
        new UpdateRoutingProfileConcurrencyCommand({
          ...ids,
          RoutingProfileId: id,
          MediaConcurrencies: [{ Channel: 'CHAT', Concurrency: 2, WorkloadTypeConcurrencies: [wt('a', 1)] }],
        }),
      ),
      'InvalidParameterException',
      400,
      /not supported for CHAT/,
    );
    expect(current.emu.snapshot().profiles[0].mediaConcurrencies.map((m) => m.channel)).toEqual(['TASK']);
  });
});
