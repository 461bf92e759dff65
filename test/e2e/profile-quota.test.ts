// A plan that would take the instance above its routing-profile quota: apply refuses the creates before it sends
// anything (Connect would refuse only the one that crosses it, after the others went through), still does
// everything else, and exits 1 naming the numbers.
import { describe, expect, it } from 'vitest';
import { cliEnv, isWrite, received, releasedAfterEach, runCli } from './harness.js';
import { SEED_QUEUES, support, toYaml } from './fixtures.js';

const scope = releasedAfterEach();

/** An instance at Connect's default quota: 500 routing profiles, none of them declared by the files. */
const FULL = Array.from({ length: 500 }, (_, i) => support({ name: `Existing ${String(i + 1).padStart(3, '0')}` }));

describe('apply above the routing-profile quota', () => {
  it('sends no write at all, says which creates were not sent and why, and exits 1', async () => {
    const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: FULL });
    const files = scope.profiles({ 'new.yaml': toYaml(support({ name: 'One Too Many' }), support({ name: 'Two Too Many' })) });
    const r = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env: cliEnv(emu) });

    expect(received(emu, isWrite)).toEqual([]);
    expect(r.code).toBe(1);
    const quota = 'the plan creates 2 routing profiles beside 500 live: 502 at the peak (deletes run last), above the instance\'s quota of 500; raise the quota or create fewer';
    expect(r.stdout).toContain(`✗ ${quota}`);
    expect(r.stdout.match(/- CreateRoutingProfile skipped \(not sent: the plan's creates would take the instance above its routing-profile quota\)/g)).toHaveLength(2);
    expect(r.stderr).toContain(`blocked: ${quota}`);
    expect(r.stdout).toContain('Apply failed: 0 created, 0 updated, 0 failed, 2 skipped (0 API calls)');
    expect(emu.snapshot().profiles).toHaveLength(500);
  });

  it('still sends the updates, which raise no count, then exits 1', async () => {
    const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: FULL });
    const files = scope.profiles({ 'new.yaml': toYaml(support({ name: 'One Too Many' }), support({ name: 'Existing 001', description: 'updated' })) });
    const r = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env: cliEnv(emu) });

    const id = emu.snapshot().profiles.find((p) => p.name === 'Existing 001')?.routingProfileId;
    expect(received(emu, isWrite)).toEqual([
      { operation: 'UpdateRoutingProfileName', input: { InstanceId: emu.instanceId, RoutingProfileId: id, Name: 'Existing 001', Description: 'updated' } },
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/~ "Existing 001" \([^)]+\): updated/);
    expect(r.stderr).toContain('blocked: the plan creates 1 routing profile beside 500 live: 501 at the peak');
  });
});
