// The in-memory check answers exactly what the files would: same schema, same rules, same messages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemsOfDocument } from '../../src/desired/check-document.js';
import { parseProfileText } from '../../src/desired/parse-text.js';

const VALID = {
  name: 'Tier1 Support',
  description: 'Frontline agents',
  defaultOutboundQueue: 'BasicQueue',
  mediaConcurrencies: [
    { channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
    { channel: 'TASK', concurrency: 3, workloadTypes: [{ workloadType: 'Billing', concurrency: 2, crossChannelWorkloadBehavior: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' }] },
  ],
  queues: [{ queue: 'BasicQueue', channel: 'VOICE', priority: 1, delay: 0 }],
  manualAssignmentQueues: [{ queue: 'Callbacks', channel: 'TASK' }],
  tags: { team: 'support' },
};

describe('problemsOfDocument', () => {
  it('accepts a valid document, ignoring fields left undefined', () => {
    expect(problemsOfDocument(VALID)).toEqual([]);
    expect(problemsOfDocument({ ...VALID, agentAvailabilityTimer: undefined, renamedFrom: undefined })).toEqual([]);
  });

  it('gives the messages the files would give, without positions', () => {
    expect(
      problemsOfDocument({
        ...VALID,
        name: 'Tier1 Support ',
        manualAssignmentQueues: [{ queue: 'Callbacks', channel: 'TASK', priority: 1 }],
        tags: { 'connect-gitops:managed-by': 'connect-gitops', 'aws:cloudformation:stack-name': 'x' },
      }),
    ).toEqual([
      'manualAssignmentQueues[0]: a manual-assignment queue has no priority (agents pick its contacts in the Worklist app); remove "priority", or list the queue under queues to route its contacts',
      'tag key "aws:cloudformation:stack-name" starts with the reserved prefix "aws:"; such tags belong to AWS and are never managed, remove it',
      'name "Tier1 Support " ends with a space, which no one sees in the console; remove it',
      'tag key "connect-gitops:managed-by" is reserved: connect-gitops sets it on the profiles it manages when prune is on (its value is the owner in connect-gitops.yaml); remove it',
    ]);
  });

  it.each([
    ['a list', [VALID]],
    ['a string', 'Tier1'],
    ['a date inside', { ...VALID, description: new Date(0) }],
    ['a function inside', { ...VALID, tags: { team: () => 'x' } }],
    ['a number that is not finite', { ...VALID, mediaConcurrencies: [{ channel: 'VOICE', concurrency: Number.NaN }] }],
  ])('refuses what is not a mapping of plain values: %s', (_what, document) => {
    expect(problemsOfDocument(document)).toEqual([
      'each document must be a mapping of plain values (strings, numbers, lists, mappings) describing one routing profile',
    ]);
  });

  it('agrees with the files for any document (written as JSON, which is YAML)', () => {
    const name = fc.constantFrom('Tier1', ' Tier1', 'Tier1 ', '   ', '', 'क्\u200Dष', 'Team\u200D1', 'a\u202Eb', 'x'.repeat(128));
    const channel = fc.constantFrom('VOICE', 'CHAT', 'TASK', 'EMAIL', 'chat');
    const workload = fc.record(
      { workloadType: fc.constantFrom('Billing', 'Bill ing', 'Claims'), concurrency: fc.integer({ min: -1, max: 11 }), crossChannelWorkloadBehavior: fc.constantFrom('ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE', 'ROUTE_ANY') },
      { requiredKeys: ['workloadType', 'concurrency'] },
    );
    const media = fc.record(
      { channel, concurrency: fc.integer({ min: 0, max: 11 }), workloadTypes: fc.array(workload, { maxLength: 6 }) },
      { requiredKeys: ['channel', 'concurrency'] },
    );
    const manual = fc.record({ queue: fc.constantFrom('Sales', 'Callbacks'), channel, priority: fc.constant(1) }, { requiredKeys: ['queue', 'channel'] });
    const document = fc.record(
      {
        name,
        description: fc.constantFrom('d', ''),
        defaultOutboundQueue: fc.constant('BasicQueue'),
        mediaConcurrencies: fc.array(media, { maxLength: 3 }),
        manualAssignmentQueues: fc.array(manual, { maxLength: 3 }),
        renamedFrom: fc.oneof(name, fc.array(name, { maxLength: 3 })),
        environments: fc.array(fc.constantFrom('dev', 'prod', 'all', ' x'), { maxLength: 3 }),
        tags: fc.dictionary(fc.constantFrom('team', 'aws:x', 'connect-gitops:managed-by'), fc.constantFrom('a', 'b')),
      },
      { requiredKeys: ['name', 'description', 'defaultOutboundQueue'] },
    );
    fc.assert(
      fc.property(document, (doc) => {
        const fromFile = parseProfileText('p.json', JSON.stringify(doc)).problems.map((p) => p.message);
        expect([...problemsOfDocument(doc)].sort()).toEqual(fromFile.sort());
      }),
      { numRuns: 200 },
    );
  });
});
