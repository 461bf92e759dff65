// The reconcile property on the real wire: for generated (files, live) pairs, apply then plan is empty, and the
// live instance then holds exactly what the files state. In-process CLI (run()), real SDK, emulator over HTTP.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { run } from '../../src/cli/run.js';
import { CHANNELS, CONCURRENCY_RANGE, CROSS_CHANNEL_BEHAVIORS, AGENT_AVAILABILITY_TIMERS, type Channel } from '../../src/vocabulary.js';
import { captured, emulatorWith, fakeAwsForInProcessRuns, profilesDir } from './harness.js';
import { MANY_QUEUES, QUEUE_IDS, SEED_QUEUES, toYaml, type ProfileDoc } from './fixtures.js';

const NAMES = ['Alpha Desk', 'Bravo Desk', 'Charlie Desk', 'Delta Desk'];
const QUEUE_NAMES = [...Object.keys(QUEUE_IDS), ...MANY_QUEUES.slice(0, 8).map((q) => q.name)];

const concurrencies = fc.subarray([...CHANNELS], { minLength: 1 }).chain((channels) =>
  fc.tuple(
    ...channels.map((channel: Channel) =>
      fc.record(
        { channel: fc.constant(channel), concurrency: fc.integer(CONCURRENCY_RANGE[channel]), crossChannelBehavior: fc.constantFrom(...CROSS_CHANNEL_BEHAVIORS) },
        { requiredKeys: ['channel', 'concurrency'] },
      ),
    ),
  ),
);

const queues = fc
  .uniqueArray(fc.record({ queue: fc.constantFrom(...QUEUE_NAMES), channel: fc.constantFrom(...CHANNELS) }), { selector: (q) => `${q.queue}/${q.channel}`, maxLength: 14 })
  .chain((pairs) => fc.tuple(...pairs.map((p) => fc.record({ priority: fc.integer({ min: 1, max: 99 }), delay: fc.integer({ min: 0, max: 9999 }) }).map((pd) => ({ ...p, ...pd })))));

const tags = fc.dictionary(fc.constantFrom('team', 'cost-centre', 'owner', 'shift'), fc.constantFrom('support', 'sales', 'cc-1', 'night'), { maxKeys: 4 });

function doc(name: string, full: boolean): fc.Arbitrary<ProfileDoc> {
  return fc
    .record(
      {
        description: fc.constantFrom('Frontline', 'Second line', 'Night shift'),
        defaultOutboundQueue: fc.constantFrom(...QUEUE_NAMES),
        agentAvailabilityTimer: fc.constantFrom(...AGENT_AVAILABILITY_TIMERS),
        mediaConcurrencies: concurrencies,
        queues,
        tags,
      },
      // Live profiles state everything; files may leave optional fields unmanaged.
      { requiredKeys: full ? ['description', 'defaultOutboundQueue', 'agentAvailabilityTimer', 'mediaConcurrencies', 'queues', 'tags'] : ['description', 'defaultOutboundQueue', 'mediaConcurrencies'] },
    )
    .map((d) => ({ name, ...d }) as ProfileDoc);
}

const scenario = fc
  .record({ declared: fc.subarray(NAMES, { minLength: 1 }), live: fc.subarray(NAMES) })
  .chain(({ declared, live }) => fc.record({ files: fc.tuple(...declared.map((n) => doc(n, false))), live: fc.tuple(...live.map((n) => doc(n, true))) }));

describe('apply then plan, over the wire', () => {
  fakeAwsForInProcessRuns();

  it('converges in one apply and the next plan is empty', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ files, live }) => {
        const emu = await emulatorWith({ queues: [...SEED_QUEUES, ...MANY_QUEUES], profiles: live });
        const dir = profilesDir({ 'profiles.yaml': toYaml(...files) });
        try {
          const env = { ...process.env, AWS_REGION: emu.region, CONNECT_INSTANCE_ID: emu.instanceId, LOG_LEVEL: 'error' };
          const target = ['--dir', dir.dir, '--endpoint-url', emu.endpoint];
          const apply = captured();
          const applied = await run(['apply', ...target, '--auto-approve'], { env, cwd: dir.root, ...apply });
          expect(apply.err).toBe('');
          expect(applied).toBe(0);
          const again = captured();
          expect(await run(['plan', ...target, '--detailed-exitcode'], { env, cwd: dir.root, ...again })).toBe(0);
          expect(again.out).toContain('No changes.');
          // What the files state is what Connect holds.
          const state = emu.snapshot();
          for (const f of files) {
            const p = state.profiles.filter((x) => x.name === f.name);
            expect(p).toHaveLength(1);
            expect(p[0].description).toBe(f.description);
            if (f.tags) expect(Object.fromEntries(Object.entries(p[0].tags).filter(([k]) => !k.startsWith('aws:')))).toEqual(f.tags);
            if (f.queues) expect(p[0].queueConfigs).toHaveLength(f.queues.length);
          }
        } finally {
          dir.cleanup();
          await emu.close();
        }
      }),
      { numRuns: 25, seed: 20231104 },
    );
  });
});
