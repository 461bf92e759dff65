// The adoption property on the real wire: for generated live states, `export` then `plan` is empty and a second
// export writes the same bytes. The CLI runs in-process (run(), the code path of the binary); the real SDK talks
// HTTP to the emulator.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { findForbiddenCharacter } from '../../src/desired/text-safety.js';
import type { EmulatorSeed, SeedProfile } from '../../src/emulator/index.js';
import { AGENT_AVAILABILITY_TIMERS, CHANNELS, CONCURRENCY_RANGE, CROSS_CHANNEL_BEHAVIORS, DEFAULT_OWNER, OWNERSHIP_TAG_KEY, type Channel } from '../../src/vocabulary.js';
import { captured, fakeAwsForInProcessRuns, profilesDir } from '../e2e/harness.js';
import { dropTimer, emulatorHolding, makeLegacy, profileNamed } from './live-states.js';

/** Words and shapes YAML reads as something else, and scripts a file must carry exactly. */
const TRICKY = [
  'yes', 'No', 'null', '~', 'true', '0123', '1e3', '0x1F', '.5', '12:30', '- a: b', 'a: b', '#x', 'a #b', "'single'", '"double"',
  "it's", '[x]', '{y}', '&a', '*b', '!t', '%p', '@at', '? q', '<<', 'サポート', 'Поддержка', 'الدعم', 'सहायता', '客服 🎧', '🎧', 'Ça va',
];

/** Names equal once case and Unicode composition are set aside cannot both be in one folder. */
const lookAlike = (s: string): string => s.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
const holdable = (s: string): boolean => s.length > 0 && s.trim() === s && findForbiddenCharacter(s) === undefined;
const text = (max: number) =>
  fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter(holdable), fc.string({ minLength: 1, maxLength: max }).filter(holdable));

const tagKey = fc.oneof(fc.constantFrom('team', 'yes', 'null', '0123', 'cost centre', 'a:b', '@x', 'サポート'), fc.stringMatching(/^[A-Za-z0-9 _.:/=+@-]{1,20}$/).filter((k) => !k.startsWith('aws:') && k !== OWNERSHIP_TAG_KEY));
// Live tags may include AWS's own and the ownership stamp of an earlier apply with prune: neither is written.
const tags = fc
  .tuple(fc.dictionary(tagKey, text(30), { maxKeys: 5 }), fc.boolean(), fc.boolean())
  .map(([t, aws, owned]) => ({ ...t, ...(aws ? { 'aws:cloudformation:stack-name': 'stack' } : {}), ...(owned ? { [OWNERSHIP_TAG_KEY]: DEFAULT_OWNER } : {}) }));

interface GeneratedProfile {
  seed: SeedProfile;
  legacy: Channel[];
  timer: boolean;
  manual: { queue: number; channel: Channel }[];
}

function profile(name: string, queueCount: number): fc.Arbitrary<GeneratedProfile> {
  // As many pairs as Connect allows, 50, or as the instance's queues make (four channels each), now and then.
  const full = Array.from({ length: Math.min(50, queueCount * CHANNELS.length) }, (_, i) => ({ queue: Math.floor(i / CHANNELS.length), channel: CHANNELS[i % CHANNELS.length] as Channel }));
  const pairs = fc.oneof(
    { weight: 4, arbitrary: fc.uniqueArray(fc.record({ queue: fc.nat(queueCount - 1), channel: fc.constantFrom(...CHANNELS) }), { selector: (p) => `${p.queue}/${p.channel}`, maxLength: 50, size: 'max' }) },
    { weight: 1, arbitrary: fc.constant(full) },
  );
  const media = fc.subarray([...CHANNELS], { minLength: 1 }).chain((channels) =>
    fc.tuple(
      ...channels.map((channel) =>
        fc.record({ channel: fc.constant(channel), concurrency: fc.integer(CONCURRENCY_RANGE[channel]), behavior: fc.constantFrom(...CROSS_CHANNEL_BEHAVIORS, 'none' as const) }),
      ),
    ),
  );
  return fc
    .record({
      description: text(40),
      outbound: fc.nat(queueCount - 1),
      media,
      pairs: pairs.chain((ps) => fc.tuple(...ps.map((p) => fc.record({ priority: fc.integer({ min: 1, max: 99 }), delay: fc.integer({ min: 0, max: 9999 }) }).map((pd) => ({ ...p, ...pd }))))),
      timer: fc.constantFrom(...AGENT_AVAILABILITY_TIMERS, 'none' as const),
      tags,
      manual: fc.uniqueArray(fc.record({ queue: fc.nat(queueCount - 1), channel: fc.constantFrom<Channel>('CHAT', 'TASK', 'EMAIL') }), { selector: (p) => `${p.queue}/${p.channel}`, maxLength: 3 }),
    })
    .map((g) => ({
      seed: {
        name,
        description: g.description,
        defaultOutboundQueue: `#${g.outbound}`,
        ...(g.timer === 'none' ? {} : { agentAvailabilityTimer: g.timer }),
        mediaConcurrencies: g.media.map((m) => ({ channel: m.channel, concurrency: m.concurrency, ...(m.behavior === 'none' ? {} : { crossChannelBehavior: m.behavior }) })),
        queues: g.pairs.map((p) => ({ queue: `#${p.queue}`, channel: p.channel, priority: p.priority, delay: p.delay })),
        tags: g.tags,
      },
      legacy: g.media.filter((m) => m.behavior === 'none').map((m) => m.channel),
      timer: g.timer !== 'none',
      manual: g.manual,
    }));
}

const liveState = fc
  .record({ queueNames: fc.uniqueArray(text(20), { minLength: 1, maxLength: 26, size: 'max' }), profileNames: fc.uniqueArray(text(30), { maxLength: 4, selector: lookAlike }) })
  .chain(({ queueNames, profileNames }) =>
    fc.record({ queueNames: fc.constant(queueNames), profiles: fc.tuple(...profileNames.map((n) => profile(n, queueNames.length))) }),
  );

function filesIn(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('export then plan, over the wire', () => {
  fakeAwsForInProcessRuns();

  it('is empty for any live state the files can hold', async () => {
    await fc.assert(
      fc.asyncProperty(liveState, async ({ queueNames, profiles }) => {
        // Queues are seeded with IDs `#i` so that profiles refer to them whatever their names are.
        const seed: EmulatorSeed = {
          queues: queueNames.map((name, i) => ({ name, queueId: `#${i}` })),
          profiles: profiles.map((p) => p.seed),
        };
        const emu = await emulatorHolding(seed, (state) => {
          for (const p of profiles) {
            const stored = profileNamed(state, p.seed.name);
            makeLegacy(stored, p.legacy);
            if (!p.timer) dropTimer(stored);
            stored.manualAssignmentQueues = p.manual.map((m, seq) => ({ queueId: `#${m.queue}`, channel: m.channel, seq }));
          }
        });
        const dir = profilesDir({});
        try {
          const env = { ...process.env, AWS_REGION: emu.region, CONNECT_INSTANCE_ID: emu.instanceId, LOG_LEVEL: 'error' };
          const target = ['--dir', dir.dir, '--endpoint-url', emu.endpoint];
          const exported = captured();
          const exportCode = await run(['export', ...target], { env, cwd: dir.root, ...exported });
          expect(exported.err).toBe('');
          expect(exportCode).toBe(0);
          expect(exported.out).toContain(`Exported ${profiles.length} routing profile`);
          // One file per profile: a plan of an emptier folder would be empty too (nothing declared, nothing done).
          expect(Object.keys(filesIn(dir.dir))).toHaveLength(profiles.length);
          expect(emu.requestLog.every((e) => /^(Search|Describe|List)/.test(e.operation))).toBe(true);
          // Deterministic: a second export of the same state gives the same files, byte for byte.
          const twice = profilesDir({});
          try {
            expect(await run(['export', '--dir', twice.dir, '--endpoint-url', emu.endpoint], { env, cwd: twice.root, ...captured() })).toBe(0);
            expect(filesIn(twice.dir)).toEqual(filesIn(dir.dir));
          } finally {
            twice.cleanup();
          }
          const planned = captured();
          const planCode = await run(['plan', ...target, '--detailed-exitcode'], { env, cwd: dir.root, ...planned });
          expect(planned.err).toBe('');
          expect(planned.out).toContain('No changes.');
          expect(planCode).toBe(0);
        } finally {
          dir.cleanup();
          await emu.close();
        }
      }),
      { numRuns: 50, seed: 20261201 },
    );
  });
});
