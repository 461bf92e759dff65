// fast-check generators for desired profiles and the live state they are planned against. Values stay inside
// what validation accepts (Connect's ranges, one entry per channel, unique queue-channel pairs, <= 50 pairs),
// and names come from a small pool so that desired and live profiles overlap often.
import fc from 'fast-check';
import type { DesiredMediaConcurrency, ResolvedProfile, ResolvedQueueConfig } from '../../src/desired/types.js';
import type { LiveMediaConcurrency, LiveProfile, LiveState, LiveWorkloadType } from '../../src/live/types.js';
import { AGENT_AVAILABILITY_TIMERS, type Channel, CHANNELS, CONCURRENCY_RANGE, CROSS_CHANNEL_BEHAVIORS } from '../../src/vocabulary.js';
import { INSTANCE_ID, liveQueue, profileArn, QUEUES, queueId, queueName, resolvedQueue } from './fixtures.js';

const NAMES = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];

const channels = fc.subarray([...CHANNELS], { minLength: 1 });
const behaviour = fc.option(fc.constantFrom(...CROSS_CHANNEL_BEHAVIORS), { nil: undefined });
const concurrencyFor = (c: Channel): fc.Arbitrary<number> => fc.integer(CONCURRENCY_RANGE[c]);
const queueNumber = fc.integer({ min: 1, max: 12 });
const tagKey = fc.constantFrom('team', 'cost', 'owner', 'env', 'a b', 'x:y');
const tagValue = fc.constantFrom('', 'support', 'cc-1', 'cc-2', 'prod');

const desiredConcurrencies: fc.Arbitrary<DesiredMediaConcurrency[]> = channels.chain((cs) =>
  fc.tuple(
    ...cs.map((channel) =>
      fc.record({ channel: fc.constant(channel), concurrency: concurrencyFor(channel), crossChannelBehavior: behaviour }, { requiredKeys: ['channel', 'concurrency'] }),
    ),
  ),
);

const queuePairs = fc.uniqueArray(fc.record({ n: queueNumber, channel: fc.constantFrom(...CHANNELS) }), {
  selector: (p) => `${p.n}/${p.channel}`,
  maxLength: 30,
});

const resolvedQueues: fc.Arbitrary<ResolvedQueueConfig[]> = queuePairs.chain((pairs) =>
  fc.tuple(...pairs.map((p) => fc.record({ priority: fc.integer({ min: 1, max: 3 }), delay: fc.constantFrom(0, 5) }).map((pd) => resolvedQueue(p.n, p.channel, pd.priority, pd.delay)))),
);

const desiredTags = fc.dictionary(tagKey, tagValue, { maxKeys: 6 });

export function desiredProfile(name: string): fc.Arbitrary<ResolvedProfile> {
  return fc
    .record(
      {
        description: fc.constantFrom('Frontline', 'Tier two', 'd'),
        outbound: queueNumber,
        agentAvailabilityTimer: fc.constantFrom(...AGENT_AVAILABILITY_TIMERS),
        mediaConcurrencies: desiredConcurrencies,
        queues: resolvedQueues,
        tags: desiredTags,
      },
      { requiredKeys: ['description', 'outbound', 'mediaConcurrencies'] },
    )
    .map(({ outbound, ...rest }) => ({
      name,
      defaultOutboundQueueId: queueId(outbound),
      defaultOutboundQueueName: queueName(outbound),
      source: { file: `profiles/${name}.yaml`, line: 1, column: 1 },
      locations: {},
      ...rest,
    }));
}

const liveConcurrencies: fc.Arbitrary<LiveMediaConcurrency[]> = channels.chain((cs) =>
  fc.tuple(
    ...cs.map((channel) =>
      fc
        .record({
          concurrency: concurrencyFor(channel),
          behaviour,
          workload: channel === 'TASK' || channel === 'EMAIL' ? fc.option(fc.constant(null).map((): LiveWorkloadType[] => [{ workloadType: 'W1', concurrency: 1 }]), { nil: undefined }) : fc.constant(undefined),
        })
        .map(({ concurrency, behaviour: b, workload }) => {
          const e: LiveMediaConcurrency = { channel, concurrency };
          if (b !== undefined) e.crossChannelBehavior = b;
          if (workload !== undefined) e.workloadTypeConcurrencies = workload;
          return e;
        }),
    ),
  ),
);

function liveProfile(name: string, index: number): fc.Arbitrary<LiveProfile> {
  return fc
    .record({
      description: fc.constantFrom('Frontline', 'Old', 'd'),
      outbound: queueNumber,
      timer: fc.constantFrom(...AGENT_AVAILABILITY_TIMERS),
      mediaConcurrencies: liveConcurrencies,
      pairs: fc.uniqueArray(fc.record({ n: queueNumber, channel: fc.constantFrom(...CHANNELS), priority: fc.integer({ min: 1, max: 3 }), delay: fc.constantFrom(0, 5) }), {
        selector: (p) => `${p.n}/${p.channel}`,
        maxLength: 30,
      }),
      tags: fc.dictionary(fc.oneof(tagKey, fc.constant('aws:cloudformation:stack-name')), tagValue, { maxKeys: 6 }),
    })
    .map(({ description, outbound, timer, mediaConcurrencies, pairs, tags }) => {
      const queueConfigs = pairs.map((p) => liveQueue(p.n, p.channel, p.priority, p.delay));
      return {
        routingProfileId: `rp-${index}`,
        arn: profileArn(`rp-${index}`),
        name,
        description,
        defaultOutboundQueueId: queueId(outbound),
        mediaConcurrencies,
        associatedQueueIds: [...new Set(queueConfigs.map((c) => c.queueId))],
        tags,
        described: true,
        manualQueueCount: 0,
        isDefault: false,
        associatedUsers: 0,
        agentAvailabilityTimer: timer,
        queueConfigs,
      };
    });
}

/** Desired profiles (unique names), and a live state holding some of them plus an undeclared one. */
export const scenario: fc.Arbitrary<{ desired: ResolvedProfile[]; live: LiveState }> = fc
  .record({
    declared: fc.subarray(NAMES, { minLength: 1 }),
    liveNames: fc.subarray(NAMES),
  })
  .chain(({ declared, liveNames }) =>
    fc.record({
      desired: fc.tuple(...declared.map(desiredProfile)),
      liveProfiles: fc.tuple(...liveNames.map((n, i) => liveProfile(n, i + 1))),
      undeclared: fc.option(liveProfile('Undeclared', 99), { nil: undefined }),
    }),
  )
  .map(({ desired, liveProfiles, undeclared }) => ({
    desired,
    live: {
      instanceId: INSTANCE_ID,
      queues: QUEUES,
      profiles: undeclared === undefined ? liveProfiles : [...liveProfiles, { ...undeclared, described: false, queueConfigs: undefined }],
    },
  }));
