// Queue references resolve by ARN, then ID, then exact name; every bad reference is reported at once.
import { describe, expect, it } from 'vitest';
import { parseProfileText } from '../../src/desired/parse-text.js';
import { resolveQueueReferences } from '../../src/plan/resolve-queues.js';
import type { DesiredProfile, ResolvedProfile } from '../../src/desired/types.js';
import type { LiveQueue } from '../../src/live/types.js';
import { problemsOf } from '../desired/helpers.js';

const ARN = (id: string): string => `arn:aws:connect:eu-west-2:111122223333:instance/inst-1/queue/${id}`;
const queue = (queueId: string, name: string): LiveQueue => ({ queueId, name, arn: ARN(queueId) });

const QUEUES: LiveQueue[] = [
  queue('q-basic', 'BasicQueue'),
  queue('q-sales', 'Sales'),
  queue('q-support', 'Support'),
  queue('q-billing-1', 'Billing'),
  queue('q-billing-2', 'Billing'),
  // A queue whose name is another queue's ID: the ID wins, as documented.
  queue('q-odd', 'q-sales'),
];

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

function resolveOne(desired: DesiredProfile): ResolvedProfile {
  return only(resolveQueueReferences([desired], QUEUES));
}

function profile(file: string, yaml: string): DesiredProfile {
  const parsed = parseProfileText(file, yaml);
  expect(parsed.problems).toEqual([]);
  return only(parsed.profiles);
}

const doc = (name: string, outbound: string, queues: string[]): string =>
  `name: ${name}\ndescription: d\ndefaultOutboundQueue: ${outbound}\nmediaConcurrencies:\n  - channel: VOICE\n    concurrency: 1\n` +
  (queues.length === 0 ? '' : `queues:\n${queues.map((q) => `  - queue: ${q}\n    channel: VOICE\n    priority: 1\n    delay: 0\n`).join('')}`);

describe('resolveQueueReferences', () => {
  it.each([
    ['an ARN', ARN('q-support'), 'q-support', 'Support'],
    ['an ID', 'q-basic', 'q-basic', 'BasicQueue'],
    ['a name', 'Sales', 'q-sales', 'Sales'],
    ['an ID that is also a name (ID first)', 'q-sales', 'q-sales', 'Sales'],
  ])('resolves %s', (_what, reference, queueId, queueName) => {
    const resolved = resolveOne(profile('p.yaml', doc('P', `"${reference}"`, [`"${reference}"`])));
    expect(resolved.defaultOutboundQueueId).toBe(queueId);
    expect(resolved.defaultOutboundQueueName).toBe(queueName);
    expect(resolved.queues).toEqual([{ queueId, queueName, channel: 'VOICE', priority: 1, delay: 0 }]);
  });

  it('keeps `queues` absent when the file leaves it out, and carries everything else over', () => {
    const desired = profile('p.yaml', `${doc('P', 'Sales', [])}tags:\n  team: sales\n`);
    const resolved = resolveOne(desired);
    expect('queues' in resolved).toBe(false);
    expect('defaultOutboundQueue' in resolved).toBe(false);
    expect(resolved.tags).toEqual({ team: 'sales' });
    expect(resolved.locations).toBe(desired.locations);
    expect(resolved.source).toEqual(desired.source);
  });

  it('reports every unknown or ambiguous reference at once, with positions and close matches', async () => {
    const profiles = [
      profile('profiles/a.yaml', doc('A', 'BasicQueu', ['Sales', 'Suport'])),
      profile('profiles/b.yaml', doc('B', 'Billing', ['Nothing Like It'])),
    ];
    expect(await problemsOf(() => resolveQueueReferences(profiles, QUEUES))).toEqual([
      'profiles/a.yaml:3:23: defaultOutboundQueue: unknown queue "BasicQueu"; did you mean "BasicQueue"?',
      'profiles/a.yaml:12:12: queues[1].queue: unknown queue "Suport"; did you mean "Support"?',
      'profiles/b.yaml:3:23: defaultOutboundQueue: queue name "Billing" is ambiguous: 2 queues have it (IDs q-billing-1, q-billing-2); use the queue ID or ARN',
      'profiles/b.yaml:8:12: queues[0].queue: unknown queue "Nothing Like It"; no queue has this name, ID or ARN in the instance',
    ]);
  });

  it('reports one queue listed twice for a channel under two spellings', async () => {
    const profiles = [profile('p.yaml', doc('A', 'Sales', ['Sales', 'q-sales']))];
    expect(await problemsOf(() => resolveQueueReferences(profiles, QUEUES))).toEqual([
      'p.yaml:12:12: queues[1]: queue "Sales" on channel VOICE is already listed on line 8 (as "Sales"); give one entry per queue and channel',
    ]);
  });

  it('resolves manual-assignment queues, and reports one listed twice for a channel with file and line', async () => {
    const base = profile('profiles/m.yaml', doc('M', 'Sales', []));
    const at = (line: number) => ({ file: 'profiles/m.yaml', line, column: 12 });
    const withManual: DesiredProfile = {
      ...base,
      manualAssignmentQueues: [
        { queue: 'Sales', channel: 'CHAT' },
        { queue: 'Support', channel: 'CHAT' },
        { queue: 'q-sales', channel: 'CHAT' },
      ],
      locations: { ...base.locations, '/manualAssignmentQueues/0/queue': at(8), '/manualAssignmentQueues/1/queue': at(10), '/manualAssignmentQueues/2/queue': at(12) },
    };
    expect(await problemsOf(() => resolveQueueReferences([withManual], QUEUES))).toEqual([
      'profiles/m.yaml:12:12: manualAssignmentQueues[2]: queue "Sales" on channel CHAT is already listed on line 8 (as "Sales"); give one entry per queue and channel',
    ]);
    const resolved = resolveOne({ ...withManual, manualAssignmentQueues: withManual.manualAssignmentQueues?.slice(0, 2) });
    expect(resolved.manualAssignmentQueues).toEqual([
      { queueId: 'q-sales', queueName: 'Sales', channel: 'CHAT' },
      { queueId: 'q-support', queueName: 'Support', channel: 'CHAT' },
    ]);
    expect('manualAssignmentQueues' in resolveOne(base)).toBe(false);
  });

  it('is pure: the same input gives the same output and nothing is mutated', () => {
    const profiles = [profile('p.yaml', doc('A', 'Sales', ['Support']))];
    const snapshot = structuredClone({ profiles, QUEUES });
    const first = resolveQueueReferences(profiles, QUEUES);
    expect(resolveQueueReferences(profiles, QUEUES)).toEqual(first);
    expect({ profiles, QUEUES }).toEqual(snapshot);
  });
});
