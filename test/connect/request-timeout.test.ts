// An endpoint that accepts connections and never answers: each request ends after the client's request timeout
// as a lost answer, retried by our policy, and the user reads what happened and where, not the SDK's wording.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectClient, transportFor } from '../../src/connect/client.js';
import { OutcomeUnknownError } from '../../src/connect/errors.js';
import { createLiveReader } from '../../src/connect/reader.js';
import { MAX_UNANSWERED_ATTEMPTS } from '../../src/connect/retry.js';
import { createConnectWriter } from '../../src/connect/writer.js';
import { AwsError } from '../../src/errors.js';
import type { Call } from '../../src/plan/types.js';
import { stubFakeCredentials } from '../reliability/support.js';
import { VirtualClock } from './support/virtual-clock.js';

const TIMEOUT_MS = 100;

/** Accepts every connection, reads the requests and answers none; keeps their request lines. */
async function silentEndpoint(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/^(GET|POST|PUT|DELETE) (\S+) HTTP\/1\.1\r$/gm)) requests.push(`${m[1]} ${m[2]}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

let endpoint: Awaited<ReturnType<typeof silentEndpoint>>;
beforeEach(async () => {
  stubFakeCredentials();
  endpoint = await silentEndpoint();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await endpoint.close();
});

/** A client of the silent endpoint; the virtual clock makes backoff free, the request timeout is real. */
function client() {
  return createConnectClient({ region: 'eu-west-2', endpoint: endpoint.url, requestTimeoutMs: TIMEOUT_MS, clock: new VirtualClock(), random: () => 0.5 });
}

const rename: Call = { operation: 'UpdateRoutingProfileName', input: { InstanceId: 'inst-1', RoutingProfileId: 'rp-1', Name: 'Tier1', Description: 'd' } };
const create: Call = {
  operation: 'CreateRoutingProfile',
  input: { InstanceId: 'inst-1', Name: 'Tier1', Description: 'd', DefaultOutboundQueueId: 'q-1', MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }] },
};

describe('an endpoint that never answers', () => {
  it(`a read is tried ${MAX_UNANSWERED_ATTEMPTS} times, then says the endpoint did not answer and names the operation`, async () => {
    const warn = vi.spyOn(console, 'warn');
    const c = client();
    const err = await createLiveReader(c).listQueues({ instanceId: 'inst-1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsError);
    expect(err).toMatchObject({ operation: 'ListQueues', errorName: 'ETIMEDOUT' });
    expect((err as AwsError).message).toMatch(new RegExp(`^the endpoint did not answer within 0\\.1 s \\(after ${MAX_UNANSWERED_ATTEMPTS} attempts over \\d+ s\\)$`));
    expect((err as AwsError).hint).toMatch(/^Connect did not answer/);
    expect(endpoint.requests).toEqual(Array.from({ length: MAX_UNANSWERED_ATTEMPTS }, () => 'GET /queues-summary/inst-1?queueTypes=STANDARD'));
    expect(transportFor(c).stats.snapshot()).toMatchObject({ calls: { ListQueues: MAX_UNANSWERED_ATTEMPTS }, retries: MAX_UNANSWERED_ATTEMPTS - 1 });
    // The SDK's "[WARN] a request has exceeded the configured requestTimeout" line goes to console.warn.
    expect(warn).not.toHaveBeenCalled();
  });

  it(`an idempotent write is tried ${MAX_UNANSWERED_ATTEMPTS} times; a create is sent once and its outcome is unknown`, async () => {
    const warn = vi.spyOn(console, 'warn');
    const writer = createConnectWriter(client());
    const renamed = await writer.send(rename).catch((e: unknown) => e);
    expect(renamed).toMatchObject({ operation: 'UpdateRoutingProfileName', errorName: 'ETIMEDOUT' });
    expect((renamed as AwsError).message).toMatch(/^the endpoint did not answer within 0\.1 s \(after 3 attempts/);
    expect(endpoint.requests).toHaveLength(MAX_UNANSWERED_ATTEMPTS);

    endpoint.requests.length = 0;
    const created = await writer.send(create, { profile: 'Tier1' }).catch((e: unknown) => e);
    expect(created).toBeInstanceOf(OutcomeUnknownError);
    expect((created as OutcomeUnknownError).message).toContain('(ETIMEDOUT: the endpoint did not answer within 0.1 s)');
    expect(endpoint.requests).toEqual(['PUT /routing-profiles/inst-1']);
    expect(warn).not.toHaveBeenCalled();
  });
});
