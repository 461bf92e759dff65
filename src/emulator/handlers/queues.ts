// SearchQueues, ListQueues, DescribeQueue. Queues are read-only here (they come from the seed), as the
// reconciler only resolves queue references.
import { paginate } from '../pagination.js';
import { checkCriteria, matchesCriteria, matchesTagFilter, type SearchCriteria, type TagFilter } from '../search.js';
import type { StoredQueue } from '../types.js';
import { epochSeconds, requireInstance, requireQueue, type HandlerContext, type OperationHandler } from './context.js';

/** Fields SearchQueues' StringCondition can name (SDK docs). */
export const QUEUE_SEARCH_FIELDS = ['name', 'description', 'resourceID'] as const;

function queueView(ctx: HandlerContext, q: StoredQueue): Record<string, unknown> {
  return {
    Name: q.name,
    QueueArn: q.arn,
    QueueId: q.queueId,
    ...(q.description !== undefined ? { Description: q.description } : {}),
    HoursOfOperationId: q.hoursOfOperationId,
    Status: q.status,
    Tags: q.tags,
    LastModifiedTime: epochSeconds(q.lastModifiedTime),
    LastModifiedRegion: ctx.store.region,
  };
}

const sortedQueues = (ctx: HandlerContext): StoredQueue[] =>
  [...ctx.store.queues.values()].sort((a, b) => a.seq - b.seq);

export const queueHandlers: Record<string, OperationHandler> = {
  SearchQueues: {
    mutating: false,
    handle(ctx, input) {
      requireInstance(ctx, input.InstanceId);
      const criteria = input.SearchCriteria as SearchCriteria | undefined;
      const tagFilter = (input.SearchFilter as { TagFilter?: TagFilter } | undefined)?.TagFilter;
      checkCriteria(criteria, QUEUE_SEARCH_FIELDS);
      // SearchableQueueType has STANDARD only: agent queues are never search results.
      const matches = sortedQueues(ctx).filter(
        (q) =>
          q.queueType === 'STANDARD' &&
          matchesTagFilter(tagFilter, q.tags) &&
          matchesCriteria(criteria, {
            fields: { name: q.name, description: q.description ?? '', resourceID: q.queueId },
            tags: q.tags,
            queueType: q.queueType,
          }),
      );
      const page = paginate(matches, input.MaxResults as number | undefined, input.NextToken as string | undefined, [
        'SearchQueues',
        input.InstanceId,
        criteria ?? null,
        tagFilter ?? null,
      ]);
      return {
        Queues: page.items.map((q) => queueView(ctx, q)),
        ApproximateTotalCount: matches.length,
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      };
    },
  },

  ListQueues: {
    mutating: false,
    handle(ctx, input) {
      requireInstance(ctx, input.InstanceId);
      // Without QueueTypes both kinds are listed (Connect lists one agent queue per agent).
      const types = (input.QueueTypes as string[] | undefined) ?? ['STANDARD', 'AGENT'];
      const matches = sortedQueues(ctx).filter((q) => types.includes(q.queueType));
      const page = paginate(matches, input.MaxResults as number | undefined, input.NextToken as string | undefined, [
        'ListQueues',
        input.InstanceId,
        [...types].sort(),
      ]);
      return {
        QueueSummaryList: page.items.map((q) => ({
          Id: q.queueId,
          Arn: q.arn,
          Name: q.name,
          QueueType: q.queueType,
          LastModifiedTime: epochSeconds(q.lastModifiedTime),
          LastModifiedRegion: ctx.store.region,
        })),
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      };
    },
  },

  DescribeQueue: {
    mutating: false,
    handle(ctx, input) {
      requireInstance(ctx, input.InstanceId);
      return { Queue: queueView(ctx, requireQueue(ctx, input.QueueId as string)) };
    },
  },
};
