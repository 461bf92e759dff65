// The write side, used by apply only: sends one planned Call as its Command, with the plan's input as is.
import {
  AssociateRoutingProfileQueuesCommand,
  CreateRoutingProfileCommand,
  DeleteRoutingProfileCommand,
  DisassociateRoutingProfileQueuesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateRoutingProfileAgentAvailabilityTimerCommand,
  UpdateRoutingProfileConcurrencyCommand,
  UpdateRoutingProfileDefaultOutboundQueueCommand,
  UpdateRoutingProfileNameCommand,
  UpdateRoutingProfileQueuesCommand,
  type CreateRoutingProfileCommandOutput,
  type MediaConcurrency,
} from '@aws-sdk/client-connect';
import { assertNever } from '../errors.js';
import type { Call, MediaConcurrencyInput } from '../plan/types.js';
import type { WriteCommand } from './commands.js';
import { transportFor } from './client.js';
import type { CallContext, CommandSender, PacedTransport, TransportOptions } from './transport.js';

export interface WriteResult {
  /** Only CreateRoutingProfile returns these. */
  routingProfileId?: string;
  routingProfileArn?: string;
}

export interface ConnectWriter {
  send(call: Call, ctx?: CallContext): Promise<WriteResult>;
}

export function createConnectWriter(client: CommandSender | PacedTransport, options?: TransportOptions): ConnectWriter {
  const transport = transportFor(client, options);
  return Object.freeze({
    async send(call: Call, ctx?: CallContext): Promise<WriteResult> {
      const out = await transport.execute(call.operation, commandFor(call), ctx);
      if (call.operation === 'CreateRoutingProfile') {
        const created = out as CreateRoutingProfileCommandOutput;
        return { routingProfileId: created.RoutingProfileId, routingProfileArn: created.RoutingProfileArn };
      }
      return {};
    },
  });
}

/** One Command per operation, input passed through exactly as planned (the plan shows what goes on the wire). */
export function commandFor(call: Call): WriteCommand {
  switch (call.operation) {
    case 'CreateRoutingProfile':
      return new CreateRoutingProfileCommand({ ...call.input, MediaConcurrencies: media(call.input.MediaConcurrencies) });
    case 'UpdateRoutingProfileConcurrency':
      return new UpdateRoutingProfileConcurrencyCommand({ ...call.input, MediaConcurrencies: media(call.input.MediaConcurrencies) });
    case 'UpdateRoutingProfileName':
      return new UpdateRoutingProfileNameCommand(call.input);
    case 'UpdateRoutingProfileDefaultOutboundQueue':
      return new UpdateRoutingProfileDefaultOutboundQueueCommand(call.input);
    case 'UpdateRoutingProfileAgentAvailabilityTimer':
      return new UpdateRoutingProfileAgentAvailabilityTimerCommand(call.input);
    case 'DisassociateRoutingProfileQueues':
      return new DisassociateRoutingProfileQueuesCommand(call.input);
    case 'AssociateRoutingProfileQueues':
      return new AssociateRoutingProfileQueuesCommand(call.input);
    case 'UpdateRoutingProfileQueues':
      return new UpdateRoutingProfileQueuesCommand(call.input);
    case 'TagResource':
      return new TagResourceCommand(call.input);
    case 'UntagResource':
      return new UntagResourceCommand(call.input);
    case 'DeleteRoutingProfile':
      return new DeleteRoutingProfileCommand(call.input);
    default:
      return assertNever(call, 'call');
  }
}

/** WorkloadTypeConcurrencies is opaque in the plan (carried over from live untouched); the SDK types it. */
function media(list: MediaConcurrencyInput[]): MediaConcurrency[] {
  return list as MediaConcurrency[];
}
