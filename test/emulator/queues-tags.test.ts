// Conformance: queue reads and tagging through the real ConnectClient.
import {
  CreateRoutingProfileCommand,
  DescribeQueueCommand,
  ListQueuesCommand,
  ListTagsForResourceCommand,
  SearchQueuesCommand,
  SearchRoutingProfilesCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-connect';
import { describe, expect, it } from 'vitest';
import { BASE_SEED, createInput, emulatorForEachTest, expectConnectError, ids } from './helpers.js';

const current = emulatorForEachTest({
    seed: { ...BASE_SEED, queues: [...BASE_SEED.queues, { name: 'Agent queue (jdoe)', queueId: 'q-agent', queueType: 'AGENT' }] },
  });


describe('queues', () => {
  it('ListQueues lists both kinds without QueueTypes, and filters by them', async () => {
    const all = await current.client.send(new ListQueuesCommand(ids));
    expect(all.QueueSummaryList!.map((q) => [q.Name, q.QueueType])).toEqual([
      ['BasicQueue', 'STANDARD'],
      ['Sales', 'STANDARD'],
      ['Support', 'STANDARD'],
      ['Agent queue (jdoe)', 'AGENT'],
    ]);
    const standard = await current.client.send(new ListQueuesCommand({ ...ids, QueueTypes: ['STANDARD'] }));
    expect(standard.QueueSummaryList!.map((q) => q.Id)).toEqual(['q-basic', 'q-sales', 'q-support']);
    expect(standard.QueueSummaryList![0]).toMatchObject({ Arn: `${current.emu.instanceArn}/queue/q-basic`, LastModifiedRegion: 'us-east-1' });
    const agent = await current.client.send(new ListQueuesCommand({ ...ids, QueueTypes: ['AGENT'] }));
    expect(agent.QueueSummaryList!.map((q) => q.Id)).toEqual(['q-agent']);
    expect(current.emu.requestLog.at(-1)!.input).toEqual({ InstanceId: 'inst-1', QueueTypes: ['AGENT'] });
    await expectConnectError(current.client.send(new ListQueuesCommand({ ...ids, QueueTypes: ['PIGEON' as 'AGENT'] })), 'InvalidParameterException', 400);
  });

  it('SearchQueues returns standard queues only, with criteria and tag filters', async () => {
    const all = await current.client.send(new SearchQueuesCommand(ids));
    expect(all.Queues!.map((q) => q.Name)).toEqual(['BasicQueue', 'Sales', 'Support']);
    const byName = await current.client.send(
      new SearchQueuesCommand({ ...ids, SearchCriteria: { StringCondition: { FieldName: 'name', Value: 'sup', ComparisonType: 'STARTS_WITH' } } }),
    );
    expect(byName.Queues!.map((q) => q.QueueId)).toEqual(['q-support']);
    const byTag = await current.client.send(new SearchQueuesCommand({ ...ids, SearchFilter: { TagFilter: { TagCondition: { TagKey: 'team', TagValue: 'sales' } } } }));
    expect(byTag.Queues!.map((q) => q.QueueId)).toEqual(['q-sales']);
    const typed = await current.client.send(new SearchQueuesCommand({ ...ids, SearchCriteria: { QueueTypeCondition: 'STANDARD' } }));
    expect(typed.ApproximateTotalCount).toBe(3);
  });

  it('DescribeQueue answers the queue, or ResourceNotFoundException', async () => {
    const { Queue } = await current.client.send(new DescribeQueueCommand({ ...ids, QueueId: 'q-support' }));
    expect(Queue).toMatchObject({
      Name: 'Support',
      QueueId: 'q-support',
      QueueArn: `${current.emu.instanceArn}/queue/q-support`,
      Description: 'Support queue',
      Status: 'ENABLED',
      Tags: {},
      HoursOfOperationId: expect.any(String),
    });
    expect(Queue!.LastModifiedTime).toBeInstanceOf(Date);
    await expectConnectError(current.client.send(new DescribeQueueCommand({ ...ids, QueueId: 'q-none' })), 'ResourceNotFoundException', 404);
  });

  it('agent queues cannot be a routing profile queue', async () => {
    await expectConnectError(
      current.client.send(new CreateRoutingProfileCommand(createInput({ DefaultOutboundQueueId: 'q-agent' }))),
      'InvalidParameterException',
      400,
      /agent queue/,
    );
  });
});

describe('tags', () => {
  it('tag, list and untag a routing profile; Search shows the tags', async () => {
    const { RoutingProfileArn: arn } = await current.client.send(new CreateRoutingProfileCommand(createInput({ Tags: { a: '1' } })));
    await current.client.send(new TagResourceCommand({ resourceArn: arn, tags: { b: '2', a: 'one' } }));
    expect((await current.client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ a: 'one', b: '2' });
    await current.client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['a', 'not-there'] }));
    expect((await current.client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ b: '2' });
    expect((await current.client.send(new SearchRoutingProfilesCommand(ids))).RoutingProfiles![0].Tags).toEqual({ b: '2' });
    // The log records the SDK's member names: resourceArn + tags / tagKeys.
    expect(current.emu.requestLog.slice(1, 4).map(({ operation, input }) => ({ operation, input }))).toEqual([
      { operation: 'TagResource', input: { resourceArn: arn, tags: { b: '2', a: 'one' } } },
      { operation: 'ListTagsForResource', input: { resourceArn: arn } },
      { operation: 'UntagResource', input: { resourceArn: arn, tagKeys: ['a', 'not-there'] } },
    ]);
  });

  it('tags queues; refuses aws: keys, empty maps and more than 50 tags', async () => {
    const arn = `${current.emu.instanceArn}/queue/q-basic`;
    await current.client.send(new TagResourceCommand({ resourceArn: arn, tags: { env: 'prod' } }));
    expect(current.emu.snapshot().queues[0].tags).toEqual({ env: 'prod' });
    await expectConnectError(current.client.send(new TagResourceCommand({ resourceArn: arn, tags: { 'aws:x': '1' } })), 'InvalidParameterException', 400, /pattern/);
    await expectConnectError(current.client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['aws:x'] })), 'InvalidParameterException', 400);
    await expectConnectError(current.client.send(new TagResourceCommand({ resourceArn: arn, tags: {} })), 'InvalidParameterException', 400, /greater than or equal to 1/);
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    await expectConnectError(current.client.send(new TagResourceCommand({ resourceArn: arn, tags: fifty })), 'InvalidParameterException', 400, /at most 50 tags/);
  });

  it('unknown or foreign ARNs are ResourceNotFoundException; malformed ones InvalidParameterException', async () => {
    for (const resourceArn of [
      `${current.emu.instanceArn}/routing-profile/none`,
      'arn:aws:connect:eu-west-2:123456789012:instance/inst-1/queue/q-basic',
      'arn:aws:connect:us-east-1:123456789012:instance/other/queue/q-basic',
    ]) {
      await expectConnectError(current.client.send(new ListTagsForResourceCommand({ resourceArn })), 'ResourceNotFoundException', 404);
    }
    await expectConnectError(current.client.send(new ListTagsForResourceCommand({ resourceArn: 'not-an-arn' })), 'InvalidParameterException', 400);
  });
});
