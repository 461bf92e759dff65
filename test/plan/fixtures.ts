// Builders for planner tests: a small instance with numbered queues, and desired/live profiles that agree
// unless a test says otherwise.
import type { ResolvedManualQueue, ResolvedProfile, ResolvedQueueConfig } from '../../src/desired/types.js';
import type { LiveManualQueue, LiveProfile, LiveQueue, LiveQueueConfig, LiveState } from '../../src/live/types.js';
import type { Channel } from '../../src/vocabulary.js';
import { computePlan } from '../../src/plan/planner.js';
import type { Change } from '../../src/plan/types.js';
import { expect } from 'vitest';

export const INSTANCE_ID = 'inst-1';
const ARN_PREFIX = `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE_ID}`;

export function queueId(n: number): string {
  return `q-${String(n).padStart(2, '0')}`;
}
export function queueName(n: number): string {
  return `Queue${String(n).padStart(2, '0')}`;
}
export function queueArn(id: string): string {
  return `${ARN_PREFIX}/queue/${id}`;
}
export function profileArn(id: string): string {
  return `${ARN_PREFIX}/routing-profile/${id}`;
}

/** 60 standard queues: more than a profile may use (50 pairs), so batches of every size can be built. */
export const QUEUES: LiveQueue[] = Array.from({ length: 60 }, (_, i) => ({
  queueId: queueId(i + 1),
  arn: queueArn(queueId(i + 1)),
  name: queueName(i + 1),
}));

export function resolvedQueue(n: number, channel: Channel = 'VOICE', priority = 1, delay = 0): ResolvedQueueConfig {
  return { queueId: queueId(n), queueName: queueName(n), channel, priority, delay };
}

export function liveQueue(n: number, channel: Channel = 'VOICE', priority = 1, delay = 0): LiveQueueConfig {
  return { queueId: queueId(n), queueArn: queueArn(queueId(n)), queueName: queueName(n), channel, priority, delay };
}

export function resolvedManual(n: number, channel: Channel = 'CHAT'): ResolvedManualQueue {
  return { queueId: queueId(n), queueName: queueName(n), channel };
}

export function liveManual(n: number, channel: Channel = 'CHAT'): LiveManualQueue {
  return { queueId: queueId(n), queueArn: queueArn(queueId(n)), queueName: queueName(n), channel };
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function desired(overrides: Partial<ResolvedProfile> = {}): ResolvedProfile {
  return {
    name: 'Tier1',
    description: 'Frontline agents',
    defaultOutboundQueueId: queueId(1),
    defaultOutboundQueueName: queueName(1),
    mediaConcurrencies: [
      { channel: 'VOICE', concurrency: 1 },
      { channel: 'CHAT', concurrency: 2, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
    ],
    source: { file: 'profiles/tier1.yaml', line: 1, column: 1 },
    locations: {},
    ...overrides,
  };
}

/** The live profile that `desired()` would produce once applied, as Describe/Search/List report it. */
export function live(overrides: Partial<LiveProfile> = {}): LiveProfile {
  return {
    routingProfileId: 'rp-1',
    arn: profileArn('rp-1'),
    name: 'Tier1',
    description: 'Frontline agents',
    defaultOutboundQueueId: queueId(1),
    // Connect's order, not ours; VOICE's behaviour as Describe reports it for an entry created without one.
    mediaConcurrencies: [
      { channel: 'CHAT', concurrency: 2, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
      { channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' },
    ],
    associatedQueueIds: [],
    tags: {},
    described: true,
    manualQueueCount: 0,
    isDefault: false,
    associatedUsers: 0,
    agentAvailabilityTimer: 'TIME_SINCE_LAST_ACTIVITY',
    ...overrides,
  };
}

export function state(profiles: LiveProfile[]): LiveState {
  return { instanceId: INSTANCE_ID, queues: QUEUES, profiles };
}

/** The ids every call on `live()`'s profile carries. */
export const RP = { InstanceId: INSTANCE_ID, RoutingProfileId: 'rp-1' };

/** The one change the planner makes of `d` against `l` (or against nothing live). */
export function changeFor(d: ResolvedProfile, l?: LiveProfile): Change {
  const plan = computePlan([d], state(l === undefined ? [] : [l]));
  expect(plan.changes).toHaveLength(1);
  return plan.changes[0] as Change;
}

type DesiredConcurrency = ResolvedProfile['mediaConcurrencies'][number];

/** VOICE as `desired()` states it, then the two channels that may hold workload types. */
export function withTaskAndEmail(task: DesiredConcurrency, email: DesiredConcurrency): ResolvedProfile['mediaConcurrencies'] {
  return [{ channel: 'VOICE', concurrency: 1 }, task, email];
}

/** `live()` with workload types on TASK and EMAIL, as Describe reports them. */
export function liveWithWorkloadTypes(): LiveProfile {
  return live({
    mediaConcurrencies: [
      { channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' },
      {
        channel: 'TASK',
        concurrency: 4,
        crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY',
        // Connect's order, and one entry without a behaviour (read as the default).
        workloadTypeConcurrencies: [
          { workloadType: 'Returns', concurrency: 2, crossChannelWorkloadBehavior: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' },
          { workloadType: 'Billing', concurrency: 1 },
        ],
      },
      { channel: 'EMAIL', concurrency: 2, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY', workloadTypeConcurrencies: [{ workloadType: 'Claims', concurrency: 1 }] },
    ],
  });
}
