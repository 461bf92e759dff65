// Conformance: token-bucket quotas, fault injection, visibility lag, determinism and the request log.
import {
  ConnectClient,
  CreateRoutingProfileCommand,
  DescribeQueueCommand,
  DescribeRoutingProfileCommand,
  ListRoutingProfileQueuesCommand,
  ListRoutingProfilesCommand,
  SearchRoutingProfilesCommand,
  UpdateRoutingProfileConcurrencyCommand,
} from '@aws-sdk/client-connect';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.js';
import { BASE_SEED, createInput, expectConnectError, ids, start } from './helpers.js';

const describeQueue = new DescribeQueueCommand({ ...ids, QueueId: 'q-basic' });
let running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((e) => e.close()));
  running = [];
});

async function emulator(opts: EmulatorOptions = {}) {
  const r = await start(opts);
  running.push(r.emu);
  return r;
}

/** Sends `n` calls at once; returns how many succeeded and the error names of the rest. */
async function burst(n: number, call: () => Promise<unknown>) {
  const results = await Promise.allSettled(Array.from({ length: n }, () => call()));
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).name] : []));
  return { ok, errors };
}

describe('quotas', () => {
  it('are off by default', async () => {
    const { client } = await emulator();
    expect(await burst(40, () => client.send(describeQueue))).toEqual({ ok: 40, errors: [] });
  });

  it('a custom bucket answers ThrottlingException 429 when empty, per operation, and refills', async () => {
    const { emu, client } = await emulator({ quotas: { DescribeQueue: { ratePerSecond: 0.1, burst: 2 } }, timeScale: 50 });
    await client.send(describeQueue);
    await client.send(describeQueue);
    await expectConnectError(client.send(describeQueue), 'ThrottlingException', 429, /Rate exceeded/);
    // Other operations have their own buckets (none here).
    await client.send(new ListRoutingProfilesCommand(ids));
    expect(emu.requestLog.map((e) => [e.operation, e.status, e.errorType])).toEqual([
      ['DescribeQueue', 200, undefined],
      ['DescribeQueue', 200, undefined],
      ['DescribeQueue', 429, 'ThrottlingException'],
      ['ListRoutingProfiles', 200, undefined],
    ]);
    // At timeScale 50, one token (10 s of emulator time) comes back in 200 ms of real time.
    await sleep(250);
    await client.send(describeQueue);
  });

  it("'connect-defaults' applies the published table: burst 5 for Search, 10 for Describe", async () => {
    const { client } = await emulator({ quotas: 'connect-defaults' });
    // The bucket refills while the burst is in flight, so allow a token or two on top of the burst.
    const search = await burst(10, () => client.send(new SearchRoutingProfilesCommand(ids)));
    expect(search.ok).toBeGreaterThanOrEqual(5);
    expect(search.ok).toBeLessThanOrEqual(7);
    expect(new Set(search.errors)).toEqual(new Set(['ThrottlingException']));
    // DescribeQueue is not raised in the table: 2/s, burst 5.
    const describe = await burst(10, () => client.send(describeQueue));
    expect(describe.ok).toBeGreaterThanOrEqual(5);
    expect(describe.ok).toBeLessThanOrEqual(7);
    // ListRoutingProfiles is: 10/s, burst 10.
    const lists = await burst(20, () => client.send(new ListRoutingProfilesCommand(ids)));
    expect(lists.ok).toBeGreaterThanOrEqual(10);
    expect(lists.ok).toBeLessThanOrEqual(14);
  });

  it('setQuotas switches at run time, with full buckets', async () => {
    const { emu, client } = await emulator();
    emu.setQuotas({ DescribeQueue: { ratePerSecond: 0.001, burst: 1 } });
    await client.send(describeQueue);
    await expectConnectError(client.send(describeQueue), 'ThrottlingException', 429);
    emu.setQuotas('off');
    await client.send(describeQueue);
  });
});

describe('faults', () => {
  it('throttleRate 1 throttles everything, and the log keeps each attempt', async () => {
    const { emu, client } = await emulator({ faults: { throttleRate: 1 } });
    await expectConnectError(client.send(describeQueue), 'ThrottlingException', 429);
    expect(emu.requestLog).toEqual([
      { operation: 'DescribeQueue', input: { InstanceId: 'inst-1', QueueId: 'q-basic' }, status: 429, errorType: 'ThrottlingException', at: expect.any(Number) },
    ]);
  });

  it('internalErrorRate answers InternalServiceException 500, which the SDK retries', async () => {
    const { emu } = await emulator({ faults: { internalErrorRate: 1 } });
    const retrying = new ConnectClient({
      region: 'us-east-1',
      endpoint: emu.endpoint,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 3,
    });
    const e = await expectConnectError(retrying.send(describeQueue), 'InternalServiceException', 500);
    expect(e.$fault).toBe('server');
    expect(emu.requestLog.map((x) => x.status)).toEqual([500, 500, 500]);
  });

  it('dropAfterCommitRate commits the write and drops the connection; a retried create meets its own first attempt', async () => {
    const { emu, client } = await emulator({ faults: { dropAfterCommitRate: 1 } });
    // Reads are never dropped.
    await client.send(describeQueue);
    const err = await client.send(new CreateRoutingProfileCommand(createInput())).then(() => undefined, (e: unknown) => e as Error & { code?: string });
    expect(err).toBeDefined();
    expect(`${err!.code ?? ''} ${err!.message}`).toMatch(/ECONNRESET|socket hang up/);
    expect(emu.snapshot().profiles.map((p) => p.name)).toEqual(['Tier1']);
    expect(emu.requestLog.at(-1)).toMatchObject({ operation: 'CreateRoutingProfile', status: 0, errorType: 'ConnectionDropped' });
    emu.setFaults({});
    await expectConnectError(client.send(new CreateRoutingProfileCommand(createInput())), 'DuplicateResourceException', 409);
  });

  it('searchLagMs hides a new profile from Search and List, and Describe/List on it answer 404, until the lag passes', async () => {
    // 50 s of emulator time at timeScale 100 is 500 ms of real time.
    const { client } = await emulator({ faults: { searchLagMs: 50_000 }, timeScale: 100 });
    const { RoutingProfileId } = await client.send(new CreateRoutingProfileCommand(createInput()));
    const rp = { ...ids, RoutingProfileId };
    expect((await client.send(new SearchRoutingProfilesCommand(ids))).RoutingProfiles).toEqual([]);
    expect((await client.send(new ListRoutingProfilesCommand(ids))).RoutingProfileSummaryList).toEqual([]);
    await expectConnectError(client.send(new DescribeRoutingProfileCommand(rp)), 'ResourceNotFoundException', 404);
    await expectConnectError(client.send(new ListRoutingProfileQueuesCommand(rp)), 'ResourceNotFoundException', 404);
    // The name is taken at once: a second create is a duplicate even while reads cannot see the first.
    await expectConnectError(client.send(new CreateRoutingProfileCommand(createInput())), 'DuplicateResourceException', 409);
    await sleep(550);
    expect((await client.send(new SearchRoutingProfilesCommand(ids))).RoutingProfiles!.map((p) => p.RoutingProfileId)).toEqual([RoutingProfileId]);
    await client.send(new DescribeRoutingProfileCommand(rp));
  });

  it('a random seed makes faults and IDs repeat exactly', async () => {
    async function run(randomSeed: number) {
      const { emu, client } = await emulator({ faults: { throttleRate: 0.5, randomSeed } });
      for (let i = 0; i < 30; i++) await client.send(describeQueue).catch(() => undefined);
      emu.setFaults({ randomSeed });
      const { RoutingProfileId } = await client.send(new CreateRoutingProfileCommand(createInput()));
      return { statuses: emu.requestLog.slice(0, 30).map((e) => e.status), id: RoutingProfileId, instanceId: emu.instanceId };
    }
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(b).toEqual(a);
    expect(c.statuses).not.toEqual(a.statuses);
    const throttled = a.statuses.filter((s) => s === 429).length;
    expect(throttled).toBeGreaterThan(5);
    expect(throttled).toBeLessThan(25);
  });
});

describe('paginator fault', () => {
  const three = ['A', 'B', 'C'].map((name) => ({
    name,
    description: 'd',
    defaultOutboundQueue: 'BasicQueue',
    mediaConcurrencies: [{ channel: 'VOICE' as const, concurrency: 1 }],
  }));

  it('repeatPageTokenOperations: a page token comes back again, so following tokens never ends; other operations page normally', async () => {
    const { emu, client } = await emulator({
      seed: { ...BASE_SEED, profiles: three },
      faults: { repeatPageTokenOperations: ['SearchRoutingProfiles'] },
    });
    const page = (NextToken?: string) => client.send(new SearchRoutingProfilesCommand({ ...ids, MaxResults: 1, NextToken }));
    const first = await page();
    expect(first.RoutingProfiles!.map((p) => p.Name)).toEqual(['A']);
    const second = await page(first.NextToken);
    expect(second.RoutingProfiles!.map((p) => p.Name)).toEqual(['B']);
    expect(second.NextToken).toBe(first.NextToken);
    const third = await page(second.NextToken);
    expect([third.RoutingProfiles!.map((p) => p.Name), third.NextToken]).toEqual([['B'], first.NextToken]);
    // The log shows the loop as the client drove it: the same token sent again and again.
    expect(emu.requestLog.map((e) => e.input.NextToken)).toEqual([undefined, first.NextToken, first.NextToken]);

    const names: string[] = [];
    let token: string | undefined;
    do {
      const out = await client.send(new ListRoutingProfilesCommand({ ...ids, MaxResults: 1, NextToken: token }));
      names.push(...out.RoutingProfileSummaryList!.map((p) => p.Name!));
      token = out.NextToken;
    } while (token);
    expect(names).toEqual(['A', 'B', 'C']);
  });

  it('is switched at run time like the other faults, on list operations with query tokens too', async () => {
    const { emu, client } = await emulator({ seed: { ...BASE_SEED, profiles: three } });
    emu.setFaults({ repeatPageTokenOperations: ['ListRoutingProfiles'] });
    const first = await client.send(new ListRoutingProfilesCommand({ ...ids, MaxResults: 2 }));
    const last = await client.send(new ListRoutingProfilesCommand({ ...ids, MaxResults: 2, NextToken: first.NextToken }));
    // Even the last page, which has no next page, names the same token again.
    expect([last.RoutingProfileSummaryList!.map((p) => p.Name), last.NextToken]).toEqual([['C'], first.NextToken]);
    emu.setFaults({});
    const fixed = await client.send(new ListRoutingProfilesCommand({ ...ids, MaxResults: 2, NextToken: first.NextToken }));
    expect(fixed.NextToken).toBeUndefined();
  });
});

describe('unanswered requests', () => {
  it('unansweredOperations: the request is logged and left open, nothing is done; other operations answer', async () => {
    const { emu, client } = await emulator({ faults: { unansweredOperations: ['CreateRoutingProfile'] } });
    const sent = client.send(new CreateRoutingProfileCommand(createInput()), { abortSignal: AbortSignal.timeout(200) });
    await expect(sent).rejects.toMatchObject({ name: 'AbortError' });
    expect(emu.requestLog.map(({ operation, status, errorType }) => ({ operation, status, errorType }))).toEqual([
      { operation: 'CreateRoutingProfile', status: 0, errorType: 'NotAnswered' },
    ]);
    const listed = await client.send(new ListRoutingProfilesCommand({ ...ids }));
    expect(listed.RoutingProfileSummaryList!.map((p) => p.Name)).not.toContain(createInput().Name);
  });
});

describe('request log', () => {
  it('records operation, merged input in SDK member names, and status; clears in place', async () => {
    const { emu, client } = await emulator();
    const log = emu.requestLog;
    const { RoutingProfileId } = await client.send(new CreateRoutingProfileCommand(createInput()));
    const MediaConcurrencies = [{ Channel: 'VOICE' as const, Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' as const } }];
    await client.send(new UpdateRoutingProfileConcurrencyCommand({ ...ids, RoutingProfileId, MediaConcurrencies }));
    await client.send(new ListRoutingProfileQueuesCommand({ ...ids, RoutingProfileId, MaxResults: 100 }));
    await expectConnectError(client.send(new DescribeRoutingProfileCommand({ ...ids, RoutingProfileId: 'x' })), 'ResourceNotFoundException', 404);
    expect(log.map(({ operation, input, status }) => ({ operation, input, status }))).toEqual([
      { operation: 'CreateRoutingProfile', input: createInput(), status: 200 },
      { operation: 'UpdateRoutingProfileConcurrency', input: { InstanceId: 'inst-1', RoutingProfileId, MediaConcurrencies }, status: 200 },
      { operation: 'ListRoutingProfileQueues', input: { InstanceId: 'inst-1', RoutingProfileId, MaxResults: 100 }, status: 200 },
      { operation: 'DescribeRoutingProfile', input: { InstanceId: 'inst-1', RoutingProfileId: 'x' }, status: 404 },
    ]);
    expect(log[3].errorType).toBe('ResourceNotFoundException');
    emu.clearRequestLog();
    expect(emu.requestLog).toBe(log);
    expect(log).toEqual([]);
  });

  it('the real client works through AWS_ENDPOINT_URL_CONNECT', async () => {
    const { emu } = await emulator();
    const saved = process.env.AWS_ENDPOINT_URL_CONNECT;
    process.env.AWS_ENDPOINT_URL_CONNECT = emu.endpoint;
    try {
      const client = new ConnectClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
      expect((await client.send(describeQueue)).Queue!.Name).toBe('BasicQueue');
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_CONNECT;
      else process.env.AWS_ENDPOINT_URL_CONNECT = saved;
    }
  });
});
