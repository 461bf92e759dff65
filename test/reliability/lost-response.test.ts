// Lost answers on writes that cannot be repeated blindly (no client token in Connect): the built CLI against the
// emulator, which commits the write and then drops the connection. A create must never yield a second profile
// nor a failed run for our own success; the created profile's remaining steps must still be carried out.
import { describe, expect, it } from 'vitest';
import type { FaultOptions, RunningEmulator } from '../../src/emulator/index.js';
import { cliEnv, isWrite, runCli, releasedAfterEach } from '../e2e/harness.js';
import { MANY_QUEUES, SEED_QUEUES, support, toYaml, type ProfileDoc } from '../e2e/fixtures.js';

const scope = releasedAfterEach();

/** 25 queue pairs: CreateRoutingProfile carries 10, two AssociateRoutingProfileQueues batches carry 10 and 5. */
function bigProfile(): ProfileDoc {
  return support({
    name: 'Overflow Team',
    agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
    queues: [
      ...MANY_QUEUES.map((q, i) => ({ queue: q.name, channel: 'VOICE' as const, priority: i + 1, delay: i })),
      ...MANY_QUEUES.slice(0, 5).map((q) => ({ queue: q.name, channel: 'CHAT' as const, priority: 50, delay: 10 })),
    ],
    tags: { team: 'overflow', cost: 'cc-42' },
  });
}

async function applyWith(faults: FaultOptions) {
  const emu = await scope.emulator({ queues: [...SEED_QUEUES, ...MANY_QUEUES] }, { faults });
  const files = scope.profiles({ 'overflow.yaml': toYaml(bigProfile()) });
  const env = cliEnv(emu);
  const apply = await runCli(['apply', '--dir', files.dir, '--auto-approve'], { env });
  const log = [...emu.requestLog];
  emu.setFaults({});
  const plan = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode'], { env });
  return { apply, plan, log, state: emu.snapshot() };
}

function expectOneCompleteProfile(state: ReturnType<RunningEmulator['snapshot']>): void {
  const matches = state.profiles.filter((p) => p.name === 'Overflow Team');
  expect(matches).toHaveLength(1);
  const [p] = matches;
  expect(p.queueConfigs).toHaveLength(25);
  expect(p.tags).toEqual({ team: 'overflow', cost: 'cc-42' });
  expect(p.agentAvailabilityTimer).toBe('TIME_SINCE_LAST_INBOUND');
}

describe('a create whose answer is lost', () => {
  it('is found by name and adopted at once when Search already shows it; the rest of its steps follow', async () => {
    const { apply, plan, log, state } = await applyWith({
      dropAfterCommitRate: 1,
      dropAfterCommitOperations: ['CreateRoutingProfile'],
    });
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(apply.stdout).toMatch(/adopted/);
    expect(apply.stdout).toContain('Apply complete');
    // One create on the wire: the lost answer led to a look-up, not a resend.
    const creates = log.filter((e) => e.operation === 'CreateRoutingProfile');
    expect(creates.map((e) => e.errorType ?? e.status)).toEqual(['ConnectionDropped']);
    const associates = log.filter((e) => e.operation === 'AssociateRoutingProfileQueues' && e.status === 200);
    expect(associates.map((e) => (e.input.QueueConfigs as unknown[]).length)).toEqual([10, 5]);
    expect(log.some((e) => e.operation === 'TagResource')).toBe(false); // tags travel in the create itself
    expectOneCompleteProfile(state);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes');
  });

  it('meets DuplicateResourceException for its own first attempt when Search lags, re-reads, adopts and finishes', async () => {
    const { apply, plan, log, state } = await applyWith({
      dropAfterCommitRate: 1,
      dropAfterCommitOperations: ['CreateRoutingProfile'],
      // Long enough that the look-up after the lost answer misses the new profile, so the create is resent.
      searchLagMs: 1_500,
    });
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    const creates = log.filter((e) => e.operation === 'CreateRoutingProfile');
    expect(creates.map((e) => e.errorType ?? e.status)).toEqual(['ConnectionDropped', 'DuplicateResourceException']);
    expect(apply.stdout).toMatch(/adopted/);
    const associates = log.filter((e) => e.operation === 'AssociateRoutingProfileQueues' && e.status === 200);
    expect(associates.map((e) => (e.input.QueueConfigs as unknown[]).length).reduce((a, b) => a + b, 0)).toBe(15);
    expectOneCompleteProfile(state);
    expect(plan.stdout).toContain('No changes');
  });

  it('reconciles lost AssociateRoutingProfileQueues answers by re-listing, never failing on its own success', async () => {
    const { apply, plan, log, state } = await applyWith({
      dropAfterCommitRate: 1,
      dropAfterCommitOperations: ['AssociateRoutingProfileQueues'],
    });
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    const associates = log.filter((e) => e.operation === 'AssociateRoutingProfileQueues');
    // Each batch is sent once, committed, its answer lost; a re-list shows it done, so it is not resent.
    expect(associates.map((e) => e.errorType)).toEqual(['ConnectionDropped', 'ConnectionDropped']);
    expect(log.filter((e) => isWrite(e.operation) && e.status !== 200 && e.errorType !== 'ConnectionDropped')).toEqual([]);
    expectOneCompleteProfile(state);
    expect(plan.stdout).toContain('No changes');
  });
});
