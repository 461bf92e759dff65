// Where a client's requests go: an environment decides its endpoint, so the SDK must not take one from the
// shell (AWS_ENDPOINT_URL_CONNECT) behind its back; without environments the shell's variable still works.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ListQueuesCommand, type ConnectClient } from '@aws-sdk/client-connect';
import { createConnectClient } from '../../src/connect/client.js';
import { stubFakeCredentials } from '../reliability/support.js';

/** The host a request would be sent to: captured once the request is built, then stopped before signing. */
async function destination(client: ConnectClient): Promise<string> {
  let host = '';
  client.middlewareStack.add(
    () => async (args) => {
      const request = args.request as { protocol: string; hostname: string; port?: number };
      host = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
      throw new Error('stopped before sending');
    },
    { step: 'build', name: 'captureDestination' },
  );
  await expect(client.send(new ListQueuesCommand({ InstanceId: 'i-1' }))).rejects.toThrow('stopped before sending');
  return host;
}

beforeEach(() => {
  vi.stubEnv('AWS_ENDPOINT_URL_CONNECT', 'http://127.0.0.1:9');
  // Credentials are resolved before the request is built; nothing is sent, so any will do.
  stubFakeCredentials();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createConnectClient endpoints', () => {
  it('lets the SDK apply AWS_ENDPOINT_URL_CONNECT when nothing else decides', async () => {
    expect(await destination(createConnectClient({ region: 'eu-west-2' }))).toBe('http://127.0.0.1:9');
  });

  it('with ignoreConfiguredEndpointUrls, goes to Connect of the Region whatever the shell says', async () => {
    expect(await destination(createConnectClient({ region: 'eu-west-2', ignoreConfiguredEndpointUrls: true }))).toBe('https://connect.eu-west-2.amazonaws.com');
  });

  it("an environment's own endpoint wins", async () => {
    expect(await destination(createConnectClient({ region: 'eu-west-2', endpoint: 'http://127.0.0.1:4566', ignoreConfiguredEndpointUrls: true }))).toBe('http://127.0.0.1:4566');
  });

  it('passes the awsProfile on to the SDK', () => {
    expect(createConnectClient({ region: 'eu-west-2', profile: 'dev-admin' }).config.profile).toBe('dev-admin');
  });
});
