// The peer: how the Terraform AWS provider's `aws_connect_routing_profile` refreshes state. For each resource in
// state (its ID is known), DescribeRoutingProfile, then ListRoutingProfileQueues with MaxResults 60 until the
// last page; up to 10 resources at once (terraform's default -parallelism); the SDK's standard retry mode with
// its default 3 attempts; no client-side pacing. Same SDK, same emulator, so only the read pattern differs.
import {
  ConnectClient,
  DescribeRoutingProfileCommand,
  ListRoutingProfileQueuesCommand,
} from '@aws-sdk/client-connect';
// The SDK's own standard strategy, only so that its backoff can follow the benchmark's time scale.
import { StandardRetryStrategy } from '@smithy/core/retry';

export const PEER_CONCURRENCY = 10;
export const PEER_QUEUE_PAGE_SIZE = 60;
/** The SDK's default for standard mode. */
export const PEER_MAX_ATTEMPTS = 3;
/** The SDK's cap on one backoff interval (MAXIMUM_RETRY_DELAY). */
const SDK_MAX_BACKOFF_MS = 20_000;

export interface PeerOptions {
  endpoint: string;
  region: string;
  instanceId: string;
  routingProfileIds: readonly string[];
  /** The emulator's time scale: the SDK's backoff delays are divided by it so every ratio of a real run is kept. */
  timeScale: number;
}

export interface PeerResult {
  wallMs: number;
  /** Resources whose refresh failed (the error reached the user: terraform would stop with it). */
  failures: number;
  /** Error names of the failures, counted. */
  errors: Record<string, number>;
}

/**
 * The SDK's default backoff (full jitter, base doubling per retry, capped at 20 s), scaled to the benchmark's
 * clock. The SDK sets the base per error type (throttling backs off harder) through setDelayBase.
 */
function scaledBackoff(timeScale: number) {
  let base = 0;
  return {
    setDelayBase(delayBase: number): void {
      base = delayBase;
    },
    computeNextBackoffDelay(retryIndex: number): number {
      return Math.floor((Math.random() * Math.min(base * 2 ** retryIndex, SDK_MAX_BACKOFF_MS)) / timeScale);
    },
  };
}

export async function readLikeTerraform(opts: PeerOptions): Promise<PeerResult> {
  const client = new ConnectClient({
    region: opts.region,
    endpoint: opts.endpoint,
    retryStrategy:
      opts.timeScale === 1
        ? new StandardRetryStrategy(PEER_MAX_ATTEMPTS)
        : new StandardRetryStrategy({ maxAttempts: PEER_MAX_ATTEMPTS, backoff: scaledBackoff(opts.timeScale) }),
  });
  const errors: Record<string, number> = {};
  let failures = 0;

  const refresh = async (routingProfileId: string): Promise<void> => {
    await client.send(new DescribeRoutingProfileCommand({ InstanceId: opts.instanceId, RoutingProfileId: routingProfileId }));
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new ListRoutingProfileQueuesCommand({
          InstanceId: opts.instanceId,
          RoutingProfileId: routingProfileId,
          MaxResults: PEER_QUEUE_PAGE_SIZE,
          NextToken: nextToken,
        }),
      );
      nextToken = page.NextToken;
    } while (nextToken);
  };

  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < opts.routingProfileIds.length) {
      const id = opts.routingProfileIds[next++] as string;
      try {
        await refresh(id);
      } catch (e) {
        failures += 1;
        const name = e instanceof Error ? e.name : 'Error';
        errors[name] = (errors[name] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PEER_CONCURRENCY, opts.routingProfileIds.length) }, worker));
  const wallMs = performance.now() - started;
  client.destroy();
  return { wallMs, failures, errors };
}
