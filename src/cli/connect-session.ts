// Builds what a command needs to talk to Connect. The plan path only ever gets the read-only reader;
// the writer is built only by apply.
import { createConnectClient, createLiveReader, createConnectWriter, instanceIdFrom, regionFromInstanceArn } from '../connect/index.js';
import type { LiveReader, ConnectWriter } from '../connect/index.js';
import type { Target } from './target.js';
import type { Logger } from './logger.js';

export interface ReadSession {
  instanceId: string;
  reader: LiveReader;
}

function client(target: Target, instanceIdOrArn: string, logger: Logger) {
  if (target.regionWarning !== undefined) logger.warn({ region: target.region }, target.regionWarning);
  return createConnectClient({
    // An instance ARN names its Region: use it when nothing else does.
    region: target.region ?? regionFromInstanceArn(instanceIdOrArn),
    endpoint: target.endpointUrl,
    quotas: target.quotas,
    logger,
  });
}

export function openReadSession(target: Target, instanceIdOrArn: string, logger: Logger): ReadSession {
  return { instanceId: instanceIdFrom(instanceIdOrArn), reader: createLiveReader(client(target, instanceIdOrArn, logger)) };
}

export function openWriteSession(target: Target, instanceIdOrArn: string, logger: Logger): ReadSession & { writer: ConnectWriter } {
  const c = client(target, instanceIdOrArn, logger);
  return { instanceId: instanceIdFrom(instanceIdOrArn), reader: createLiveReader(c), writer: createConnectWriter(c) };
}
