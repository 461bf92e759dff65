import { CreateRoutingProfileCommand, ListQueuesCommand, ListRoutingProfileManualAssignmentQueuesCommand, SearchQueuesCommand, TagResourceCommand } from '@aws-sdk/client-connect';
import { describe, expect, it } from 'vitest';
import { createConnectClient, transportFor } from '../../src/connect/client.js';
import { READ_COMMANDS, WRITE_COMMANDS } from '../../src/connect/commands.js';
import { accountFromInstanceArn, instanceIdFrom, regionFromInstanceArn } from '../../src/connect/instance-id.js';
import { READ_OPERATIONS, WRITE_OPERATIONS } from '../../src/connect/operations.js';
import { assertReadCommand, createLiveReader } from '../../src/connect/reader.js';
import { commandFor, createConnectWriter } from '../../src/connect/writer.js';
import { InternalError, UserInputError } from '../../src/errors.js';
import { CALL_ORDER, type Call } from '../../src/plan/types.js';
import { FakeConnect, INSTANCE } from './support/fake-connect.js';

describe('read-only reader', () => {
  it('has no way to send a write: not in its type, not at run time', () => {
    const fake = new FakeConnect();
    const reader = createLiveReader(fake);
    // @ts-expect-error LiveReader has no send method
    expect(reader.send).toBeUndefined();
    // @ts-expect-error nor any write operation
    expect(reader.createRoutingProfile).toBeUndefined();
    expect(Object.isFrozen(reader)).toBe(true);
    expect(Object.keys(reader).sort()).toEqual(
      ['describeRoutingProfile', 'listQueues', 'listRoutingProfileManualAssignmentQueues', 'listRoutingProfileQueues', 'searchRoutingProfiles'],
    );
    const write = new CreateRoutingProfileCommand({ InstanceId: INSTANCE, Name: 'x', Description: 'x', DefaultOutboundQueueId: 'q', MediaConcurrencies: [] });
    expect(() => assertReadCommand(write)).toThrow(InternalError);
    expect(() => assertReadCommand(new TagResourceCommand({ resourceArn: 'a', tags: {} }))).toThrow(/refused/);
    expect(() => assertReadCommand(new ListQueuesCommand({ InstanceId: INSTANCE }))).not.toThrow();
    // No command ever chooses SearchQueues (ListQueues pages 1,000 at 10/s): it is off the allow-list and the policies.
    expect(() => assertReadCommand(new SearchQueuesCommand({ InstanceId: INSTANCE }))).toThrow(/refused/);
  });

  it('exports its operations for the IAM policy, matching the command tables', () => {
    expect([...READ_OPERATIONS].sort()).toEqual(Object.keys(READ_COMMANDS).sort());
    expect([...WRITE_OPERATIONS].sort()).toEqual(Object.keys(WRITE_COMMANDS).sort());
    expect([...WRITE_OPERATIONS].sort()).toEqual([...CALL_ORDER].sort());
    expect(READ_OPERATIONS.filter((op) => (WRITE_OPERATIONS as readonly string[]).includes(op))).toEqual([]);
  });

  it('lists standard queues only', async () => {
    const fake = new FakeConnect();
    fake.addQueue('Basic');
    fake.addQueue('agent-1', 'AGENT');
    const reader = createLiveReader(fake);
    expect((await reader.listQueues({ instanceId: INSTANCE })).items.map((q) => q.name)).toEqual(['Basic']);
    expect(fake.log[0]?.input).toMatchObject({ QueueTypes: ['STANDARD'] });
  });
});

describe('writer', () => {
  const calls: Call[] = [
    { operation: 'CreateRoutingProfile', input: { InstanceId: INSTANCE, Name: 'A', Description: 'd', DefaultOutboundQueueId: 'q', MediaConcurrencies: [{ Channel: 'TASK', Concurrency: 2, WorkloadTypeConcurrencies: [{ WorkloadType: 'w', Concurrency: 1 }] }], Tags: { t: 'v' } } },
    { operation: 'UpdateRoutingProfileName', input: { InstanceId: INSTANCE, RoutingProfileId: 'rp', Name: 'N', Description: 'D' } },
    { operation: 'UpdateRoutingProfileDefaultOutboundQueue', input: { InstanceId: INSTANCE, RoutingProfileId: 'rp', DefaultOutboundQueueId: 'q2' } },
    { operation: 'UpdateRoutingProfileAgentAvailabilityTimer', input: { InstanceId: INSTANCE, RoutingProfileId: 'rp', AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND' } },
    { operation: 'UpdateRoutingProfileConcurrency', input: { InstanceId: INSTANCE, RoutingProfileId: 'rp', MediaConcurrencies: [{ Channel: 'CHAT', Concurrency: 3, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } }] } },
    { operation: 'DisassociateRoutingProfileQueues', input: { InstanceId: INSTANCE, RoutingProfileId: 'rp', QueueReferences: [{ QueueId: 'q', Channel: 'VOICE' }] } },
    { operation: 'AssociateRoutingProfileQueues', input: { InstanceId: INSTANCE, RoutingProfileId: 'rp', QueueConfigs: [{ QueueReference: { QueueId: 'q', Channel: 'VOICE' }, Priority: 1, Delay: 0 }] } },
    { operation: 'UpdateRoutingProfileQueues', input: { InstanceId: INSTANCE, RoutingProfileId: 'rp', QueueConfigs: [{ QueueReference: { QueueId: 'q', Channel: 'VOICE' }, Priority: 2, Delay: 5 }] } },
    { operation: 'UntagResource', input: { resourceArn: 'arn:x', tagKeys: ['a'] } },
    { operation: 'TagResource', input: { resourceArn: 'arn:x', tags: { a: 'b' } } },
    {
      operation: 'AssociateRoutingProfileQueues',
      input: { InstanceId: INSTANCE, RoutingProfileId: 'rp', ManualAssignmentQueueConfigs: [{ QueueReference: { QueueId: 'q', Channel: 'CHAT' } }] },
    },
    {
      operation: 'DisassociateRoutingProfileQueues',
      input: { InstanceId: INSTANCE, RoutingProfileId: 'rp', QueueReferences: [{ QueueId: 'q', Channel: 'VOICE' }], ManualAssignmentQueueReferences: [{ QueueId: 'q', Channel: 'CHAT' }] },
    },
    { operation: 'DeleteRoutingProfile', input: { InstanceId: INSTANCE, RoutingProfileId: 'rp' } },
  ];

  it.each(calls)('$operation becomes its Command with exactly the planned input', (call) => {
    const command = commandFor(call);
    expect(command).toBeInstanceOf(WRITE_COMMANDS[call.operation]);
    expect(command.input).toEqual(call.input);
  });

  it('returns the ID and ARN of a created profile', async () => {
    const fake = new FakeConnect();
    const writer = createConnectWriter(fake);
    const out = await writer.send(calls[0] as Call);
    expect(out.routingProfileId).toMatch(/^rp-/);
    expect(out.routingProfileArn).toContain(`/routing-profile/${out.routingProfileId}`);
  });
});

describe('client', () => {
  it('turns the SDK retries off and shares one transport per client', async () => {
    const client = createConnectClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1', quotas: { ListQueues: { ratePerSecond: 1, burst: 1 } } });
    expect(await client.config.maxAttempts()).toBe(1);
    const transport = transportFor(client);
    expect(transportFor(client)).toBe(transport);
    expect(transport.quotaFor('ListQueues')).toEqual({ ratePerSecond: 1, burst: 1 });
    expect(transport.quotaFor('SearchRoutingProfiles')).toEqual({ ratePerSecond: 2, burst: 5 });
    // Not in any published quota list: paced at the admin guide's default, the lowest rate Connect publishes.
    expect(transport.quotaFor('ListRoutingProfileManualAssignmentQueues')).toEqual({ ratePerSecond: 2, burst: 5 });
    // Paced a little under the quota (transport.ts, PACING_RATE_FACTOR / burstReserve).
    expect(transport.bucketFor('ListQueues').quota).toEqual({ ratePerSecond: 0.97, burst: 1 });
    expect(transport.bucketFor('SearchRoutingProfiles').quota).toEqual({ ratePerSecond: 1.94, burst: 4 });
    client.destroy();
  });

  it('leaves the endpoint to the SDK (AWS_ENDPOINT_URL_CONNECT) unless one is given', () => {
    const client = createConnectClient({ region: 'us-east-1' });
    expect(client.config.endpoint).toBeUndefined();
    client.destroy();
  });

  it('a reader built on a shared transport is paced by it', () => {
    const fake = new FakeConnect();
    const transport = transportFor(fake);
    expect(transportFor(transport)).toBe(transport);
    expect(createLiveReader(transport)).toBeDefined();
    expect(new ListRoutingProfileManualAssignmentQueuesCommand({ InstanceId: INSTANCE, RoutingProfileId: 'rp' })).toBeInstanceOf(
      READ_COMMANDS.ListRoutingProfileManualAssignmentQueues,
    );
  });
});

describe('instanceIdFrom', () => {
  it.each([
    ['abcd-1234', 'abcd-1234'],
    [' abcd-1234 ', 'abcd-1234'],
    ['arn:aws:connect:eu-west-2:123456789012:instance/abcd-1234', 'abcd-1234'],
    ['arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/x-1', 'x-1'],
  ])('%s -> %s', (input, id) => {
    expect(instanceIdFrom(input)).toBe(id);
  });

  it('rejects an ARN that is not an instance ARN, and an empty value', () => {
    expect(() => instanceIdFrom('arn:aws:connect:eu-west-2:123456789012:instance/abcd/queue/q')).toThrow(UserInputError);
    expect(() => instanceIdFrom('arn:aws:s3:::bucket')).toThrow(UserInputError);
    expect(() => instanceIdFrom('  ')).toThrow(UserInputError);
  });

  it('rejects an ID with spaces or control characters, or longer than 100 characters, bare or in an ARN', () => {
    for (const bad of ['abcd 1234', 'x\u001b[31mRED', 'a'.repeat(101), 'arn:aws:connect:eu-west-2:123456789012:instance/x\u202e']) {
      expect(() => instanceIdFrom(bad), bad).toThrow(/is not an Amazon Connect instance ID/);
    }
    expect(instanceIdFrom('a'.repeat(100))).toHaveLength(100);
  });

  it('reads the region from an instance ARN', () => {
    expect(regionFromInstanceArn('arn:aws:connect:eu-west-2:123456789012:instance/abcd')).toBe('eu-west-2');
    expect(regionFromInstanceArn('abcd')).toBeUndefined();
    expect(regionFromInstanceArn('arn:aws:connect::123456789012:instance/abcd')).toBeUndefined();
  });

  it('reads the account from an instance ARN, and from nothing else', () => {
    expect(accountFromInstanceArn(' arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/abcd ')).toBe('123456789012');
    expect(accountFromInstanceArn('arn:aws:connect:eu-west-2:12345:instance/abcd')).toBeUndefined();
    expect(accountFromInstanceArn('abcd')).toBeUndefined();
  });
});
