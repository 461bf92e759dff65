// The Command classes the adapter may build, one per operation. Keeping them in two separate tables is what
// makes the reader read-only at run time: it checks every command against READ_COMMANDS before sending.
import {
  AssociateRoutingProfileQueuesCommand,
  CreateRoutingProfileCommand,
  DeleteRoutingProfileCommand,
  DescribeRoutingProfileCommand,
  DisassociateRoutingProfileQueuesCommand,
  ListQueuesCommand,
  ListRoutingProfileManualAssignmentQueuesCommand,
  ListRoutingProfileQueuesCommand,
  SearchRoutingProfilesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateRoutingProfileAgentAvailabilityTimerCommand,
  UpdateRoutingProfileConcurrencyCommand,
  UpdateRoutingProfileDefaultOutboundQueueCommand,
  UpdateRoutingProfileNameCommand,
  UpdateRoutingProfileQueuesCommand,
} from '@aws-sdk/client-connect';
import type { ReadOperation } from './operations.js';
import type { Operation as WriteOperation } from '../plan/types.js';

export const READ_COMMANDS = {
  SearchRoutingProfiles: SearchRoutingProfilesCommand,
  DescribeRoutingProfile: DescribeRoutingProfileCommand,
  ListRoutingProfileQueues: ListRoutingProfileQueuesCommand,
  ListRoutingProfileManualAssignmentQueues: ListRoutingProfileManualAssignmentQueuesCommand,
  ListQueues: ListQueuesCommand,
} as const satisfies Record<ReadOperation, unknown>;

export const WRITE_COMMANDS = {
  CreateRoutingProfile: CreateRoutingProfileCommand,
  UpdateRoutingProfileName: UpdateRoutingProfileNameCommand,
  UpdateRoutingProfileDefaultOutboundQueue: UpdateRoutingProfileDefaultOutboundQueueCommand,
  UpdateRoutingProfileAgentAvailabilityTimer: UpdateRoutingProfileAgentAvailabilityTimerCommand,
  UpdateRoutingProfileConcurrency: UpdateRoutingProfileConcurrencyCommand,
  DisassociateRoutingProfileQueues: DisassociateRoutingProfileQueuesCommand,
  AssociateRoutingProfileQueues: AssociateRoutingProfileQueuesCommand,
  UpdateRoutingProfileQueues: UpdateRoutingProfileQueuesCommand,
  UntagResource: UntagResourceCommand,
  TagResource: TagResourceCommand,
  DeleteRoutingProfile: DeleteRoutingProfileCommand,
} as const satisfies Record<WriteOperation, unknown>;

export type ReadCommand = InstanceType<(typeof READ_COMMANDS)[keyof typeof READ_COMMANDS]>;
export type WriteCommand = InstanceType<(typeof WRITE_COMMANDS)[keyof typeof WRITE_COMMANDS]>;
export type ConnectCommand = ReadCommand | WriteCommand;

/** The read operation a command performs, or undefined when it is not one of the allowed reads. */
export function readOperationOf(command: unknown): ReadOperation | undefined {
  for (const [operation, commandClass] of Object.entries(READ_COMMANDS)) {
    if (command instanceof commandClass) return operation as ReadOperation;
  }
  return undefined;
}
