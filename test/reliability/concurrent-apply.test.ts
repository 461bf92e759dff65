// Two applies at once on the same instance and the same files, both planning the same creates: Connect's
// unique names make one create of each pair fail with DuplicateResourceException, which must lead to adoption
// (or a reported conflict), never a second profile. Two built CLI processes, truly concurrent.
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli, releasedAfterEach } from '../e2e/harness.js';
import { MANY_QUEUES, SEED_QUEUES, support, toYaml } from '../e2e/fixtures.js';
import { asSeed, duplicateNames } from './support.js';

const scope = releasedAfterEach();

const NAMES = Array.from({ length: 6 }, (_, i) => `Shared ${i + 1}`);

describe('two applies at once', () => {
  it.each([0, 800])('creates each profile once and ends converged (search lag %i ms)', async (searchLagMs) => {
    const emu = await scope.emulator({ queues: [...SEED_QUEUES, ...MANY_QUEUES], profiles: asSeed(support({ name: 'Existing' })) }, { faults: { searchLagMs } });
    const docs = NAMES.map((name, i) =>
      support({
        name,
        // Half of them need AssociateRoutingProfileQueues after the create, where the two runs also race.
        queues: MANY_QUEUES.slice(0, i % 2 === 0 ? 15 : 3).map((q, j) => ({ queue: q.name, channel: 'VOICE', priority: j + 1, delay: 0 })),
        tags: { team: name },
      }),
    );
    const files = scope.profiles({ 'shared.yaml': toYaml(...docs, support({ name: 'Existing', description: 'changed by both' })) });
    const env = cliEnv(emu);

    const [a, b] = await Promise.all([
      runCli(['apply', '--dir', files.dir, '--auto-approve'], { env }),
      runCli(['apply', '--dir', files.dir, '--auto-approve'], { env }),
    ]);

    const state = emu.snapshot();
    expect(duplicateNames(state)).toEqual([]);
    expect(state.profiles).toHaveLength(NAMES.length + 1);
    // Both creates of a pair reached Connect; one of each met the other's profile.
    const creates = emu.requestLog.filter((e) => e.operation === 'CreateRoutingProfile');
    expect(creates.filter((e) => e.status === 200)).toHaveLength(NAMES.length);

    for (const r of [a, b]) {
      // Either converged, or a conflict reported as such (exit 1 with a message), never a crash.
      expect([0, 1], r.stdout + r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(/internal|\n\s+at /);
      if (r.code === 1) expect(r.stdout).toMatch(/Apply failed:/);
    }
    // Whoever lost a race says so in its report rather than failing on the other's success.
    expect(a.stdout + b.stdout).toMatch(/adopt/);

    emu.setFaults({});
    const again = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const plan = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode'], { env });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes');
    expect(duplicateNames(emu.snapshot())).toEqual([]);
  });
});
