// Builds what a command needs to talk to Connect. The plan path only ever gets the read-only reader;
// the writer is built only by apply.
import { createConnectClient, createLiveReader, createConnectWriter, instanceIdFrom, regionFromInstanceArn } from '../connect/index.js';
import type { LiveReader, ConnectWriter, QuotaBuckets } from '../connect/index.js';
import type { Target } from './target.js';
import type { Logger } from './logger.js';

export interface ReadSession {
  instanceId: string;
  reader: LiveReader;
}

export interface SessionOptions {
  /** The account's quota buckets, shared with the other environments of one account and Region in this run. */
  buckets?: QuotaBuckets;
}

function client(target: Target, instanceIdOrArn: string, logger: Logger, opts: SessionOptions) {
  for (const warning of target.warnings) logger.warn({ environment: target.environment, region: target.region }, warning);
  for (const note of target.notes) logger.debug({ environment: target.environment }, note);
  return createConnectClient({
    // An instance ARN names its Region: use it when nothing else does.
    region: target.region ?? regionFromInstanceArn(instanceIdOrArn),
    endpoint: target.endpointUrl,
    ignoreConfiguredEndpointUrls: target.ignoreShellEndpoint,
    profile: target.awsProfile,
    requestTimeoutMs: target.requestTimeoutMs,
    quotas: target.quotas,
    ...(opts.buckets === undefined ? {} : { buckets: opts.buckets }),
    logger,
  });
}

export function openReadSession(target: Target, instanceIdOrArn: string, logger: Logger, opts: SessionOptions = {}): ReadSession {
  return { instanceId: instanceIdFrom(instanceIdOrArn), reader: createLiveReader(client(target, instanceIdOrArn, logger, opts)) };
}

export function openWriteSession(target: Target, instanceIdOrArn: string, logger: Logger): ReadSession & { writer: ConnectWriter } {
  const c = client(target, instanceIdOrArn, logger, {});
  return { instanceId: instanceIdFrom(instanceIdOrArn), reader: createLiveReader(c), writer: createConnectWriter(c) };
}
