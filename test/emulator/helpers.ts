// Shared set-up for the emulator conformance suite: a seeded emulator and a real SDK client pointed at it.
import { ConnectClient, ConnectServiceException, type CreateRoutingProfileCommandInput } from '@aws-sdk/client-connect';
import { afterEach, beforeEach, expect } from 'vitest';
import { startEmulator, type EmulatorOptions, type EmulatorSeed, type RunningEmulator } from '../../src/emulator/index.js';

export const BASE_SEED: EmulatorSeed = {
  instanceId: 'inst-1',
  queues: [
    { name: 'BasicQueue', queueId: 'q-basic' },
    { name: 'Sales', queueId: 'q-sales', tags: { team: 'sales' } },
    { name: 'Support', queueId: 'q-support', description: 'Support queue' },
  ],
  profiles: [],
};

/**
 * The instance of every seed here, for the `InstanceId` of each call. Frozen: the SDK's paginators write NextToken
 * into the input they are given, and a token left in a shared object would leak into the next test's calls.
 */
export const ids = Object.freeze({ InstanceId: 'inst-1' });

export function clientFor(emu: RunningEmulator): ConnectClient {
  return new ConnectClient({
    region: 'us-east-1',
    endpoint: emu.endpoint,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
}

export async function start(opts: EmulatorOptions = {}): Promise<{ emu: RunningEmulator; client: ConnectClient }> {
  const emu = await startEmulator({ seed: BASE_SEED, ...opts });
  return { emu, client: clientFor(emu) };
}

/**
 * A fresh emulator (BASE_SEED unless `opts` say otherwise) and a client for each test of the file, closed after
 * it: no test sees what another wrote. Read `emu` and `client` inside a test; they change from test to test.
 */
export function emulatorForEachTest(opts: EmulatorOptions = {}): { readonly emu: RunningEmulator; readonly client: ConnectClient } {
  let started: { emu: RunningEmulator; client: ConnectClient } | undefined;
  beforeEach(async () => {
    started = await start(opts);
  });
  afterEach(async () => {
    await started?.emu.close();
    started = undefined;
  });
  const current = () => {
    if (!started) throw new Error('the emulator runs only inside a test');
    return started;
  };
  return {
    get emu() {
      return current().emu;
    },
    get client() {
      return current().client;
    },
  };
}

/** Awaits a rejection and checks it is the Connect error `name` with HTTP `status`; returns it. */
export async function expectConnectError(
  p: Promise<unknown>,
  name: string,
  status: number,
  message?: RegExp,
): Promise<ConnectServiceException> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected ${name}`).toBeInstanceOf(ConnectServiceException);
  const e = err as ConnectServiceException;
  expect({ name: e.name, status: e.$metadata.httpStatusCode }).toEqual({ name, status });
  if (message) expect(e.message).toMatch(message);
  return e;
}

export const VOICE_ONLY = [{ Channel: 'VOICE' as const, Concurrency: 1 }];

/** A valid CreateRoutingProfile input for instance inst-1; override any member. */
export function createInput(over: Record<string, unknown> = {}): CreateRoutingProfileCommandInput {
  return {
    InstanceId: 'inst-1',
    Name: 'Tier1',
    Description: 'Frontline',
    DefaultOutboundQueueId: 'q-basic',
    MediaConcurrencies: VOICE_ONLY,
    ...over,
  } as CreateRoutingProfileCommandInput;
}
