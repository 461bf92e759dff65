// What an overlay does to any profile: a field it states replaces the base field whole, tags merge key by key,
// and everything else is the base profile's, places included. So an overlay naming only the profile, or one
// restating base values, changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeOverlay } from '../../src/desired/overlay-merge.js';
import { parseOverlayText, type OverlayDocument } from '../../src/desired/overlay-parse.js';
import { parseProfileText } from '../../src/desired/parse-text.js';
import type { DesiredProfile } from '../../src/desired/types.js';
import { AGENT_AVAILABILITY_TIMERS, CHANNELS, CONCURRENCY_RANGE } from '../../src/vocabulary.js';

const OVERLAY_FIELDS = ['description', 'defaultOutboundQueue', 'agentAvailabilityTimer', 'mediaConcurrencies', 'queues', 'manualAssignmentQueues', 'tags'] as const;

const words = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,18}[A-Za-z0-9]$/);
const queueName = fc.constantFrom('Sales', 'Support', 'Billing', 'yes', '0123');
const tags = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_.:/=+@-]{0,15}$/), words, { maxKeys: 6 });
const mediaConcurrencies = fc
  .subarray([...CHANNELS], { minLength: 1 })
  .chain((channels) => fc.tuple(...channels.map((channel) => fc.record({ channel: fc.constant(channel), concurrency: fc.integer(CONCURRENCY_RANGE[channel]) }))));
const queues = fc.uniqueArray(
  fc.record({ queue: queueName, channel: fc.constantFrom(...CHANNELS), priority: fc.integer({ min: 1, max: 99 }), delay: fc.integer({ min: 0, max: 9999 }) }),
  { selector: (q) => `${q.queue}/${q.channel}`, maxLength: 8 },
);
const manualAssignmentQueues = fc.uniqueArray(fc.record({ queue: queueName, channel: fc.constantFrom(...CHANNELS) }), { selector: (q) => `${q.queue}/${q.channel}`, maxLength: 4 });

/** Values for every field an overlay may state; a base profile states the required ones and some others. */
const fields = fc.record(
  {
    description: words,
    defaultOutboundQueue: queueName,
    agentAvailabilityTimer: fc.constantFrom(...AGENT_AVAILABILITY_TIMERS),
    mediaConcurrencies,
    queues,
    manualAssignmentQueues,
    tags,
  },
  { requiredKeys: [] },
);
const baseDocument = fc
  .tuple(fields, words, queueName, mediaConcurrencies, fc.option(fc.subarray(['dev', 'prod'], { minLength: 1 }), { nil: undefined }))
  .map(([stated, description, defaultOutboundQueue, media, environments]) => ({
    name: 'Sales',
    description,
    defaultOutboundQueue,
    mediaConcurrencies: media,
    ...stated,
    ...(environments === undefined ? {} : { environments }),
  }));

/** JSON is YAML: one document per file, parsed by the loader itself. */
function baseProfile(document: object): DesiredProfile {
  const parsed = parseProfileText('profiles/sales.yaml', JSON.stringify(document, null, 1));
  expect(parsed.problems).toEqual([]);
  return parsed.profiles[0] as DesiredProfile;
}

function overlay(document: object): OverlayDocument {
  const parsed = parseOverlayText('overlays/dev/sales.yaml', JSON.stringify({ name: 'Sales', ...document }, null, 1));
  expect(parsed.problems).toEqual([]);
  return parsed.overlays[0] as OverlayDocument;
}

function merged(base: DesiredProfile, over: OverlayDocument): DesiredProfile {
  const result = mergeOverlay(base, over);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result.profile;
}

const stated = ({ source: _source, locations: _locations, ...rest }: DesiredProfile) => rest;

describe('merging an overlay', () => {
  it('naming only the profile changes nothing, places included', () => {
    fc.assert(
      fc.property(baseDocument, (document) => {
        const base = baseProfile(document);
        expect(merged(base, overlay({}))).toEqual(base);
      }),
    );
  });

  it('restating base values changes no value, and the source stays the base document', () => {
    fc.assert(
      fc.property(baseDocument, fc.subarray([...OVERLAY_FIELDS]), (document, chosen) => {
        const base = baseProfile(document);
        const restated = Object.fromEntries(chosen.flatMap((field) => (field in document ? [[field, document[field as keyof typeof document]]] : [])));
        const result = merged(base, overlay(restated));
        expect(stated(result)).toEqual(stated(base));
        expect(result.source).toEqual(base.source);
      }),
    );
  });

  it('replaces each stated field whole, merges tags key by key, and keeps the rest', () => {
    fc.assert(
      fc.property(baseDocument, fields, (document, changes) => {
        const base = baseProfile(document);
        const result = merged(base, overlay(changes));
        for (const field of OVERLAY_FIELDS) {
          const expected = field === 'tags' && changes.tags !== undefined && base.tags !== undefined ? { ...base.tags, ...changes.tags } : (changes[field] ?? base[field]);
          expect(result[field], field).toEqual(expected);
          // Each value points at the file that wrote it.
          const at = result.locations[`/${field}`];
          expect(at?.file, field).toBe(changes[field] !== undefined ? 'overlays/dev/sales.yaml' : base.locations[`/${field}`] === undefined ? undefined : 'profiles/sales.yaml');
        }
        expect([result.name, result.environments, result.source]).toEqual([base.name, base.environments, base.source]);
      }),
    );
  });
});
