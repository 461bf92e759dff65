// `connect-gitops export` through the built CLI, the real SDK over HTTP and the emulator: adoption end to end.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator, SeedProfile } from '../../src/emulator/index.js';
import { cliEnv, isRead, received, releasedAfterEach, runCli } from './harness.js';
import { SEED_QUEUES, support, toYaml } from './fixtures.js';
import { formatFields } from '../../src/export/format-fields.js';
import { dropTimer, emulatorHolding, makeLegacy, profileNamed } from '../export/live-states.js';
import { exportedTier1Support } from '../export/exported-file.js';

const scope = releasedAfterEach();

const LIVE: SeedProfile[] = [
  { ...support(), tags: { team: 'support', 'aws:cloudformation:stack-name': 'contact-centre', 'connect-gitops:managed-by': 'connect-gitops' } },
  { ...support({ name: 'Sales', description: 'yes', defaultOutboundQueue: 'Sales', queues: [], tags: {} }) },
  { ...support({ name: 'SALES!', description: '- a: b', defaultOutboundQueue: 'Billing', mediaConcurrencies: [{ channel: 'EMAIL', concurrency: 2 }] }) },
  { ...support({ name: 'サポート 一次', description: '客服 🎧 #1', queues: [{ queue: 'Email Inbound', channel: 'EMAIL', priority: 3, delay: 120 }] }) },
  { ...support({ name: 'Legacy Desk', description: 'From before cross-channel routing' }) },
  {
    ...support({ name: 'Returns Desk', queues: [] }),
    mediaConcurrencies: [
      {
        channel: 'TASK',
        concurrency: 5,
        workloadTypeConcurrencies: [{ workloadType: 'returns', concurrency: 2, crossChannelWorkloadBehavior: { channelWorkloadBehaviorType: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' } }],
      },
    ],
  },
];

/** The instance above; `Legacy Desk` as an older instance holds it: no cross-channel behaviour, no timer. */
async function liveInstance(seedQueues = SEED_QUEUES): Promise<RunningEmulator> {
  const emu = await emulatorHolding({ queues: seedQueues, profiles: LIVE }, (state) => {
    const legacy = profileNamed(state, 'Legacy Desk');
    makeLegacy(legacy);
    dropTimer(legacy);
    // Worklist queues, which no seed field sets.
    profileNamed(state, 'Returns Desk').manualAssignmentQueues = [{ queueId: 'q-callbacks', channel: 'TASK', seq: 1 }];
  });
  return scope.track(emu);
}

const folder = scope.profiles;

function filesIn(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('connect-gitops export', () => {
  it('writes one file per live profile with reads only, and plan then says No changes', async () => {
    const emu = await liveInstance();
    const { dir } = folder();
    const env = cliEnv(emu);
    const exported = await runCli(['export', '--dir', dir], { env });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const files = filesIn(dir);
    expect(Object.keys(files)).toEqual(['legacy-desk.yaml', 'returns-desk.yaml', expect.stringMatching(/^sales-[0-9a-f]{8}\.yaml$/), expect.stringMatching(/^sales-[0-9a-f]{8}\.yaml$/), 'tier1-support.yaml', 'サポート-一次.yaml']);
    expect(exported.stdout).toContain(`wrote ${join(dir, 'tier1-support.yaml')} ("Tier1 Support")`);
    expect(exported.stdout).toMatch(/Exported 6 routing profiles to .*\.\n$/);
    expect(files['tier1-support.yaml']).toBe(
      exportedTier1Support({
        agentAvailabilityTimer: 'TIME_SINCE_LAST_ACTIVITY',
        queues: [
          ['Support', 'VOICE', 1, 0],
          ['Support', 'CHAT', 2, 30],
        ],
        // Written once the file format holds it (it is always stated then: `[]` when none).
        manualAssignmentQueues: formatFields().manualAssignmentQueues ? ['manualAssignmentQueues: []'] : [],
      }),
    );
    expect(files['legacy-desk.yaml']).not.toContain('agentAvailabilityTimer');
    expect(files['legacy-desk.yaml']).toContain('  - channel: VOICE\n    concurrency: 1\n    crossChannelBehavior: ROUTE_CURRENT_CHANNEL_ONLY\n');
    // The newer parts of a profile, where the file format holds them.
    const format = formatFields();
    expect(files['returns-desk.yaml'].includes('manualAssignmentQueues:\n  - queue: Callbacks\n    channel: TASK\ntags:')).toBe(format.manualAssignmentQueues);
    expect(
      files['returns-desk.yaml'].includes(
        '    workloadTypes:\n      - workloadType: returns\n        concurrency: 2\n        crossChannelWorkloadBehavior: ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE\n',
      ),
    ).toBe(format.workloadTypes);
    // The fewest reads: one queue list, one Search, then Describe and the queue list of each profile.
    const calls = received(emu).map((c) => c.operation);
    expect(calls.every(isRead)).toBe(true);
    expect(calls.filter((op) => op === 'DescribeRoutingProfile')).toHaveLength(6);
    expect(calls.filter((op) => op === 'ListRoutingProfileQueues')).toHaveLength(6);
    // The manual list only where Search counts some, and only once the format can state them.
    expect(calls.filter((op) => op === 'ListRoutingProfileManualAssignmentQueues')).toHaveLength(format.manualAssignmentQueues ? 1 : 0);
    expect(calls.filter((op) => op === 'SearchRoutingProfiles')).toHaveLength(1);
    expect(calls.filter((op) => op === 'ListQueues')).toHaveLength(1);
    expect(calls).toHaveLength(14 + (format.manualAssignmentQueues ? 1 : 0));

    const plan = await runCli(['plan', '--dir', dir, '--detailed-exitcode'], { env });
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);

    // Same live state, same bytes, file names included.
    const again = folder();
    expect((await runCli(['export', '--dir', again.dir], { env })).code).toBe(0);
    expect(filesIn(again.dir)).toEqual(files);

    // Run again on its own output: everything is declared now, left alone and listed; that is no error. What it
    // leaves alone it does not read in full: Search names them, and that is all it needs.
    emu.clearRequestLog();
    const rerun = await runCli(['export', '--dir', dir], { env });
    expect(received(emu).map((c) => c.operation).sort()).toEqual(['ListQueues', 'SearchRoutingProfiles']);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr.split('\n').filter((l) => l.startsWith('left alone '))).toHaveLength(6);
    expect(rerun.stdout).toMatch(/^Exported 0 routing profiles to .* \(6 already declared\)\.\n$/);
    expect(filesIn(dir)).toEqual(files);
  });

  it('is portable: applied to an instance whose queues have the same names and other IDs, plan there is empty', async () => {
    const source = await liveInstance();
    const { dir } = folder();
    expect((await runCli(['export', '--dir', dir], { env: cliEnv(source) })).code).toBe(0);
    const other = await scope.emulator({ queues: SEED_QUEUES.map(({ name }) => ({ name })) });
    const otherIds = other.snapshot().queues.map((q) => q.queueId);
    expect(otherIds.some((id) => SEED_QUEUES.some((q) => q.queueId === id))).toBe(false);
    const env = cliEnv(other);
    const apply = await runCli(['apply', '--dir', dir, '--auto-approve'], { env });
    expect(apply.code).toBe(0);
    expect(received(other, (op) => op === 'CreateRoutingProfile')).toHaveLength(6);
    const plan = await runCli(['plan', '--dir', dir, '--detailed-exitcode'], { env });
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
    const created = profileNamed(other.snapshot(), 'Tier1 Support');
    const support = other.snapshot().queues.find((q) => q.name === 'Support');
    expect(created.queueConfigs.map((c) => c.queueId)).toEqual([support?.queueId, support?.queueId]);
  });

  it('leaves declared profiles and other files alone; --force replaces only a file holding that one profile', async () => {
    const emu = await liveInstance();
    const env = cliEnv(emu);
    const edited = toYaml(support({ description: 'Edited in the files' }));
    const together = toYaml(support({ name: 'Sales', queues: [] }), support({ name: 'Elsewhere', queues: [] }));
    const notMine = toYaml(support({ name: 'Someone Else' }));
    const { dir } = folder({ 'team/t1.yaml': edited, 'shared.yaml': together, 'legacy-desk.yaml': notMine });

    const first = await runCli(['export', '--dir', dir, '--name', 'Tier1 Support', '--name', 'Sales', '--name', 'Legacy Desk'], { env });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`left alone "Sales": already declared in ${join(dir, 'shared.yaml')}`);
    expect(first.stderr).toContain(`left alone "Tier1 Support": already declared in ${join(dir, 'team/t1.yaml')}`);
    expect(first.stderr).toContain(`skipped "Legacy Desk": ${join(dir, 'legacy-desk.yaml')} already exists and does not hold this profile alone`);
    expect(first.stdout).toMatch(/Exported 0 routing profiles to .* \(2 already declared, 1 skipped\)\.\n$/);
    // Left alone or skipped for where they stand: none is read in full.
    expect(received(emu, (op) => op !== 'ListQueues' && op !== 'SearchRoutingProfiles')).toEqual([]);
    emu.clearRequestLog();

    const forced = await runCli(['export', '--dir', dir, '--name', 'Tier1 Support', '--name', 'Sales', '--name', 'Legacy Desk', '--force'], { env });
    expect(forced.code).toBe(1);
    expect(forced.stdout).toContain(`replaced ${join(dir, 'team/t1.yaml')} ("Tier1 Support")`);
    expect(forced.stderr).toContain(`skipped "Sales": ${join(dir, 'shared.yaml')} declares it together with other documents`);
    expect(forced.stderr).toContain('skipped "Legacy Desk"');
    expect(readFileSync(join(dir, 'team/t1.yaml'), 'utf8')).toContain('description: Frontline agents\n');
    expect(readFileSync(join(dir, 'shared.yaml'), 'utf8')).toBe(together);
    expect(readFileSync(join(dir, 'legacy-desk.yaml'), 'utf8')).toBe(notMine);
    expect(readdirSync(dir).sort()).toEqual(['legacy-desk.yaml', 'shared.yaml', 'team']);
    expect(received(emu).every((c) => isRead(c.operation))).toBe(true);
    // Only the profile it replaced was read in full.
    const tier1 = profileNamed(emu.snapshot(), 'Tier1 Support').routingProfileId;
    expect(received(emu, (op) => op === 'DescribeRoutingProfile').map((c) => c.input.RoutingProfileId)).toEqual([tier1]);
  });

  it('--name exports only the names given; an unknown --name is exit 1 with close matches and nothing written', async () => {
    const emu = await liveInstance();
    const env = cliEnv(emu);
    const { dir } = folder();
    const one = await runCli(['export', '--dir', dir, '--name', 'SALES!'], { env });
    expect(one.code).toBe(0);
    const all = folder();
    expect((await runCli(['export', '--dir', all.dir], { env })).code).toBe(0);
    const only = filesIn(dir);
    expect(Object.keys(only)).toHaveLength(1);
    expect(Object.entries(filesIn(all.dir))).toContainEqual(Object.entries(only)[0]);

    const typo = folder();
    const unknown = await runCli(['export', '--dir', typo.dir, '--name', 'Tier1 Suport', '--name', 'Sales'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no live routing profile is named "Tier1 Suport"; did you mean "Tier1 Support"?');
    expect(unknown.stderr).not.toContain('at ');
    expect(readdirSync(typo.dir)).toEqual([]);
  });

  it('skips a live profile the files cannot hold, naming it and why, writes the rest and exits 1', async () => {
    const emu = await emulatorHolding({ queues: SEED_QUEUES, profiles: [support(), support({ name: 'Good Desk' }), support({ name: 'Twin Desk', defaultOutboundQueue: 'Sales' }), support({ name: 'Bell Desk', description: 'ring\u0007' }), support({ name: 'Agent Desk', queues: [{ queue: 'Callbacks', channel: 'VOICE', priority: 1, delay: 0 }] })] }, (state) => {
      // Two queues of one name: Connect allows it, a file cannot tell them apart by name.
      const sales = state.queues.find((q) => q.name === 'Sales');
      const billing = state.queues.find((q) => q.name === 'Billing');
      if (sales && billing) billing.name = 'Sales';
      profileNamed(state, 'Tier1 Support').name = 'Tier1 Support ';
      // A queue outside the standard queues (an agent's own queue): the files know it only by its ID.
      const callbacks = state.queues.find((q) => q.name === 'Callbacks');
      if (callbacks) callbacks.queueType = 'AGENT';
    });
    scope.track(emu);
    const { dir } = folder();
    const r = await runCli(['export', '--dir', dir], { env: cliEnv(emu) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('skipped "Bell Desk": line 3: description contains U+0007');
    expect(r.stderr).toContain('skipped "Tier1 Support ": its name has spaces at either end');
    expect(r.stderr).toMatch(/skipped "Twin Desk": queue name "Sales" is ambiguous: 2 queues have it \(IDs q-billing, q-sales\)/);
    expect(r.stderr).toContain('skipped "Agent Desk": queue "q-callbacks" is known only by its ID');
    expect(r.stdout).toMatch(/Exported 1 routing profile to .* \(4 skipped\)\.\n$/);
    expect(readdirSync(dir)).toEqual(['good-desk.yaml']);
  });

  it('is listed by --help', async () => {
    const r = await runCli(['--help'], { env: { PATH: process.env.PATH ?? '' } });
    expect(r.stdout).toContain('connect-gitops export   [--dir profiles]');
    expect(r.stdout).toContain('[--name NAME]... [--force]');
  });
});
