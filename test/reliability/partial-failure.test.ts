// One profile fails for good: the others are done, its own later steps are skipped, the report says which and
// why, the exit code is 1, and a re-run after the cause is removed converges. And the 500-profile quota: a
// resource limit answered 429 like throttling, which must stop at once with a message that names the quota.
import { describe, expect, it } from 'vitest';
import { verifyConverged } from '../../src/apply/verify.js';
import type { Change, Plan } from '../../src/plan/types.js';
import { cliEnv, releasedAfterEach, runCli, sdkFor } from '../e2e/harness.js';
import { QUEUE_IDS, SEED_QUEUES, support, toYaml, type ProfileDoc } from '../e2e/fixtures.js';
import { CreateRoutingProfileCommand } from '@aws-sdk/client-connect';
import { asSeed, fastClock } from './support.js';

const scope = releasedAfterEach();

const live = (name: string, overrides: Partial<ProfileDoc> = {}): ProfileDoc => support({ name, agentAvailabilityTimer: 'TIME_SINCE_LAST_ACTIVITY', ...overrides });

describe('partial failure', () => {
  it('carries on with independent profiles, skips the failed one’s later steps, reports all three kinds, exits 1; a re-run converges', async () => {
    const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: asSeed(live('Alpha'), live('Bravo'), live('Charlie')) });
    const files = scope.profiles({
      'profiles.yaml': toYaml(
        // Only Alpha needs UpdateRoutingProfileAgentAvailabilityTimer, which the identity may not call.
        live('Alpha', {
          agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
          mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' }, { channel: 'CHAT', concurrency: 5 }],
          tags: { team: 'alpha' },
        }),
        live('Bravo', { description: 'Second line' }),
        live('Charlie', { tags: { team: 'charlie' } }),
        live('Delta'),
      ),
    });
    emu.setFaults({ accessDeniedOperations: ['UpdateRoutingProfileAgentAvailabilityTimer'] });
    const env = cliEnv(emu);

    const first = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env });
    expect(first.code).toBe(1);
    const out = first.stdout;
    // Failed, with the reason and what to do.
    expect(out).toMatch(/! "Alpha" \([^)]+\): failed after 1 of 3 API calls/);
    expect(out).toMatch(/✗ UpdateRoutingProfileAgentAvailabilityTimer failed: AccessDeniedException: .*connect:UpdateRoutingProfileAgentAvailabilityTimer/);
    expect(out).toMatch(/hint: .*IAM permission connect:UpdateRoutingProfileAgentAvailabilityTimer/);
    // Skipped, with the reason.
    expect(out).toMatch(/- UpdateRoutingProfileConcurrency skipped \(not sent: UpdateRoutingProfileAgentAvailabilityTimer failed earlier for this profile\)/);
    expect(out).toMatch(/- TagResource skipped \(not sent: UpdateRoutingProfileAgentAvailabilityTimer failed earlier for this profile\)/);
    // Done: the independent profiles.
    expect(out).toMatch(/~ "Bravo" \([^)]+\): updated \(1 API call\)/);
    expect(out).toMatch(/~ "Charlie" \([^)]+\): updated \(1 API call\)/);
    expect(out).toMatch(/\+ "Delta" \([^)]+\): created \(1 API call\)/);
    expect(out).toMatch(/Apply failed: 1 created, 2 updated, 1 failed \(4 API calls\); 1 profile not converged/);

    // Nothing after the failure was sent for Alpha.
    const alphaId = emu.snapshot().profiles.find((p) => p.name === 'Alpha')?.routingProfileId;
    const alphaWrites = emu.requestLog.filter((e) => e.input.RoutingProfileId === alphaId && !/^(Describe|List)/.test(e.operation));
    expect(alphaWrites.map((e) => e.operation)).toEqual(['UpdateRoutingProfileAgentAvailabilityTimer']);

    emu.setFaults({});
    const again = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/~ "Alpha" \([^)]+\): updated \(3 API calls\)/);
    expect(again.stdout).not.toMatch(/Bravo|Charlie|Delta/);
    const plan = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode'], { env });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes');
  });

  it('stops a create Connect refuses at the 500-profile quota without retrying it, names the quota, and still does the rest', async () => {
    // 499 profiles the plan sees, and a 500th another writer has just made that Search does not show yet: the
    // plan fits the quota by its count (apply would refuse creates that do not, sending nothing), so only
    // Connect's own refusal can stop this create.
    const existing = Array.from({ length: 499 }, (_, i) => ({
      name: `Existing ${i + 1}`,
      description: 'seeded',
      defaultOutboundQueue: 'BasicQueue',
      mediaConcurrencies: [{ channel: 'VOICE' as const, concurrency: 1 }],
    }));
    const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: existing }, { faults: { searchLagMs: 600_000 } });
    await sdkFor(emu).send(new CreateRoutingProfileCommand({ InstanceId: emu.instanceId, Name: 'Made Elsewhere', Description: 'x', DefaultOutboundQueueId: QUEUE_IDS.BasicQueue, MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }] }));
    const before = emu.requestLog.length;
    const files = scope.profiles({
      'profiles.yaml': toYaml(support({ name: 'One Too Many' }), {
        name: 'Existing 1',
        description: 'updated',
        defaultOutboundQueue: 'BasicQueue',
        mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1 }],
      }),
    });
    const result = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env: cliEnv(emu) });

    expect(result.code).toBe(1);
    const creates = emu.requestLog.slice(before).filter((e) => e.operation === 'CreateRoutingProfile');
    expect(creates.map((e) => `${e.status} ${e.errorType}`)).toEqual(['429 LimitExceededException']);
    expect(result.stdout).toMatch(/CreateRoutingProfile failed: LimitExceededException: .*routing profile quota reached: 500 routing profiles per instance/);
    expect(result.stdout).toMatch(/hint: .*Service Quotas/);
    expect(result.stdout).toMatch(/~ "Existing 1" \([^)]+\): updated/);
    expect(emu.snapshot().profiles).toHaveLength(500);
    expect(emu.snapshot().profiles.find((p) => p.name === 'Existing 1')?.description).toBe('updated');
  });
});

describe('verification after a partial failure', () => {
  const differing = (name: string): Change => ({ action: 'update', agents: 0, name, diffs: [{ field: 'description', path: ['description'], before: 'a', after: 'b' }], calls: [] });
  const planOf = (changes: Change[]): Plan => ({ formatVersion: 1, instanceId: 'i', changes, prune: false, unmanaged: [], warnings: [], problems: [], summary: { create: 0, update: changes.length, delete: 0, agents: 0, noOp: 0, calls: 0 }, liveFingerprint: 'x' });

  it('does not wait for profiles whose apply already failed: one re-read, then the report', async () => {
    let reads = 0;
    const result = await verifyConverged(async () => (reads++, planOf([differing('Alpha')])), { clock: fastClock(1000), unfinished: new Set(['Alpha']) });
    const notConverged = [{ name: 'Alpha', fields: ['description'] }];
    expect(result).toEqual({ converged: false, notConverged, verification: { status: 'not-converged', notConverged } });
    expect(reads).toBe(1);
  });

  it('still waits, within its bound, for a profile whose apply succeeded (eventual consistency)', async () => {
    let reads = 0;
    const result = await verifyConverged(async () => (reads++ < 2 ? planOf([differing('Alpha'), differing('Bravo')]) : planOf([differing('Alpha')])), {
      clock: fastClock(1000),
      unfinished: new Set(['Alpha']),
    });
    expect(result.converged).toBe(false);
    expect(result.notConverged.map((n) => n.name)).toEqual(['Alpha']);
    expect(reads).toBe(3);
  });

  it('a re-read slower than the bound (hundreds of profiles, paced) still gets a second look at a lagging profile', async () => {
    const clock = fastClock(1000);
    let reads = 0;
    const result = await verifyConverged(
      async () => {
        // Each re-read costs 40 s, more than the 30 s bound; the first one began before Search listed Bravo.
        await clock.sleep(40_000);
        return reads++ === 0 ? planOf([{ action: 'create', agents: 0, name: 'Bravo', diffs: [], calls: [] }]) : planOf([]);
      },
      { clock, timeoutMs: 30_000 },
    );
    expect(result.converged).toBe(true);
    expect(reads).toBe(2);
  });
});
