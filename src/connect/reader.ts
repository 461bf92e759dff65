// The read-only side of the adapter. Read-only by construction: LiveReader has no write method, and the one
// place that hands a command to the transport checks it against the read allow-list first.
import {
  DescribeRoutingProfileCommand,
  ListQueuesCommand,
  ListRoutingProfileManualAssignmentQueuesCommand,
  ListRoutingProfileQueuesCommand,
  SearchRoutingProfilesCommand,
  type DescribeRoutingProfileCommandOutput,
  type ListQueuesCommandOutput,
  type ListRoutingProfileManualAssignmentQueuesCommandOutput,
  type ListRoutingProfileQueuesCommandOutput,
  type MediaConcurrency,
  type RoutingProfile,
  type SearchRoutingProfilesCommandOutput,
} from '@aws-sdk/client-connect';
import { InternalError } from '../errors.js';
import { readOperationOf, type ReadCommand } from './commands.js';
import type {
  LiveReader,
  ManualQueueRecord,
  MediaConcurrencyRecord,
  Page,
  PageRequest,
  ProfileRequest,
  QueueConfigRecord,
  QueueRecord,
  ReadContext,
  RoutingProfileRecord,
} from './read-types.js';
import { transportFor } from './client.js';
import type { CommandSender, PacedTransport, TransportOptions } from './transport.js';

/** Refuses, at run time, anything that is not one of the read commands (READ_COMMANDS). */
export function assertReadCommand(command: unknown): asserts command is ReadCommand {
  if (readOperationOf(command) === undefined) {
    const name = typeof command === 'object' && command !== null ? command.constructor.name : typeof command;
    throw new InternalError(`the read-only Connect reader refused to send ${name}: only read operations are allowed`);
  }
}

export function createLiveReader(client: CommandSender | PacedTransport, options?: TransportOptions): LiveReader {
  const transport = transportFor(client, options);
  // Closure-private: the returned object exposes no way to send an arbitrary command.
  const read = async (command: ReadCommand, ctx: ReadContext | undefined): Promise<unknown> => {
    assertReadCommand(command);
    const operation = readOperationOf(command);
    if (operation === undefined) throw new InternalError('unreachable: command passed the read allow-list');
    return transport.execute(operation, command, ctx);
  };

  const reader: LiveReader = {
    async searchRoutingProfiles(request, ctx) {
      const out = (await read(
        new SearchRoutingProfilesCommand({
          InstanceId: request.instanceId,
          NextToken: request.nextToken,
          MaxResults: request.maxResults,
          SearchCriteria: request.nameEquals
            ? { StringCondition: { FieldName: 'name', Value: request.nameEquals, ComparisonType: 'EXACT' } }
            : undefined,
        }),
        ctx,
      )) as SearchRoutingProfilesCommandOutput;
      return page((out.RoutingProfiles ?? []).map(profileRecord), out.NextToken);
    },
    async describeRoutingProfile(request: ProfileRequest, ctx) {
      const out = (await read(
        new DescribeRoutingProfileCommand({ InstanceId: request.instanceId, RoutingProfileId: request.routingProfileId }),
        ctx,
      )) as DescribeRoutingProfileCommandOutput;
      return profileRecord(out.RoutingProfile ?? {});
    },
    async listRoutingProfileQueues(request, ctx) {
      const out = (await read(
        new ListRoutingProfileQueuesCommand({
          InstanceId: request.instanceId,
          RoutingProfileId: request.routingProfileId,
          NextToken: request.nextToken,
          MaxResults: request.maxResults,
        }),
        ctx,
      )) as ListRoutingProfileQueuesCommandOutput;
      const items: QueueConfigRecord[] = (out.RoutingProfileQueueConfigSummaryList ?? []).map((q) => ({
        queueId: q.QueueId,
        queueArn: q.QueueArn,
        queueName: q.QueueName,
        channel: q.Channel,
        priority: q.Priority,
        delay: q.Delay,
      }));
      return page(items, out.NextToken);
    },
    async listRoutingProfileManualAssignmentQueues(request, ctx) {
      const out = (await read(
        new ListRoutingProfileManualAssignmentQueuesCommand({
          InstanceId: request.instanceId,
          RoutingProfileId: request.routingProfileId,
          NextToken: request.nextToken,
          MaxResults: request.maxResults,
        }),
        ctx,
      )) as ListRoutingProfileManualAssignmentQueuesCommandOutput;
      const items: ManualQueueRecord[] = (out.RoutingProfileManualAssignmentQueueConfigSummaryList ?? []).map((q) => ({
        queueId: q.QueueId,
        queueArn: q.QueueArn,
        queueName: q.QueueName,
        channel: q.Channel,
      }));
      return page(items, out.NextToken);
    },
    async listQueues(request: PageRequest, ctx) {
      const out = (await read(
        new ListQueuesCommand({
          InstanceId: request.instanceId,
          QueueTypes: ['STANDARD'],
          NextToken: request.nextToken,
          MaxResults: request.maxResults,
        }),
        ctx,
      )) as ListQueuesCommandOutput;
      const items: QueueRecord[] = (out.QueueSummaryList ?? []).map((q) => ({ queueId: q.Id, arn: q.Arn, name: q.Name }));
      return page(items, out.NextToken);
    },
  };
  return Object.freeze(reader);
}

function page<T>(items: T[], nextToken: string | undefined): Page<T> {
  // An empty token means "no more pages" to the SDK's own paginator (wire-protocol §1.4).
  return nextToken ? { items, nextToken } : { items };
}

function profileRecord(p: RoutingProfile): RoutingProfileRecord {
  return {
    routingProfileId: p.RoutingProfileId,
    arn: p.RoutingProfileArn,
    name: p.Name,
    description: p.Description,
    defaultOutboundQueueId: p.DefaultOutboundQueueId,
    mediaConcurrencies: p.MediaConcurrencies?.map(mediaRecord),
    tags: p.Tags,
    agentAvailabilityTimer: p.AgentAvailabilityTimer,
    associatedQueueIds: p.AssociatedQueueIds,
    isDefault: p.IsDefault,
    numberOfAssociatedUsers: p.NumberOfAssociatedUsers,
    numberOfAssociatedManualAssignmentQueues: p.NumberOfAssociatedManualAssignmentQueues,
  };
}

function mediaRecord(m: MediaConcurrency): MediaConcurrencyRecord {
  return {
    channel: m.Channel,
    concurrency: m.Concurrency,
    crossChannelBehavior: m.CrossChannelBehavior?.BehaviorType,
    workloadTypeConcurrencies: m.WorkloadTypeConcurrencies?.map((w) => ({
      workloadType: w.WorkloadType,
      concurrency: w.Concurrency,
      crossChannelWorkloadBehavior: w.CrossChannelWorkloadBehavior?.ChannelWorkloadBehaviorType,
    })),
  };
}
