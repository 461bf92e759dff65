// Users, the default profile and DeleteRoutingProfile; the seed fields and in-process helpers that set what no
// operation in scope can (users, default, account), and two emulators in two accounts.
import {
  DeleteRoutingProfileCommand,
  DescribeRoutingProfileCommand,
  ListRoutingProfileManualAssignmentQueuesCommand,
  ListTagsForResourceCommand,
  ResourceInUseException,
  SearchRoutingProfilesCommand,
} from '@aws-sdk/client-connect';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator, type SeedProfile } from '../../src/emulator/index.js';
import { DELETE_REFUSED_FOR_DEFAULT_PROFILE, DELETE_REFUSED_WITH_USERS } from '../../src/emulator/handlers/routing-profiles.js';
import { BASE_SEED, clientFor, expectConnectError, start } from './helpers.js';

const profile = (name: string, extra: Partial<SeedProfile> = {}): SeedProfile => ({
  name,
  description: 'd',
  defaultOutboundQueue: 'BasicQueue',
  mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1 }],
  ...extra,
});

let dir: string;
const running: RunningEmulator[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-users-'));
});
afterEach(async () => {
  for (const e of running.splice(0)) await e.close();
  rmSync(dir, { recursive: true, force: true });
});

async function seeded(profiles: SeedProfile[], extra: Record<string, unknown> = {}) {
  const started = await start({ seed: { ...BASE_SEED, profiles }, ...extra });
  running.push(started.emu);
  const idOf = (name: string) => started.emu.snapshot().profiles.find((p) => p.name === name)!.routingProfileId;
  return { ...started, idOf };
}

describe('NumberOfAssociatedUsers and IsDefault', () => {
  it('Describe and Search return what the seed and the helpers set', async () => {
    const { emu, client, idOf } = await seeded([profile('Basic', { isDefault: true, associatedUsers: 3 }), profile('Team', { associatedUsers: 230 }), profile('Empty')]);
    const describe = async (name: string) =>
      (await client.send(new DescribeRoutingProfileCommand({ InstanceId: 'inst-1', RoutingProfileId: idOf(name) }))).RoutingProfile!;
    expect(await describe('Basic')).toMatchObject({ IsDefault: true, NumberOfAssociatedUsers: 3 });
    expect(await describe('Team')).toMatchObject({ IsDefault: false, NumberOfAssociatedUsers: 230 });
    expect(await describe('Empty')).toMatchObject({ IsDefault: false, NumberOfAssociatedUsers: 0 });

    emu.setAssociatedUsers('Empty', 7);
    emu.setDefaultProfile('Team');
    const found = (await client.send(new SearchRoutingProfilesCommand({ InstanceId: 'inst-1' }))).RoutingProfiles!;
    expect(found.map((p) => [p.Name, p.IsDefault, p.NumberOfAssociatedUsers])).toEqual([
      ['Basic', false, 3],
      ['Team', true, 230],
      ['Empty', false, 7],
    ]);
    emu.setDefaultProfile(undefined);
    expect(emu.snapshot().profiles.map((p) => p.isDefault)).toEqual([false, false, false]);
  });

  it('the helpers refuse an unknown profile name and a negative or fractional user count', async () => {
    const { emu } = await seeded([profile('Team')]);
    expect(() => emu.setAssociatedUsers('Nobody', 1)).toThrow(/no routing profile is named 'Nobody'/);
    expect(() => emu.setDefaultProfile('Nobody')).toThrow(/no routing profile is named 'Nobody'/);
    expect(() => emu.setAssociatedUsers('Team', -1)).toThrow(/whole number/);
    expect(() => emu.setAssociatedUsers('Team', 1.5)).toThrow(/whole number/);
  });
});

describe('DeleteRoutingProfile', () => {
  it(`DELETE_REFUSED_FOR_DEFAULT_PROFILE / DELETE_REFUSED_WITH_USERS: ResourceInUseException 409, allowed once neither holds`, async () => {
    expect([DELETE_REFUSED_FOR_DEFAULT_PROFILE, DELETE_REFUSED_WITH_USERS]).toEqual([true, true]);
    const { emu, client, idOf } = await seeded([profile('Basic', { isDefault: true }), profile('Team', { associatedUsers: 2 }), profile('Old')]);
    const del = (name: string) => client.send(new DeleteRoutingProfileCommand({ InstanceId: 'inst-1', RoutingProfileId: idOf(name) }));

    const defaultErr = await expectConnectError(del('Basic'), 'ResourceInUseException', 409, /is the default routing profile/);
    expect(defaultErr).toBeInstanceOf(ResourceInUseException);
    expect(defaultErr).toMatchObject({ ResourceType: 'INSTANCE', ResourceId: emu.instanceArn });
    const usersErr = await expectConnectError(del('Team'), 'ResourceInUseException', 409, /has 2 associated users/);
    expect(usersErr).toMatchObject({ ResourceType: 'USER' });
    expect(emu.snapshot().profiles.map((p) => p.name)).toEqual(['Basic', 'Team', 'Old']);

    await del('Old');
    emu.setAssociatedUsers('Team', 0);
    await del('Team');
    emu.setDefaultProfile(undefined);
    await del('Basic');
    expect(emu.snapshot().profiles).toEqual([]);
    expect(emu.requestLog.map((e) => [e.operation, e.status])).toEqual([
      ['DeleteRoutingProfile', 409],
      ['DeleteRoutingProfile', 409],
      ['DeleteRoutingProfile', 200],
      ['DeleteRoutingProfile', 200],
      ['DeleteRoutingProfile', 200],
    ]);
  });
});

describe('seeding the newer fields', () => {
  function writeSeed(profilesYaml: string, config = 'instanceId: acct-b\naccountId: "210987654321"\nregion: eu-central-1\n'): void {
    const queues = Array.from({ length: 12 }, (_, i) => `  - { name: Q${i}, queueId: q${i} }\n`).join('');
    writeFileSync(join(dir, 'emulator.yaml'), `${config}queues:\n  - name: BasicQueue\n${queues}`);
    writeFileSync(join(dir, 'profiles.yaml'), profilesYaml);
  }

  it('emulator.yaml accountId; profiles with manual queues (12: create + associate), workload types, users, default', async () => {
    const manual = Array.from({ length: 12 }, (_, i) => `  - { queue: Q${i}, channel: ${i % 2 ? 'TASK' : 'CHAT'} }\n`).join('');
    writeSeed(`name: Worklist
description: Pickers
defaultOutboundQueue: BasicQueue
isDefault: true
associatedUsers: 12
mediaConcurrencies:
  - channel: TASK
    concurrency: 4
    workloadTypes:
      - { workloadType: callback, concurrency: 2, crossChannelWorkloadBehavior: ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY }
  - channel: EMAIL
    concurrency: 2
    workloadTypeConcurrencies: [{ workloadType: legacy, concurrency: 1, crossChannelWorkloadBehavior: { channelWorkloadBehaviorType: ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE } }]
manualAssignmentQueues:
${manual}`);
    const emu = await startEmulator({ seedDir: dir });
    running.push(emu);
    expect([emu.accountId, emu.startedFrom]).toEqual(['210987654321', 'seed']);
    expect(emu.instanceArn).toBe('arn:aws:connect:eu-central-1:210987654321:instance/acct-b');
    const [p] = emu.snapshot().profiles;
    expect(p.arn).toBe(`arn:aws:connect:eu-central-1:210987654321:instance/acct-b/routing-profile/${p.routingProfileId}`);
    expect([p.isDefault, p.associatedUsers]).toEqual([true, 12]);
    expect(p.mediaConcurrencies.map((m) => m.workloadTypeConcurrencies)).toEqual([
      [{ workloadType: 'callback', concurrency: 2, crossChannelWorkloadBehavior: 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY' }],
      [{ workloadType: 'legacy', concurrency: 1, crossChannelWorkloadBehavior: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' }],
    ]);
    const client = clientFor(emu);
    const list = await client.send(
      new ListRoutingProfileManualAssignmentQueuesCommand({ InstanceId: 'acct-b', RoutingProfileId: p.routingProfileId }),
    );
    expect(list.RoutingProfileManualAssignmentQueueConfigSummaryList!.map((q) => `${q.QueueName}/${q.Channel}`)).toEqual(
      Array.from({ length: 12 }, (_, i) => `Q${i}/${i % 2 ? 'TASK' : 'CHAT'}`),
    );
    expect(list.RoutingProfileManualAssignmentQueueConfigSummaryList![0].QueueArn).toBe(`${emu.instanceArn}/queue/q0`);
  });

  it.each([
    ['a second default profile', 'name: A\ndescription: d\ndefaultOutboundQueue: BasicQueue\nisDefault: true\nmediaConcurrencies: [{ channel: VOICE, concurrency: 1 }]\n---\nname: B\ndescription: d\ndefaultOutboundQueue: BasicQueue\nisDefault: true\nmediaConcurrencies: [{ channel: VOICE, concurrency: 1 }]\n', /one default routing profile, but 'A' and 'B' say isDefault: true/],
    ['a negative user count', 'name: A\ndescription: d\ndefaultOutboundQueue: BasicQueue\nassociatedUsers: -2\nmediaConcurrencies: [{ channel: VOICE, concurrency: 1 }]\n', /profiles\.yaml: seed profile 'A': associatedUsers must be a whole number/],
    ['isDefault that is not a boolean', 'name: A\ndescription: d\ndefaultOutboundQueue: BasicQueue\nisDefault: "yes"\nmediaConcurrencies: [{ channel: VOICE, concurrency: 1 }]\n', /isDefault must be true or false/],
    ['a manual queue Connect refuses', 'name: A\ndescription: d\ndefaultOutboundQueue: BasicQueue\nmediaConcurrencies: [{ channel: VOICE, concurrency: 1 }]\nmanualAssignmentQueues: [{ queue: Nowhere, channel: CHAT }]\n', /queue reference "Nowhere" matches no queue/],
    ['workload types on VOICE', 'name: A\ndescription: d\ndefaultOutboundQueue: BasicQueue\nmediaConcurrencies: [{ channel: VOICE, concurrency: 1, workloadTypes: [{ workloadType: w, concurrency: 1 }] }]\n', /InvalidParameterException: .*not supported for VOICE/],
  ])('refuses %s, naming the file and profile', async (_what, yaml, message) => {
    writeSeed(yaml);
    await expect(startEmulator({ seedDir: dir })).rejects.toThrow(message);
  });

  it('refuses an account ID that is not 12 digits', async () => {
    writeSeed('', 'accountId: "12345"\n');
    await expect(startEmulator({ seedDir: dir })).rejects.toThrow(/seed accountId: an AWS account ID is 12 digits, got "12345"/);
  });

  it('the state file keeps account, users, default, manual queues and workload types across a restart', async () => {
    const statePath = join(dir, 'state.json');
    const first = await startEmulator({
      statePath,
      seed: {
        ...BASE_SEED,
        accountId: '111122223333',
        profiles: [
          profile('Team', {
            associatedUsers: 4,
            manualAssignmentQueues: [{ queue: 'Sales', channel: 'CHAT' }],
            mediaConcurrencies: [{ channel: 'TASK', concurrency: 2, workloadTypes: [{ workloadType: 'w', concurrency: 1 }] }],
          }),
        ],
      },
    });
    first.setAssociatedUsers('Team', 9);
    first.setDefaultProfile('Team');
    const before = first.snapshot();
    await first.close();
    const second = await startEmulator({ statePath, seed: BASE_SEED });
    running.push(second);
    expect(second.startedFrom).toBe('state-file');
    expect(second.accountId).toBe('111122223333');
    expect(second.snapshot()).toEqual(before);
    expect(before.profiles[0]).toMatchObject({ associatedUsers: 9, isDefault: true, manualAssignmentQueues: [{ queueId: 'q-sales', channel: 'CHAT' }] });
  });
});

describe('two emulators in two accounts', () => {
  it('each answers with its own account in every ARN and does not know the other one’s resources', async () => {
    const a = await seeded([profile('Team')]);
    const b = await start({ seed: { ...BASE_SEED, accountId: '999988887777', profiles: [profile('Team')] } });
    running.push(b.emu);
    expect([a.emu.accountId, b.emu.accountId]).toEqual(['123456789012', '999988887777']);
    const arnA = a.emu.snapshot().profiles[0].arn;
    const arnB = b.emu.snapshot().profiles[0].arn;
    expect(arnB).toMatch(/^arn:aws:connect:us-east-1:999988887777:instance\/inst-1\/routing-profile\//);
    expect((await b.client.send(new ListTagsForResourceCommand({ resourceArn: arnB }))).tags).toEqual({});
    // Same instance ID and region, other account: not this instance's resource.
    const otherAccount = arnA.replace('123456789012', '999988887777');
    await expectConnectError(a.client.send(new ListTagsForResourceCommand({ resourceArn: otherAccount })), 'ResourceNotFoundException', 404);
  });
});
