// Connect's rules for routing-profile inputs that the model cannot state (admin guide and API reference),
// checked after the model's own constraints.
import {
  CONCURRENCY_RANGE,
  DEFAULT_CROSS_CHANNEL_BEHAVIOR,
  LIMITS,
  type Channel,
  type CrossChannelBehavior,
} from '../../vocabulary.js';
import { ConnectError, invalidParameter } from '../errors.js';
import type { StoredMediaConcurrency } from '../types.js';

export interface WireMediaConcurrency {
  Channel: Channel;
  Concurrency: number;
  CrossChannelBehavior?: { BehaviorType: CrossChannelBehavior };
  WorkloadTypeConcurrencies?: unknown[];
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

/** connect-api README: WorkloadTypeConcurrencies exist for TASK and EMAIL only. */
export const WORKLOAD_TYPE_CHANNELS: ReadonlySet<Channel> = new Set(['TASK', 'EMAIL']);

/**
 * UNVERIFIED: which error Connect gives when a queue-channel pair is in the wrong state (associating a
 * pair already associated, disassociating or updating one that is not, going past 50 pairs). We answer
 * InvalidParameterException, the error Connect uses for every other input it refuses.
 */
export const QUEUE_PAIR_STATE_ERROR = 'InvalidParameterException';

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
      checkWorkloadTypes(mc, i);
      stored.workloadTypeConcurrencies = structuredClone(mc.WorkloadTypeConcurrencies);
    }
    return stored;
  });
}

/** No model constraints are published; the SDK marks WorkloadType and Concurrency required. */
function checkWorkloadTypes(mc: WireMediaConcurrency, i: number): void {
  if (!WORKLOAD_TYPE_CHANNELS.has(mc.Channel)) {
    throw invalidParameter(`MediaConcurrencies[${i}]: WorkloadTypeConcurrencies are not supported for ${mc.Channel}.`);
  }
  const list = mc.WorkloadTypeConcurrencies;
  const ok =
    Array.isArray(list) &&
    list.every((w) => {
      if (typeof w !== 'object' || w === null) return false;
      const { WorkloadType, Concurrency } = w as Record<string, unknown>;
      return typeof WorkloadType === 'string' && Number.isInteger(Concurrency);
    });
  if (!ok) {
    throw invalidParameter(
      `MediaConcurrencies[${i}].WorkloadTypeConcurrencies entries need WorkloadType (string) and Concurrency (integer).`,
    );
  }
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
