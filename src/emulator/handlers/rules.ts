// Connect's rules for routing-profile inputs that the model cannot state (admin guide and API reference),
// checked after the model's own constraints.
import {
  CONCURRENCY_RANGE,
  DEFAULT_CROSS_CHANNEL_BEHAVIOR,
  LIMITS,
  type Channel,
  type CrossChannelBehavior,
  type WorkloadBehavior,
} from '../../vocabulary.js';
import { ConnectError, invalidParameter } from '../errors.js';
import type { StoredMediaConcurrency, StoredWorkloadType } from '../types.js';

/** MediaConcurrency.WorkloadTypeConcurrencies[] as the model has already checked it (1..5, Concurrency 1..10). */
export interface WireWorkloadType {
  WorkloadType: string;
  Concurrency: number;
  CrossChannelWorkloadBehavior?: { ChannelWorkloadBehaviorType?: WorkloadBehavior };
}

export interface WireMediaConcurrency {
  Channel: Channel;
  Concurrency: number;
  CrossChannelBehavior?: { BehaviorType: CrossChannelBehavior };
  WorkloadTypeConcurrencies?: WireWorkloadType[];
}

export interface WireQueueReference {
  QueueId: string;
  Channel: Channel;
}

export interface WireQueueConfig {
  QueueReference: WireQueueReference;
  Priority: number;
  Delay: number;
}

/** UNVERIFIED: the model sets no minimum; a profile must enable at least one channel in the console. */
export const MIN_MEDIA_CONCURRENCIES = 1;

/**
 * UNVERIFIED: the channels that take WorkloadTypeConcurrencies. The connect-api README cites a summary saying
 * TASK and EMAIL; the SDK's own text lists ranges for VOICE and CHAT too, but no announcement names them.
 */
export const WORKLOAD_TYPE_CHANNELS: ReadonlySet<Channel> = new Set(['TASK', 'EMAIL']);

/**
 * UNVERIFIED: WorkloadType has only `min: 1` in the model and no published pattern. We take at most 128
 * characters, the bound of Connect's identifier-like names (and of the profile files' own rule), and refuse
 * control characters and blanks at either end, which no Connect routing value we know of may hold.
 */
export const WORKLOAD_TYPE_MAX_LENGTH = 128;
export const WORKLOAD_TYPE_PATTERN = /^(?!\s)[^\p{Cc}]*(?<!\s)$/u;

/**
 * UNVERIFIED: what Describe answers for a workload type sent without CrossChannelWorkloadBehavior. Unlike the
 * channel-level CrossChannelBehavior, no export or Terraform schema shows a filled-in default, so we return
 * the entry without it, as sent.
 */
export const WORKLOAD_BEHAVIOR_WHEN_ABSENT: WorkloadBehavior | undefined = undefined;

/**
 * UNVERIFIED (connect-api README: "the likely way"): UpdateRoutingProfileConcurrency replaces each channel
 * whole, so a channel sent without WorkloadTypeConcurrencies has none afterwards. There is no other way to
 * remove them: the model's list needs at least one entry.
 */
export const CHANNEL_WITHOUT_WORKLOAD_TYPES_CLEARS_THEM = true;

/**
 * UNVERIFIED: which error Connect gives when a queue-channel pair is in the wrong state (associating a
 * pair already associated, disassociating or updating one that is not, going past 50 pairs). We answer
 * InvalidParameterException, the error Connect uses for every other input it refuses.
 */
export const QUEUE_PAIR_STATE_ERROR = 'InvalidParameterException';

/**
 * UNVERIFIED: the channels a manual-assignment (Worklist) queue pair may use. The SDK's request text says voice
 * supports only agent-first callbacks (so VOICE is accepted), while its summary text says VOICE is not
 * supported. We accept every channel, as the request-side text describes what may be sent.
 */
export const MANUAL_ASSIGNMENT_CHANNELS: ReadonlySet<Channel> = new Set(['VOICE', 'CHAT', 'TASK', 'EMAIL']);

/**
 * UNVERIFIED: whether one queue-channel pair may be both a routed (standard) pair and a manual-assignment
 * pair of the same profile. The two are separate associations with separate list operations, and a queue
 * whose contacts are pushed may also be picked from the Worklist, so we allow it.
 */
export const QUEUE_MAY_BE_STANDARD_AND_MANUAL = true;

/**
 * UNVERIFIED: whether manual-assignment pairs count toward the 50 queue-channel pairs quota. The quota is
 * documented for routing-profile queues; manual pairs are listed apart and we count them apart, with no quota
 * of their own (none is published).
 */
export const MANUAL_PAIRS_COUNT_TOWARD_PAIR_QUOTA = false;

export function pairStateError(message: string): ConnectError {
  return new ConnectError(QUEUE_PAIR_STATE_ERROR, message);
}

/** Checks a full MediaConcurrencies list and converts it to what is stored. */
export function toStoredMedia(list: WireMediaConcurrency[]): StoredMediaConcurrency[] {
  if (list.length < MIN_MEDIA_CONCURRENCIES) {
    throw invalidParameter('MediaConcurrencies must enable at least one channel.');
  }
  const seen = new Set<Channel>();
  return list.map((mc, i) => {
    if (seen.has(mc.Channel)) {
      throw invalidParameter(`MediaConcurrencies has more than one entry for channel ${mc.Channel}.`);
    }
    seen.add(mc.Channel);
    const range = CONCURRENCY_RANGE[mc.Channel];
    if (mc.Concurrency < range.min || mc.Concurrency > range.max) {
      throw invalidParameter(
        `MediaConcurrencies[${i}]: concurrency for ${mc.Channel} must be ${range.min}..${range.max}, got ${mc.Concurrency}.`,
      );
    }
    const stored: StoredMediaConcurrency = {
      channel: mc.Channel,
      concurrency: mc.Concurrency,
      // connect-api README: sent absent, Describe then answers ROUTE_CURRENT_CHANNEL_ONLY (UNVERIFIED there).
      crossChannelBehavior: mc.CrossChannelBehavior?.BehaviorType ?? DEFAULT_CROSS_CHANNEL_BEHAVIOR,
    };
    if (mc.WorkloadTypeConcurrencies !== undefined) {
      stored.workloadTypeConcurrencies = toStoredWorkloadTypes(mc, i);
    }
    return stored;
  });
}

/**
 * Connect's workload-type rules beyond the model's (channel, unique type per channel, type text).
 * UNVERIFIED (connect-api README): whether a channel with workload types may leave out its own Concurrency, as
 * SDK 3.1136 allows. The model requires it, so a channel always states both, and both are kept.
 */
function toStoredWorkloadTypes(mc: WireMediaConcurrency, i: number): StoredWorkloadType[] {
  const where = `MediaConcurrencies[${i}].WorkloadTypeConcurrencies`;
  if (!WORKLOAD_TYPE_CHANNELS.has(mc.Channel)) {
    throw invalidParameter(
      `${where}: workload types are not supported for ${mc.Channel}; they are for ${[...WORKLOAD_TYPE_CHANNELS].join(' and ')}.`,
    );
  }
  const seen = new Set<string>();
  return (mc.WorkloadTypeConcurrencies ?? []).map((w, j) => {
    const type = w.WorkloadType;
    if ([...type].length > WORKLOAD_TYPE_MAX_LENGTH || !WORKLOAD_TYPE_PATTERN.test(type)) {
      throw invalidParameter(
        `${where}[${j}].WorkloadType must be 1..${WORKLOAD_TYPE_MAX_LENGTH} characters without control characters or blanks at either end.`,
      );
    }
    if (seen.has(type)) throw invalidParameter(`${where} names workload type '${type}' more than once for ${mc.Channel}.`);
    seen.add(type);
    // The SDK documents the same per-channel ranges for a workload type as for its channel.
    const range = CONCURRENCY_RANGE[mc.Channel];
    if (w.Concurrency < range.min || w.Concurrency > range.max) {
      throw invalidParameter(`${where}[${j}]: concurrency for ${mc.Channel} must be ${range.min}..${range.max}, got ${w.Concurrency}.`);
    }
    const behavior = w.CrossChannelWorkloadBehavior?.ChannelWorkloadBehaviorType ?? WORKLOAD_BEHAVIOR_WHEN_ABSENT;
    return {
      workloadType: type,
      concurrency: w.Concurrency,
      ...(behavior !== undefined ? { crossChannelWorkloadBehavior: behavior } : {}),
    };
  });
}

export const pairKey = (queueId: string, channel: string): string => `${queueId}\u0000${channel}`;

/** One call may not name the same queue-channel pair twice. */
export function checkDistinctPairs(refs: WireQueueReference[], member: string): void {
  const seen = new Set<string>();
  for (const r of refs) {
    const k = pairKey(r.QueueId, r.Channel);
    if (seen.has(k)) throw invalidParameter(`${member} names queue ${r.QueueId} on ${r.Channel} more than once.`);
    seen.add(k);
  }
}

export function checkPairLimit(total: number): void {
  if (total > LIMITS.queueChannelPairsPerProfile) {
    throw pairStateError(
      `A routing profile can have at most ${LIMITS.queueChannelPairsPerProfile} queue-channel pairs; this would make ${total}.`,
    );
  }
}
