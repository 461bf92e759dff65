// SIGINT during apply: the call in flight finishes, nothing more is sent, the report says what was done and
// what was skipped, the exit code is 1, and a re-run converges. And Connect vanishing mid-apply: the run stops
// within seconds, with the same kind of report. The built CLI as a real process, paced by
// Connect's default quotas in the emulator so that the apply takes several seconds.
import { describe, expect, it } from 'vitest';
import { assertBuilt, cliEnv, isWrite, runCli, releasedAfterEach } from '../e2e/harness.js';
import { SEED_QUEUES, support, toYaml } from '../e2e/fixtures.js';
import { asSeed, spawnCli, waitFor } from './support.js';

const scope = releasedAfterEach();

const NAMES = Array.from({ length: 20 }, (_, i) => `Team ${String(i + 1).padStart(2, '0')}`);

describe('interrupting apply', () => {
  it('SIGINT after the first write: in-flight call finishes, the rest is skipped and reported, exit 1; a re-run converges', async () => {
    assertBuilt();
    const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: asSeed(...NAMES.map((name) => support({ name }))) }, { quotas: 'connect-defaults' });
    // 20 descriptions and 20 tags to change: 40 writes at about 2 a second per operation.
    const files = scope.profiles({ 'teams.yaml': toYaml(...NAMES.map((name) => support({ name, description: `${name} v2`, tags: { team: name } }))) });
    const env = cliEnv(emu);
    const log = emu.requestLog;

    const cli = spawnCli(['apply', '--dir', files.dir, '--auto-approve'], env);

    // Interrupt as soon as the emulator has seen the first write.
    await waitFor(() => log.some((e) => isWrite(e.operation)));
    expect(log.some((e) => isWrite(e.operation)), 'apply sent a write').toBe(true);
    cli.child.kill('SIGINT');
    const code = await cli.exited;
    const stdout = cli.stdout();
    const stderr = cli.stderr();

    expect(code, stdout + stderr).toBe(1);
    expect(stderr).toContain('SIGINT received: finishing the call in flight');
    expect(stdout).toMatch(/skipped \(interrupted: apply was stopped before this call was sent\)/);
    expect(stdout).toMatch(/Apply interrupted: .*Run apply again to finish/);
    const writes = log.filter((e) => isWrite(e.operation));
    // Stopped early, and no call was cut in half: every write that reached Connect got its whole answer.
    expect(writes.length).toBeLessThan(NAMES.length * 2);
    expect(writes.filter((e) => e.status !== 200)).toEqual([]);
    // Nothing was sent after the process had gone.
    const countAtExit = log.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(log.length).toBe(countAtExit);

    // The re-run is not what is under test: raise the quotas on both sides (the --quota flag) so it is quick.
    emu.setQuotas('off');
    const fast = ['UpdateRoutingProfileName', 'TagResource', 'DescribeRoutingProfile', 'ListRoutingProfileQueues'].flatMap((op) => ['--quota', `${op}=200:50`]);
    const again = await runCli(['apply', '--dir', files.dir, '--auto-approve', ...fast], { env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const plan = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode', ...fast], { env });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes');
  });

  it('Connect gone after the first write: apply stops within seconds (it used to retry for about 50 s), reports what was done and what was not sent, exit 1', async () => {
    assertBuilt();
    const emu = await scope.emulator({ queues: SEED_QUEUES, profiles: asSeed(...NAMES.map((name) => support({ name }))) }, { quotas: 'connect-defaults' });
    // 20 descriptions to change at about 2 a second: a paced apply of about 10 s.
    const files = scope.profiles({ 'teams.yaml': toYaml(...NAMES.map((name) => support({ name, description: `${name} v2` }))) });
    const log = emu.requestLog;

    const cli = spawnCli(['apply', '--dir', files.dir, '--auto-approve'], cliEnv(emu));
    await waitFor(() => log.some((e) => isWrite(e.operation) && e.status === 200));
    expect(log.some((e) => isWrite(e.operation)), 'apply sent a write').toBe(true);
    const stopped = Date.now();
    await emu.close();
    const code = await cli.exited;
    const afterStop = Date.now() - stopped;
    const stdout = cli.stdout();

    expect(code, stdout + cli.stderr()).toBe(1);
    // Generous for a loaded machine; it takes well under a second here.
    expect(afterStop).toBeLessThan(10_000);
    expect(stdout).toMatch(/skipped \(not sent: Connect is unreachable \(ECONNREFUSED\)\)/);
    // What was done before Connect went away is in the report too.
    expect(stdout).toMatch(/"Team \d\d".*: updated/);
  });
});
