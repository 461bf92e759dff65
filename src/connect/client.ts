// The one place a ConnectClient is made, and where the run's shared transport (pacing, retries, statistics)
// is attached to it, so that a reader and a writer made from the same client share buckets and counters.
import { ConnectClient } from '@aws-sdk/client-connect';
import { rewordRequestTimeouts } from './request-timeout.js';
import { PacedTransport, type CommandSender, type TransportOptions } from './transport.js';

/**
 * How long one request may go unanswered; a timeout is a lost answer, retried (or "outcome unknown" for a
 * non-idempotent write).
 */
export const REQUEST_TIMEOUT_MS = 30_000;
export const CONNECTION_TIMEOUT_MS = 5_000;

export interface ConnectClientOptions extends TransportOptions {
  /** Else the SDK's chain: AWS_REGION, the shared config profile... */
  region?: string;
  /**
   * Only when the user gave --endpoint-url. Otherwise the SDK applies AWS_ENDPOINT_URL_CONNECT, then
   * AWS_ENDPOINT_URL, then the shared config file by itself (wire-protocol §6); passing it here would override them.
   */
  endpoint?: string;
  /**
   * True when the endpoint is decided by the caller (an environment of connect-gitops.yaml): the SDK then does
   * not apply AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL or the shared config's endpoint_url by itself.
   */
  ignoreConfiguredEndpointUrls?: boolean;
  /** A named profile of the SDK's shared config files, for credentials (an environment's awsProfile). */
  profile?: string;
  requestTimeoutMs?: number;
}

const transportOptions = new WeakMap<object, TransportOptions>();
const transports = new WeakMap<object, PacedTransport>();

export function createConnectClient(options: ConnectClientOptions = {}): ConnectClient {
  const { region, endpoint, ignoreConfiguredEndpointUrls, profile, requestTimeoutMs = REQUEST_TIMEOUT_MS, ...pacing } = options;
  const client = new ConnectClient({
    ...(region ? { region } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(ignoreConfiguredEndpointUrls ? { ignoreConfiguredEndpointUrls } : {}),
    ...(profile ? { profile } : {}),
    // Retries are ours (transport.ts): the SDK's standard strategy would retry CreateRoutingProfile's
    // LimitExceededException and resend non-idempotent writes after a lost answer.
    maxAttempts: 1,
    // throwOnRequestTimeout: without it the handler only prints a warning to stderr when the timeout passes,
    // and goes on waiting for an answer that may never come.
    requestHandler: { requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true, connectionTimeout: CONNECTION_TIMEOUT_MS },
    // No `credentials`: the SDK's default chain (env, SSO/shared profiles, web identity, instance roles).
    // No `logger`: the SDK's logger can print request details; ours logs operation names and error names only.
  });
  rewordRequestTimeouts(client, requestTimeoutMs);
  transportOptions.set(client, pacing);
  return client;
}

/**
 * The transport for a client: the one already attached to it (so every reader and writer made from one client
 * shares pacing and statistics), else a new one built from the client's options merged with `options`.
 */
export function transportFor(client: CommandSender | PacedTransport, options?: TransportOptions): PacedTransport {
  if (client instanceof PacedTransport) return client;
  let transport = transports.get(client);
  if (!transport) {
    transport = new PacedTransport(client, { ...transportOptions.get(client), ...options });
    transports.set(client, transport);
  }
  return transport;
}
