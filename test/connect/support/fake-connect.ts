// An in-memory Connect at the SDK client level: it receives the real Command objects the adapter builds
// (so the reader, writer and transport code all run) and answers with the SDK's own error classes.
import {
  AssociateRoutingProfileQueuesCommand,
  CreateRoutingProfileCommand,
  DescribeRoutingProfileCommand,
  DisassociateRoutingProfileQueuesCommand,
  DuplicateResourceException,
  InvalidParameterException,
  ListQueuesCommand,
  ListRoutingProfileQueuesCommand,
  ResourceNotFoundException,
  SearchQueuesCommand,
  SearchRoutingProfilesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateRoutingProfileAgentAvailabilityTimerCommand,
  UpdateRoutingProfileConcurrencyCommand,
  UpdateRoutingProfileDefaultOutboundQueueCommand,
  UpdateRoutingProfileNameCommand,
  UpdateRoutingProfileQueuesCommand,
  type MediaConcurrency,
  type RoutingProfileQueueConfig,
} from '@aws-sdk/client-connect';
import type { ConnectCommand } from '../../../src/connect/commands.js';
import type { CommandSender } from '../../../src/connect/transport.js';

export const INSTANCE = 'inst-1';
const ARN_PREFIX = `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE}`;

export interface FakeProfile {
  id: string;
  name: string;
  description: string;
  defaultOutboundQueueId: string;
  media: MediaConcurrency[];
  timer?: string;
  tags: Record<string, string>;
  queues: { queueId: string; channel: string; priority: number; delay: number }[];
  /** Search does not show it yet while this is > 0 (decremented per Search call). */
  hiddenFromSearch: number;
  /** Follow-up calls answer ResourceNotFoundException while this is > 0. */
  notFoundFor: number;
}

export interface Fault {
  operation: string;
  /** Build the error to throw. */
  error: () => unknown;
  /** How many calls it applies to (default 1). */
  times?: number;
  /** Carry out the call first, then throw (a lost answer). */
  afterCommit?: boolean;
}

export function throttling(): Error {
  return Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 }, $fault: 'client' });
}
export function networkReset(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
}
export function temporaryDnsFailure(): Error {
  return Object.assign(new Error('getaddrinfo EAI_AGAIN connect.us-east-1.amazonaws.com'), { code: 'EAI_AGAIN' });
}
export function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
}
export function sdkError(name: string, status: number, message = `${name} from fake`): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, $fault: status >= 500 ? 'server' : 'client' });
}

export class FakeConnect implements CommandSender {
  readonly log: { operation: string; input: Record<string, unknown> }[] = [];
  readonly profiles = new Map<string, FakeProfile>();
  readonly queues: { id: string; name: string; type: 'STANDARD' | 'AGENT' }[] = [];
  faults: Fault[] = [];
  /** New profiles stay out of Search for this many Search calls. */
  searchLagCalls = 0;
  /** New profiles answer ResourceNotFoundException to this many follow-up calls. */
  notFoundAfterCreate = 0;
  /** Caps page sizes to exercise pagination. */
  pageCap = Infinity;
  /** When set, Search returns this token forever (a misbehaving paginator). */
  stuckToken?: string;
  private nextId = 1;

  addQueue(name: string, type: 'STANDARD' | 'AGENT' = 'STANDARD'): string {
    const id = `q-${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    this.queues.push({ id, name, type });
    return id;
  }

  addProfile(p: Partial<FakeProfile> & { name: string }): FakeProfile {
    const profile: FakeProfile = {
      id: p.id ?? `rp-${this.nextId++}`,
      description: 'd',
      defaultOutboundQueueId: this.queues[0]?.id ?? 'q-basic',
      media: [{ Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } }],
      tags: {},
      queues: [],
      hiddenFromSearch: 0,
      notFoundFor: 0,
      ...p,
    };
    this.profiles.set(profile.id, profile);
    return profile;
  }

  profileByName(name: string): FakeProfile | undefined {
    return [...this.profiles.values()].find((p) => p.name === name);
  }

  ops(): string[] {
    return this.log.map((l) => l.operation);
  }

  count(operation: string): number {
    return this.log.filter((l) => l.operation === operation).length;
  }

  async send(command: ConnectCommand): Promise<unknown> {
    await Promise.resolve();
    const operation = command.constructor.name.replace(/Command$/, '');
    const input = command.input as unknown as Record<string, unknown>;
    this.log.push({ operation, input: structuredClone(input) });
    const fault = this.faults.find((f) => f.operation === operation);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
      if (!fault.afterCommit) throw fault.error();
      this.handle(command);
      throw fault.error();
    }
    return this.handle(command);
  }

  private handle(command: ConnectCommand): unknown {
    if (command instanceof SearchRoutingProfilesCommand) {
      const exact = command.input.SearchCriteria?.StringCondition;
      let all = [...this.profiles.values()].filter((p) => {
        if (p.hiddenFromSearch > 0) {
          p.hiddenFromSearch -= 1;
          return false;
        }
        return true;
      });
      if (exact?.ComparisonType === 'EXACT' && exact.FieldName === 'name') all = all.filter((p) => p.name === exact.Value);
      const page = this.page(all, command.input.NextToken, command.input.MaxResults);
      return {
        RoutingProfiles: page.items.map((p) => ({
          RoutingProfileId: p.id,
          RoutingProfileArn: `${ARN_PREFIX}/routing-profile/${p.id}`,
          Name: p.name,
          Description: p.description,
          DefaultOutboundQueueId: p.defaultOutboundQueueId,
          // Search omits CrossChannelBehavior (documented).
          MediaConcurrencies: p.media.map((m) => ({ Channel: m.Channel, Concurrency: m.Concurrency })),
          Tags: p.tags,
          AssociatedQueueIds: [...new Set(p.queues.map((q) => q.queueId))],
        })),
        NextToken: this.stuckToken ?? page.next,
      };
    }
    if (command instanceof DescribeRoutingProfileCommand) {
      const p = this.find(command.input.RoutingProfileId);
      return {
        RoutingProfile: {
          RoutingProfileId: p.id,
          RoutingProfileArn: `${ARN_PREFIX}/routing-profile/${p.id}`,
          Name: p.name,
          Description: p.description,
          DefaultOutboundQueueId: p.defaultOutboundQueueId,
          MediaConcurrencies: p.media,
          Tags: p.tags,
          AgentAvailabilityTimer: p.timer,
        },
      };
    }
    if (command instanceof ListRoutingProfileQueuesCommand) {
      const p = this.find(command.input.RoutingProfileId);
      const page = this.page(p.queues, command.input.NextToken, command.input.MaxResults);
      return {
        RoutingProfileQueueConfigSummaryList: page.items.map((q) => ({
          QueueId: q.queueId,
          QueueArn: `${ARN_PREFIX}/queue/${q.queueId}`,
          QueueName: this.queues.find((x) => x.id === q.queueId)?.name ?? q.queueId,
          Channel: q.channel,
          Priority: q.priority,
          Delay: q.delay,
        })),
        NextToken: page.next,
      };
    }
    if (command instanceof SearchQueuesCommand || command instanceof ListQueuesCommand) {
      const standard = this.queues.filter((q) => q.type === 'STANDARD');
      const page = this.page(standard, command.input.NextToken, command.input.MaxResults);
      if (command instanceof SearchQueuesCommand) {
        return { Queues: page.items.map((q) => ({ QueueId: q.id, QueueArn: `${ARN_PREFIX}/queue/${q.id}`, Name: q.name })), NextToken: page.next };
      }
      return { QueueSummaryList: page.items.map((q) => ({ Id: q.id, Arn: `${ARN_PREFIX}/queue/${q.id}`, Name: q.name, QueueType: q.type })), NextToken: page.next };
    }
    if (command instanceof CreateRoutingProfileCommand) {
      const i = command.input;
      if (this.profileByName(i.Name ?? '')) {
        throw new DuplicateResourceException({ message: 'Routing profile with this name already exists', $metadata: { httpStatusCode: 409 } });
      }
      const p = this.addProfile({
        name: i.Name ?? '',
        description: i.Description ?? '',
        defaultOutboundQueueId: i.DefaultOutboundQueueId ?? '',
        media: i.MediaConcurrencies ?? [],
        timer: i.AgentAvailabilityTimer,
        tags: i.Tags ?? {},
        queues: (i.QueueConfigs ?? []).map(pairOf),
        hiddenFromSearch: this.searchLagCalls,
        notFoundFor: this.notFoundAfterCreate,
      });
      return { RoutingProfileId: p.id, RoutingProfileArn: `${ARN_PREFIX}/routing-profile/${p.id}` };
    }
    if (command instanceof AssociateRoutingProfileQueuesCommand) {
      const p = this.find(command.input.RoutingProfileId);
      const pairs = (command.input.QueueConfigs ?? []).map(pairOf);
      if (pairs.some((n) => p.queues.some((q) => q.queueId === n.queueId && q.channel === n.channel))) {
        throw new InvalidParameterException({ message: 'Queue is already associated with the routing profile', $metadata: { httpStatusCode: 400 } });
      }
      p.queues.push(...pairs);
      return {};
    }
    if (command instanceof DisassociateRoutingProfileQueuesCommand) {
      const p = this.find(command.input.RoutingProfileId);
      const refs = command.input.QueueReferences ?? [];
      if (refs.some((r) => !p.queues.some((q) => q.queueId === r.QueueId && q.channel === r.Channel))) {
        throw new InvalidParameterException({ message: 'Queue is not associated with the routing profile', $metadata: { httpStatusCode: 400 } });
      }
      p.queues = p.queues.filter((q) => !refs.some((r) => q.queueId === r.QueueId && q.channel === r.Channel));
      return {};
    }
    if (command instanceof UpdateRoutingProfileQueuesCommand) {
      const p = this.find(command.input.RoutingProfileId);
      for (const c of command.input.QueueConfigs ?? []) {
        const q = p.queues.find((x) => x.queueId === c.QueueReference?.QueueId && x.channel === c.QueueReference?.Channel);
        if (q) Object.assign(q, { priority: c.Priority, delay: c.Delay });
      }
      return {};
    }
    if (command instanceof UpdateRoutingProfileNameCommand) {
      const p = this.find(command.input.RoutingProfileId);
      if (command.input.Name) p.name = command.input.Name;
      if (command.input.Description) p.description = command.input.Description;
      return {};
    }
    if (command instanceof UpdateRoutingProfileConcurrencyCommand) {
      this.find(command.input.RoutingProfileId).media = command.input.MediaConcurrencies ?? [];
      return {};
    }
    if (command instanceof UpdateRoutingProfileDefaultOutboundQueueCommand) {
      this.find(command.input.RoutingProfileId).defaultOutboundQueueId = command.input.DefaultOutboundQueueId ?? '';
      return {};
    }
    if (command instanceof UpdateRoutingProfileAgentAvailabilityTimerCommand) {
      this.find(command.input.RoutingProfileId).timer = command.input.AgentAvailabilityTimer;
      return {};
    }
    if (command instanceof TagResourceCommand || command instanceof UntagResourceCommand) {
      const id = (command.input.resourceArn ?? '').split('/').pop() ?? '';
      const p = this.find(id);
      if (command instanceof TagResourceCommand) Object.assign(p.tags, command.input.tags);
      else for (const k of command.input.tagKeys ?? []) delete p.tags[k];
      return {};
    }
    throw new Error(`fake Connect does not implement ${(command as object).constructor.name}`);
  }

  private find(id: string | undefined): FakeProfile {
    const p = this.profiles.get(id ?? '');
    if (!p) throw new ResourceNotFoundException({ message: `Routing profile ${id} not found`, $metadata: { httpStatusCode: 404 } });
    if (p.notFoundFor > 0) {
      p.notFoundFor -= 1;
      throw new ResourceNotFoundException({ message: `Routing profile ${id} not found`, $metadata: { httpStatusCode: 404 } });
    }
    return p;
  }

  private page<T>(items: T[], token: string | undefined, max: number | undefined): { items: T[]; next?: string } {
    const start = token ? Number(token.replace('tok-', '')) : 0;
    const size = Math.min(max ?? 100, this.pageCap);
    const end = start + size;
    return { items: items.slice(start, end), next: end < items.length ? `tok-${end}` : undefined };
  }
}

function pairOf(c: RoutingProfileQueueConfig): FakeProfile['queues'][number] {
  return { queueId: c.QueueReference?.QueueId ?? '', channel: c.QueueReference?.Channel ?? '', priority: c.Priority ?? 1, delay: c.Delay ?? 0 };
}
