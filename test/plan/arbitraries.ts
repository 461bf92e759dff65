// fast-check generators for desired profiles and the live state they are planned against. Values stay inside
// what validation accepts (Connect's ranges, one entry per channel, unique queue-channel pairs, <= 50 pairs,
// no reserved tag in a file), and names come from small pools so that desired and live profiles overlap often:
// renames (`Old <name>`), ownership tags (ours, another owner's, none), default and busy profiles.
import fc from 'fast-check';
import type { DesiredMediaConcurrency, DesiredWorkloadType, ResolvedManualQueue, ResolvedProfile, ResolvedQueueConfig } from '../../src/desired/types.js';
import type { LiveMediaConcurrency, LiveProfile, LiveState, LiveWorkloadType } from '../../src/live/types.js';
import type { PlanOptions } from '../../src/plan/planner.js';
import {
  AGENT_AVAILABILITY_TIMERS,
  type Channel,
  CHANNELS,
  CONCURRENCY_RANGE,
  CROSS_CHANNEL_BEHAVIORS,
  DEFAULT_OWNER,
  OWNERSHIP_TAG_KEY,
  WORKLOAD_BEHAVIORS,
} from '../../src/vocabulary.js';
import { INSTANCE_ID, liveManual, liveQueue, profileArn, QUEUES, queueId, queueName, resolvedManual, resolvedQueue } from './fixtures.js';

const NAMES = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];
export const oldName = (name: string): string => `Old ${name}`;
const UNDECLARED = ['Retired A', 'Retired B', 'Retired C'];

const channels = fc.subarray([...CHANNELS], { minLength: 1 });
const behaviour = fc.option(fc.constantFrom(...CROSS_CHANNEL_BEHAVIORS), { nil: undefined });
const concurrencyFor = (c: Channel): fc.Arbitrary<number> => fc.integer(CONCURRENCY_RANGE[c]);
const queueNumber = fc.integer({ min: 1, max: 12 });
const tagKey = fc.constantFrom('team', 'cost', 'owner', 'env', 'a b', 'x:y');
const tagValue = fc.constantFrom('', 'support', 'cc-1', 'cc-2', 'prod');
const workloadChannel = (c: Channel): boolean => c === 'TASK' || c === 'EMAIL';

const workloadTypes: fc.Arbitrary<DesiredWorkloadType[]> = fc.uniqueArray(
  fc.record({ workloadType: fc.constantFrom('W1', 'W2', 'W3'), concurrency: fc.integer({ min: 1, max: 10 }), crossChannelWorkloadBehavior: fc.constantFrom(...WORKLOAD_BEHAVIORS) }),
  { selector: (w) => w.workloadType, maxLength: 3 },
);

const desiredConcurrencies: fc.Arbitrary<DesiredMediaConcurrency[]> = channels.chain((cs) =>
  fc.tuple(
    ...cs.map((channel) =>
      fc.record(
        {
          channel: fc.constant(channel),
          concurrency: concurrencyFor(channel),
          crossChannelBehavior: behaviour,
          ...(workloadChannel(channel) ? { workloadTypes } : {}),
        },
        { requiredKeys: ['channel', 'concurrency'] },
      ),
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

const manualPairs = fc.uniqueArray(fc.record({ n: queueNumber, channel: fc.constantFrom<Channel>('CHAT', 'TASK', 'EMAIL') }), {
  selector: (p) => `${p.n}/${p.channel}`,
  maxLength: 24,
});

const resolvedManualQueues: fc.Arbitrary<ResolvedManualQueue[]> = manualPairs.map((pairs) => pairs.map((p) => resolvedManual(p.n, p.channel)));

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
        manualAssignmentQueues: resolvedManualQueues,
        tags: desiredTags,
        renamed: fc.boolean(),
      },
      { requiredKeys: ['description', 'outbound', 'mediaConcurrencies', 'renamed'] },
    )
    .map(({ outbound, renamed, ...rest }) => ({
      name,
      defaultOutboundQueueId: queueId(outbound),
      defaultOutboundQueueName: queueName(outbound),
      source: { file: `profiles/${name}.yaml`, line: 1, column: 1 },
      locations: {},
      ...rest,
      ...(renamed ? { renamedFrom: [oldName(name)] } : {}),
    }));
}

const liveWorkloadTypes: fc.Arbitrary<LiveWorkloadType[]> = fc.uniqueArray(
  fc
    .record({ workloadType: fc.constantFrom('W1', 'W2', 'W3'), concurrency: fc.integer({ min: 1, max: 10 }), behaviour: fc.option(fc.constantFrom(...WORKLOAD_BEHAVIORS), { nil: undefined }) })
    .map(({ workloadType, concurrency, behaviour: b }): LiveWorkloadType => ({ workloadType, concurrency, ...(b === undefined ? {} : { crossChannelWorkloadBehavior: b }) })),
  { selector: (w) => w.workloadType, minLength: 1, maxLength: 3 },
);

const liveConcurrencies: fc.Arbitrary<LiveMediaConcurrency[]> = channels.chain((cs) =>
  fc.tuple(
    ...cs.map((channel) =>
      fc
        .record({
          concurrency: concurrencyFor(channel),
          behaviour,
          workload: workloadChannel(channel) ? fc.option(liveWorkloadTypes, { nil: undefined }) : fc.constant(undefined),
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

/** Whose ownership tag a live profile carries. */
const ownerTag = fc.constantFrom<Record<string, string>>({}, {}, { [OWNERSHIP_TAG_KEY]: DEFAULT_OWNER }, { [OWNERSHIP_TAG_KEY]: 'team-b' });

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
      manual: manualPairs,
      tags: fc.dictionary(fc.oneof(tagKey, fc.constant('aws:cloudformation:stack-name')), tagValue, { maxKeys: 6 }),
      owner: ownerTag,
      isDefault: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      users: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }) }),
    })
    .map(({ description, outbound, timer, mediaConcurrencies, pairs, manual, tags, owner, isDefault, users }) => {
      const queueConfigs = pairs.map((p) => liveQueue(p.n, p.channel, p.priority, p.delay));
      const manualQueues = manual.map((p) => liveManual(p.n, p.channel));
      return {
        routingProfileId: `rp-${index}`,
        arn: profileArn(`rp-${index}`),
        name,
        description,
        defaultOutboundQueueId: queueId(outbound),
        mediaConcurrencies,
        associatedQueueIds: [...new Set(queueConfigs.map((c) => c.queueId))],
        tags: { ...tags, ...owner },
        described: true,
        manualQueueCount: manualQueues.length,
        isDefault,
        associatedUsers: users,
        agentAvailabilityTimer: timer,
        queueConfigs,
        manualQueues,
      };
    });
}

/** What Search alone gives for a profile no file declares: not described, no queue lists. */
function searchedOnly(profile: LiveProfile): LiveProfile {
  const { queueConfigs: _q, manualQueues: _m, agentAvailabilityTimer: _t, ...rest } = profile;
  return { ...rest, described: false, mediaConcurrencies: profile.mediaConcurrencies.map(({ crossChannelBehavior: _b, ...m }) => m) };
}

export interface Scenario {
  desired: ResolvedProfile[];
  live: LiveState;
  options: PlanOptions;
}

/**
 * Desired profiles (unique names), and a live state holding some of them, some of their old names, and
 * undeclared profiles. Live profiles a file declares (by name or old name) are read in full, as the reader does.
 */
export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    declared: fc.subarray(NAMES, { minLength: 1 }),
    liveNames: fc.subarray([...NAMES, ...NAMES.map(oldName)]),
    undeclaredNames: fc.subarray(UNDECLARED),
    prune: fc.boolean(),
    owner: fc.option(fc.constantFrom(DEFAULT_OWNER, 'team-b'), { nil: undefined }),
  })
  .chain(({ declared, liveNames, undeclaredNames, prune, owner }) =>
    fc.record({
      desired: fc.tuple(...declared.map(desiredProfile)),
      liveProfiles: fc.tuple(...liveNames.map((n, i) => liveProfile(n, i + 1))),
      undeclared: fc.tuple(...undeclaredNames.map((n, i) => liveProfile(n, 90 + i).map(searchedOnly))),
      options: fc.constant<PlanOptions>({ prune, ...(owner === undefined ? {} : { owner }) }),
    }),
  )
  .map(({ desired, liveProfiles, undeclared, options }) => {
    const declared = new Set(desired.flatMap((d) => [d.name, ...(d.renamedFrom ?? [])]));
    // A live profile of a pool name no file declares is read by Search only, like any undeclared profile.
    const profiles = [...liveProfiles.map((p) => (declared.has(p.name) ? p : searchedOnly(p))), ...undeclared];
    return { desired, live: { instanceId: INSTANCE_ID, queues: QUEUES, profiles }, options };
  });
