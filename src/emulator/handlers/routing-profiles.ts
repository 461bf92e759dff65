// Routing-profile lifecycle and reads: create, describe, search, list, the four field updates, delete.
// (Queue associations are in profile-queues.ts, the two read views in profile-views.ts.)
import type { AgentAvailabilityTimer } from '../../vocabulary.js';
import { ConnectError, invalidParameter } from '../errors.js';
import { paginate } from '../pagination.js';
import { checkCriteria, matchesCriteria, matchesTagFilter, type SearchCriteria, type TagFilter } from '../search.js';
import type { StoredProfile } from '../types.js';
import {
  epochSeconds,
  profileWrite,
  requireInstance,
  requireProfile,
  requireStandardQueue,
  type HandlerContext,
  type OperationHandler,
} from './context.js';
import { associate } from './profile-queues.js';
import { describeView, distinctQueueIds, searchView } from './profile-views.js';
import {
  CHANNEL_WITHOUT_WORKLOAD_TYPES_CLEARS_THEM,
  toStoredMedia,
  type WireMediaConcurrency, type WireQueueConfig, type WireQueueReference } from './rules.js';

/**
 * UNVERIFIED: what Describe answers for a profile created without AgentAvailabilityTimer. The admin guide
 * calls "time since last activity" the default ordering.
 */
export const DEFAULT_AGENT_AVAILABILITY_TIMER: AgentAvailabilityTimer = 'TIME_SINCE_LAST_ACTIVITY';

/** Fields SearchRoutingProfiles' StringCondition can name (SDK docs). */
export const PROFILE_SEARCH_FIELDS = ['name', 'description', 'resourceID', 'associatedQueueIds'] as const;

function visibleProfiles(ctx: HandlerContext): StoredProfile[] {
  const now = ctx.now();
  return [...ctx.store.profiles.values()]
    .filter((p) => ctx.store.isVisible(p.routingProfileId, now))
    .sort((a, b) => a.seq - b.seq);
}

/** UNVERIFIED: whether Connect compares names case-insensitively; we compare them exactly. */
function requireUniqueName(ctx: HandlerContext, name: string, self?: string): void {
  const other = ctx.store.profileByName(name);
  if (other && other.routingProfileId !== self) {
    throw new ConnectError('DuplicateResourceException', `A routing profile named '${name}' already exists.`);
  }
}

/**
 * UNVERIFIED in detail (connect-api README): Connect answers ResourceInUseException (409) when something still
 * refers to the profile. We refuse the instance's default profile (it is what new agents get) and a profile
 * with users (each agent must have one). The error's ResourceType names what holds the profile: the instance
 * for the default, USER for agents (ResourceId left out: no user ARN is known here).
 */
export const DELETE_REFUSED_FOR_DEFAULT_PROFILE = true;
export const DELETE_REFUSED_WITH_USERS = true;

function refuseDeleteInUse(ctx: HandlerContext, p: StoredProfile): void {
  if (DELETE_REFUSED_FOR_DEFAULT_PROFILE && p.isDefault) {
    throw new ConnectError(
      'ResourceInUseException',
      `Routing profile ${p.routingProfileId} is the default routing profile of instance ${ctx.store.instanceId} and cannot be deleted.`,
      { ResourceType: 'INSTANCE', ResourceId: ctx.store.instanceArn },
    );
  }
  if (DELETE_REFUSED_WITH_USERS && p.associatedUsers > 0) {
    throw new ConnectError(
      'ResourceInUseException',
      `Routing profile ${p.routingProfileId} has ${p.associatedUsers} associated user${p.associatedUsers === 1 ? '' : 's'}; assign them another routing profile first.`,
      { ResourceType: 'USER' },
    );
  }
}

export const routingProfileHandlers: Record<string, OperationHandler> = {
  CreateRoutingProfile: {
    mutating: true,
    handle(ctx, input) {
      requireInstance(ctx, input.InstanceId);
      const name = input.Name as string;
      const media = toStoredMedia(input.MediaConcurrencies as WireMediaConcurrency[]);
      const configs = input.QueueConfigs as WireQueueConfig[] | undefined;
      const manual = input.ManualAssignmentQueueConfigs as { QueueReference: WireQueueReference }[] | undefined;
      requireStandardQueue(ctx, input.DefaultOutboundQueueId as string);
      if (ctx.store.profiles.size >= ctx.store.profileQuota) {
        throw new ConnectError(
          'LimitExceededException',
          `The instance already has ${ctx.store.profileQuota} routing profiles, its quota.`,
        );
      }
      requireUniqueName(ctx, name);
      const id = ctx.store.newId();
      const p: StoredProfile = {
        routingProfileId: id,
        arn: ctx.store.profileArn(id),
        name,
        description: input.Description as string,
        defaultOutboundQueueId: input.DefaultOutboundQueueId as string,
        mediaConcurrencies: media,
        queueConfigs: [],
        manualAssignmentQueues: [],
        agentAvailabilityTimer:
          (input.AgentAvailabilityTimer as AgentAvailabilityTimer | undefined) ?? DEFAULT_AGENT_AVAILABILITY_TIMER,
        tags: { ...((input.Tags as Record<string, string> | undefined) ?? {}) },
        isDefault: false,
        associatedUsers: 0,
        seq: ctx.store.nextSeq(),
        lastModifiedTime: Date.now(),
      };
      associate(ctx, p, configs, manual);
      ctx.store.profiles.set(id, p);
      if (ctx.searchLagMs > 0) ctx.store.visibleAt.set(id, ctx.now() + ctx.searchLagMs);
      return { RoutingProfileArn: p.arn, RoutingProfileId: id };
    },
  },

  DescribeRoutingProfile: {
    mutating: false,
    handle(ctx, input) {
      requireInstance(ctx, input.InstanceId);
      return { RoutingProfile: describeView(ctx, requireProfile(ctx, input.RoutingProfileId, true)) };
    },
  },

  SearchRoutingProfiles: {
    mutating: false,
    handle(ctx, input) {
      requireInstance(ctx, input.InstanceId);
      const criteria = input.SearchCriteria as SearchCriteria | undefined;
      const tagFilter = (input.SearchFilter as { TagFilter?: TagFilter } | undefined)?.TagFilter;
      checkCriteria(criteria, PROFILE_SEARCH_FIELDS);
      const matches = visibleProfiles(ctx).filter(
        (p) =>
          matchesTagFilter(tagFilter, p.tags) &&
          matchesCriteria(criteria, {
            fields: {
              name: p.name,
              description: p.description,
              resourceID: p.routingProfileId,
              associatedQueueIds: distinctQueueIds(p.queueConfigs),
            },
            tags: p.tags,
          }),
      );
      const page = paginate(matches, input.MaxResults as number | undefined, input.NextToken as string | undefined, [
        'SearchRoutingProfiles',
        input.InstanceId,
        criteria ?? null,
        tagFilter ?? null,
      ]);
      return {
        RoutingProfiles: page.items.map((p) => searchView(ctx, p)),
        ApproximateTotalCount: matches.length,
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      };
    },
  },

  ListRoutingProfiles: {
    mutating: false,
    handle(ctx, input) {
      requireInstance(ctx, input.InstanceId);
      const page = paginate(
        visibleProfiles(ctx),
        input.MaxResults as number | undefined,
        input.NextToken as string | undefined,
        ['ListRoutingProfiles', input.InstanceId],
      );
      return {
        RoutingProfileSummaryList: page.items.map((p) => ({
          Id: p.routingProfileId,
          Arn: p.arn,
          Name: p.name,
          LastModifiedTime: epochSeconds(p.lastModifiedTime),
          LastModifiedRegion: ctx.store.region,
        })),
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      };
    },
  },

  UpdateRoutingProfileConcurrency: profileWrite((p, input) => {
    // The list replaces the whole set: a channel left out is no longer enabled (connect-api README says
    // this is UNVERIFIED; clients must send the full list either way).
    const next = toStoredMedia(input.MediaConcurrencies as WireMediaConcurrency[]);
    if (!CHANNEL_WITHOUT_WORKLOAD_TYPES_CLEARS_THEM) {
      for (const m of next) {
        m.workloadTypeConcurrencies ??= p.mediaConcurrencies.find((old) => old.channel === m.channel)?.workloadTypeConcurrencies;
      }
    }
    p.mediaConcurrencies = next;
  }),

  UpdateRoutingProfileName: profileWrite((p, input, ctx) => {
    const name = input.Name as string | undefined;
    const description = input.Description as string | undefined;
    // API reference: "At least Name or Description must be provided."
    if (name === undefined && description === undefined) {
      throw invalidParameter('At least Name or Description must be provided.');
    }
    if (name !== undefined) requireUniqueName(ctx, name, p.routingProfileId);
    if (name !== undefined) p.name = name;
    if (description !== undefined) p.description = description;
  }),

  UpdateRoutingProfileDefaultOutboundQueue: profileWrite((p, input, ctx) => {
    const queueId = input.DefaultOutboundQueueId as string;
    requireStandardQueue(ctx, queueId);
    p.defaultOutboundQueueId = queueId;
  }),

  UpdateRoutingProfileAgentAvailabilityTimer: profileWrite((p, input) => {
    p.agentAvailabilityTimer = input.AgentAvailabilityTimer as AgentAvailabilityTimer;
  }),

  DeleteRoutingProfile: {
    mutating: true,
    handle(ctx, input) {
      requireInstance(ctx, input.InstanceId);
      const p = requireProfile(ctx, input.RoutingProfileId);
      refuseDeleteInUse(ctx, p);
      ctx.store.profiles.delete(p.routingProfileId);
      ctx.store.visibleAt.delete(p.routingProfileId);
      return undefined;
    },
  },
};
