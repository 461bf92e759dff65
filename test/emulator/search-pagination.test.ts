// Conformance: Search criteria and tag filters, opaque pagination tokens and the model's MaxResults bounds.
import {
  type ConnectClient,
  ListQueuesCommand,
  ListRoutingProfileQueuesCommand,
  ListRoutingProfilesCommand,
  paginateListRoutingProfiles,
  paginateSearchRoutingProfiles,
  type RoutingProfileSearchCriteria,
  SearchQueuesCommand,
  SearchRoutingProfilesCommand,
  type ControlPlaneTagFilter,
} from '@aws-sdk/client-connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator, SeedProfile } from '../../src/emulator/index.js';
import { BASE_SEED, expectConnectError, ids, start } from './helpers.js';

const profile = (name: string, tags: Record<string, string> = {}, extra: Partial<SeedProfile> = {}): SeedProfile => ({
  name,
  description: `${name} agents`,
  defaultOutboundQueue: 'BasicQueue',
  mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1 }],
  tags,
  ...extra,
});

let emu: RunningEmulator;
let client: ConnectClient;
beforeAll(async () => {
  ({ emu, client } = await start({
    seed: {
      ...BASE_SEED,
      profiles: [
        profile('Sales Tier1', { team: 'sales', tier: '1' }, { queues: [{ queue: 'Sales', channel: 'VOICE', priority: 1, delay: 0 }] }),
        profile('Sales Tier2', { team: 'sales', tier: '2' }),
        profile('Support Tier1', { team: 'support', tier: '1' }),
        profile('Backoffice'),
        ...Array.from({ length: 21 }, (_, i) => profile(`Bulk ${String(i).padStart(2, '0')}`, { bulk: 'yes' })),
      ],
    },
  }));
});
afterAll(async () => emu.close());

async function names(SearchCriteria?: RoutingProfileSearchCriteria, TagFilter?: ControlPlaneTagFilter): Promise<string[]> {
  const out = await client.send(
    new SearchRoutingProfilesCommand({ ...ids, SearchCriteria, ...(TagFilter ? { SearchFilter: { TagFilter } } : {}), MaxResults: 500 }),
  );
  expect(out.ApproximateTotalCount).toBe(out.RoutingProfiles!.length);
  return out.RoutingProfiles!.map((p) => p.Name!);
}

const name = (Value: string, ComparisonType: 'EXACT' | 'CONTAINS' | 'STARTS_WITH') => ({
  StringCondition: { FieldName: 'name', Value, ComparisonType },
});

describe('SearchRoutingProfiles criteria', () => {
  it('EXACT, CONTAINS and STARTS_WITH on name', async () => {
    expect(await names(name('Sales Tier1', 'EXACT'))).toEqual(['Sales Tier1']);
    expect(await names(name('sales tier1', 'EXACT'))).toEqual([]);
    expect(await names(name('Tier1', 'CONTAINS'))).toEqual(['Sales Tier1', 'Support Tier1']);
    expect(await names(name('sales', 'STARTS_WITH'))).toEqual(['Sales Tier1', 'Sales Tier2']);
  });

  it('And / Or combinations', async () => {
    expect(await names({ AndConditions: [name('Sales', 'STARTS_WITH'), name('Tier2', 'CONTAINS')] })).toEqual(['Sales Tier2']);
    expect(await names({ OrConditions: [name('Backoffice', 'EXACT'), name('Support', 'STARTS_WITH')] })).toEqual([
      'Support Tier1',
      'Backoffice',
    ]);
  });

  it('other fields: description, resourceID, associatedQueueIds', async () => {
    const [tier1] = (await client.send(new SearchRoutingProfilesCommand({ ...ids, SearchCriteria: name('Sales Tier1', 'EXACT') }))).RoutingProfiles!;
    expect(await names({ StringCondition: { FieldName: 'resourceID', Value: tier1.RoutingProfileId, ComparisonType: 'EXACT' } })).toEqual(['Sales Tier1']);
    expect(await names({ StringCondition: { FieldName: 'associatedQueueIds', Value: 'q-sales', ComparisonType: 'EXACT' } })).toEqual(['Sales Tier1']);
    expect(await names({ StringCondition: { FieldName: 'description', Value: 'Backoffice agents', ComparisonType: 'EXACT' } })).toEqual(['Backoffice']);
  });

  it('refuses CONTAINS values outside 2..25 characters and unknown fields', async () => {
    for (const SearchCriteria of [name('S', 'CONTAINS'), name('x'.repeat(26), 'CONTAINS'), { StringCondition: { FieldName: 'colour', Value: 'red', ComparisonType: 'EXACT' as const } }]) {
      await expectConnectError(client.send(new SearchRoutingProfilesCommand({ ...ids, SearchCriteria })), 'InvalidParameterException', 400);
    }
  });

  it('tag filters: TagCondition, AndConditions, OrConditions (an OR of ANDs)', async () => {
    expect(await names(undefined, { TagCondition: { TagKey: 'team', TagValue: 'support' } })).toEqual(['Support Tier1']);
    expect(await names(undefined, { AndConditions: [{ TagKey: 'team', TagValue: 'sales' }, { TagKey: 'tier', TagValue: '2' }] })).toEqual(['Sales Tier2']);
    expect(
      await names(undefined, { OrConditions: [[{ TagKey: 'team', TagValue: 'support' }], [{ TagKey: 'team', TagValue: 'sales' }, { TagKey: 'tier', TagValue: '1' }]] }),
    ).toEqual(['Sales Tier1', 'Support Tier1']);
    expect(await names(name('Sales', 'STARTS_WITH'), { TagCondition: { TagKey: 'tier', TagValue: '1' } })).toEqual(['Sales Tier1']);
  });
});

describe('pagination', () => {
  it('Search pages with body tokens; ApproximateTotalCount counts every match', async () => {
    const first = await client.send(new SearchRoutingProfilesCommand({ ...ids, MaxResults: 10 }));
    expect(first.RoutingProfiles).toHaveLength(10);
    expect(first.ApproximateTotalCount).toBe(25);
    expect(first.NextToken).toEqual(expect.any(String));
    const all: string[] = [];
    for await (const page of paginateSearchRoutingProfiles({ client, pageSize: 7 }, { ...ids })) {
      all.push(...page.RoutingProfiles!.map((p) => p.Name!));
    }
    expect(all).toHaveLength(25);
    expect(new Set(all).size).toBe(25);
    // Search's request log entry carries the SDK's member names, body members as sent.
    expect(emu.requestLog.at(-1)!.input).toEqual({ InstanceId: 'inst-1', MaxResults: 7, NextToken: expect.any(String) });
  });

  it('List pages with query tokens; maxResults arrives as a number', async () => {
    const all: string[] = [];
    for await (const page of paginateListRoutingProfiles({ client, pageSize: 4 }, { ...ids })) {
      all.push(...page.RoutingProfileSummaryList!.map((p) => p.Name!));
    }
    expect(all).toHaveLength(25);
    expect(emu.requestLog.at(-1)).toMatchObject({ operation: 'ListRoutingProfiles', input: { InstanceId: 'inst-1', MaxResults: 4 } });
  });

  it('defaults to 100 a page and enforces the model MaxResults bounds per operation', async () => {
    const many = await client.send(new ListRoutingProfilesCommand(ids));
    expect(many.RoutingProfileSummaryList).toHaveLength(25);
    await client.send(new ListRoutingProfilesCommand({ ...ids, MaxResults: 1000 }));
    await expectConnectError(client.send(new ListRoutingProfilesCommand({ ...ids, MaxResults: 1001 })), 'InvalidParameterException', 400, /less than or equal to 1000/);
    await expectConnectError(client.send(new SearchRoutingProfilesCommand({ ...ids, MaxResults: 501 })), 'InvalidParameterException', 400, /less than or equal to 500/);
    await expectConnectError(client.send(new SearchQueuesCommand({ ...ids, MaxResults: 0 })), 'InvalidParameterException', 400, /greater than or equal to 1/);
    const [p] = (await client.send(new SearchRoutingProfilesCommand({ ...ids, MaxResults: 1 }))).RoutingProfiles!;
    await expectConnectError(
      client.send(new ListRoutingProfileQueuesCommand({ ...ids, RoutingProfileId: p.RoutingProfileId, MaxResults: 101 })),
      'InvalidParameterException',
      400,
      /less than or equal to 100/,
    );
  });

  it('tokens are opaque and bound to their query', async () => {
    const { NextToken } = await client.send(new SearchRoutingProfilesCommand({ ...ids, MaxResults: 2 }));
    await expectConnectError(
      client.send(new SearchRoutingProfilesCommand({ ...ids, MaxResults: 2, NextToken, SearchCriteria: name('Bulk', 'STARTS_WITH') })),
      'InvalidParameterException',
      400,
      /NextToken/,
    );
    await expectConnectError(client.send(new ListRoutingProfilesCommand({ ...ids, NextToken: 'garbage' })), 'InvalidParameterException', 400);
    await expectConnectError(client.send(new ListRoutingProfilesCommand({ ...ids, NextToken })), 'InvalidParameterException', 400);
  });

  it('ListQueues and SearchQueues page too', async () => {
    const first = await client.send(new ListQueuesCommand({ ...ids, MaxResults: 2 }));
    expect(first.QueueSummaryList).toHaveLength(2);
    const second = await client.send(new ListQueuesCommand({ ...ids, MaxResults: 2, NextToken: first.NextToken }));
    expect(second.QueueSummaryList!.map((q) => q.Name)).toEqual(['Support']);
    expect(second.NextToken).toBeUndefined();
    const s = await client.send(new SearchQueuesCommand({ ...ids, MaxResults: 1 }));
    expect(s).toMatchObject({ ApproximateTotalCount: 3, NextToken: expect.any(String) });
  });
});
