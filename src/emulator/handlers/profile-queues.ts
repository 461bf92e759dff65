// The routing-profile queue operations: associate, disassociate, change priority/delay, list. A queue-channel
// pair is the unit: a pair is associated once, and only associated pairs can be updated or removed.
import { LIMITS, type Channel } from '../../vocabulary.js';
import { invalidParameter } from '../errors.js';
import { paginate } from '../pagination.js';
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
import {
  checkDistinctPairs,
  checkPairLimit,
  MANUAL_ASSIGNMENT_CHANNELS,
  MANUAL_PAIRS_COUNT_TOWARD_PAIR_QUOTA,
  pairKey,
  pairStateError,
  QUEUE_MAY_BE_STANDARD_AND_MANUAL,
  type WireQueueConfig,
  type WireQueueReference,
} from './rules.js';

const refsOf = (configs: { QueueReference: WireQueueReference }[] | undefined): WireQueueReference[] =>
  (configs ?? []).map((c) => c.QueueReference);

function refuseExisting(list: { queueId: string; channel: Channel }[], refs: WireQueueReference[], what: string): void {
  const keys = new Set(list.map((c) => pairKey(c.queueId, c.channel)));
  for (const r of refs) {
    if (keys.has(pairKey(r.QueueId, r.Channel))) {
      throw pairStateError(`Queue ${r.QueueId} is already ${what} on ${r.Channel}.`);
    }
  }
}

/** Adds queue configs (already checked against the model) to a profile, with Connect's pair rules. */
export function associate(
  ctx: HandlerContext,
  p: StoredProfile,
  configs: WireQueueConfig[] | undefined,
  manual: { QueueReference: WireQueueReference }[] | undefined,
): void {
  const standardRefs = refsOf(configs);
  const manualRefs = refsOf(manual);
  checkDistinctPairs(standardRefs, 'QueueConfigs');
  checkDistinctPairs(manualRefs, 'ManualAssignmentQueueConfigs');
  for (const r of manualRefs) {
    if (!MANUAL_ASSIGNMENT_CHANNELS.has(r.Channel)) {
      throw invalidParameter(`ManualAssignmentQueueConfigs: channel ${r.Channel} does not support manual assignment.`);
    }
  }
  for (const r of [...standardRefs, ...manualRefs]) requireStandardQueue(ctx, r.QueueId);
  refuseExisting(p.queueConfigs, standardRefs, 'associated with this routing profile');
  refuseExisting(p.manualAssignmentQueues, manualRefs, 'a manual assignment queue of this profile');
  if (!QUEUE_MAY_BE_STANDARD_AND_MANUAL) {
    refuseExisting(p.queueConfigs, manualRefs, 'associated with this routing profile for automatic routing');
    refuseExisting(p.manualAssignmentQueues, standardRefs, 'a manual assignment queue of this profile');
    refuseExisting(standardRefs.map((r) => ({ queueId: r.QueueId, channel: r.Channel })), manualRefs, 'in QueueConfigs');
  }
  const standardTotal = p.queueConfigs.length + standardRefs.length;
  const manualTotal = p.manualAssignmentQueues.length + manualRefs.length;
  if (MANUAL_PAIRS_COUNT_TOWARD_PAIR_QUOTA) checkPairLimit(standardTotal + manualTotal);
  else checkPairLimit(standardTotal);
  for (const c of configs ?? []) {
    p.queueConfigs.push({
      queueId: c.QueueReference.QueueId,
      channel: c.QueueReference.Channel,
      priority: c.Priority,
      delay: c.Delay,
      seq: ctx.store.nextSeq(),
    });
  }
  for (const r of manualRefs) {
    p.manualAssignmentQueues.push({ queueId: r.QueueId, channel: r.Channel, seq: ctx.store.nextSeq() });
  }
}

/** Disassociate's lists have no max in the model, but Connect takes 10 per call (connect-api README). */
function checkBatch(list: unknown[] | undefined, member: string, max: number): void {
  if (list && list.length > max) {
    throw invalidParameter(`${member} can have at most ${max} entries per call.`);
  }
}

/**
 * A profile's pair list, paged in association order with tokens bound to the operation and the profile. Both
 * lists carry their profile's LastModifiedTime and Region beside the page.
 */
function pairList<T extends { queueId: string; channel: Channel; seq: number }>(
  operation: string,
  listMember: string,
  pairs: (p: StoredProfile) => T[],
  extra: (pair: T) => Record<string, unknown>,
): OperationHandler {
  return {
    mutating: false,
    handle(ctx, input) {
      requireInstance(ctx, input.InstanceId);
      const p = requireProfile(ctx, input.RoutingProfileId, true);
      const sorted = [...pairs(p)].sort((a, b) => a.seq - b.seq);
      const page = paginate(sorted, input.MaxResults as number | undefined, input.NextToken as string | undefined, [
        operation,
        input.InstanceId,
        p.routingProfileId,
      ]);
      return {
        [listMember]: page.items.map((c) => ({
          QueueId: c.queueId,
          QueueArn: ctx.store.queueArn(c.queueId),
          QueueName: ctx.store.queues.get(c.queueId)?.name ?? c.queueId,
          ...extra(c),
          Channel: c.channel,
        })),
        LastModifiedTime: epochSeconds(p.lastModifiedTime),
        LastModifiedRegion: ctx.store.region,
        ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      };
    },
  };
}

export const profileQueueHandlers: Record<string, OperationHandler> = {
  UpdateRoutingProfileQueues: profileWrite((p, input) => {
    const configs = input.QueueConfigs as WireQueueConfig[];
    checkDistinctPairs(refsOf(configs), 'QueueConfigs');
    const byPair = new Map(p.queueConfigs.map((c) => [pairKey(c.queueId, c.channel), c]));
    for (const c of configs) {
      if (!byPair.has(pairKey(c.QueueReference.QueueId, c.QueueReference.Channel))) {
        throw pairStateError(
          `Queue ${c.QueueReference.QueueId} is not associated with this routing profile on ${c.QueueReference.Channel}; associate it first.`,
        );
      }
    }
    for (const c of configs) {
      const stored = byPair.get(pairKey(c.QueueReference.QueueId, c.QueueReference.Channel))!;
      stored.priority = c.Priority;
      stored.delay = c.Delay;
    }
  }),

  AssociateRoutingProfileQueues: profileWrite((p, input, ctx) => {
    const configs = input.QueueConfigs as WireQueueConfig[] | undefined;
    const manual = input.ManualAssignmentQueueConfigs as { QueueReference: WireQueueReference }[] | undefined;
    // Both lists are optional in the model, each alone is valid (connect-api README); one must be there.
    if (!configs && !manual) {
      throw invalidParameter('Either QueueConfigs or ManualAssignmentQueueConfigs must be provided.');
    }
    associate(ctx, p, configs, manual);
  }),

  DisassociateRoutingProfileQueues: profileWrite((p, input) => {
    const refs = input.QueueReferences as WireQueueReference[] | undefined;
    const manual = input.ManualAssignmentQueueReferences as WireQueueReference[] | undefined;
    // The model sets no minimum on these lists; a call that names no pair at all is refused like Associate's.
    if ((refs?.length ?? 0) + (manual?.length ?? 0) === 0) {
      throw invalidParameter('Either QueueReferences or ManualAssignmentQueueReferences must be provided.');
    }
    checkBatch(refs, 'QueueReferences', LIMITS.queueConfigsPerCall);
    checkBatch(manual, 'ManualAssignmentQueueReferences', LIMITS.manualQueueConfigsPerCall);
    checkDistinctPairs(refs ?? [], 'QueueReferences');
    checkDistinctPairs(manual ?? [], 'ManualAssignmentQueueReferences');
    const drop = <T extends { queueId: string; channel: Channel }>(
      list: T[],
      wanted: WireQueueReference[],
      what: string,
    ): T[] => {
      const keys = new Set(list.map((c) => pairKey(c.queueId, c.channel)));
      for (const r of wanted) {
        if (!keys.has(pairKey(r.QueueId, r.Channel))) {
          throw pairStateError(`Queue ${r.QueueId} is not ${what} on ${r.Channel}.`);
        }
      }
      const gone = new Set(wanted.map((r) => pairKey(r.QueueId, r.Channel)));
      return list.filter((c) => !gone.has(pairKey(c.queueId, c.channel)));
    };
    // Both lists are checked before either changes, so a refused call changes nothing.
    const queueConfigs = drop(p.queueConfigs, refs ?? [], 'associated with this routing profile');
    const manualQueues = drop(p.manualAssignmentQueues, manual ?? [], 'a manual assignment queue of this profile');
    p.queueConfigs = queueConfigs;
    p.manualAssignmentQueues = manualQueues;
  }),

  ListRoutingProfileQueues: pairList(
    'ListRoutingProfileQueues',
    'RoutingProfileQueueConfigSummaryList',
    (p) => p.queueConfigs,
    (c) => ({ Priority: c.priority, Delay: c.delay }),
  ),

  // Only the manual pairs: ListRoutingProfileQueues never lists them (API reference).
  ListRoutingProfileManualAssignmentQueues: pairList(
    'ListRoutingProfileManualAssignmentQueues',
    'RoutingProfileManualAssignmentQueueConfigSummaryList',
    (p) => p.manualAssignmentQueues,
    () => ({}),
  ),
};
