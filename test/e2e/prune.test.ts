// --prune on plan, drift and apply: owned profiles no file declares are deleted, blocked work is exit 1.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWNERSHIP_TAG_KEY } from '../../src/vocabulary.js';
import { cliEnv, isWrite, received, runCli, releasedAfterEach } from './harness.js';
import { SEED_QUEUES, support, toYaml } from './fixtures.js';

const scope = releasedAfterEach();

const owned = (name: string, associatedUsers = 0) => ({ ...support({ name, tags: { [OWNERSHIP_TAG_KEY]: 'connect-gitops' } }), associatedUsers });

/** Live: Tier1 Support (declared, stamped), Retired (owned, no file), Hand Made (unowned, no file). */
async function setup(retiredUsers = 0) {
  const emu = await scope.emulator({
    queues: SEED_QUEUES,
    profiles: [support({ tags: { team: 'support', [OWNERSHIP_TAG_KEY]: 'connect-gitops' } }), owned('Retired', retiredUsers), support({ name: 'Hand Made' })],
  });
  const files = scope.profiles({ 'support.yaml': toYaml(support()) });
  return { e: emu, files, env: cliEnv(emu) };
}

describe('--prune', () => {
  it('plan and drift: an owned undeclared profile is a delete, and a change (exit 2); without --prune it is only listed', async () => {
    const { e, files, env } = await setup();
    const plain = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode', '--format', 'json'], { env });
    expect(plain.code, plain.stderr).toBe(0);
    const listed = JSON.parse(plain.stdout) as { prune: boolean; unmanaged: { name: string; owned: boolean }[] };
    expect(listed.prune).toBe(false);
    expect(listed.unmanaged).toEqual([expect.objectContaining({ name: 'Hand Made', owned: false }), expect.objectContaining({ name: 'Retired', owned: true })]);

    const pruned = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode', '--prune'], { env });
    expect(pruned.code, pruned.stderr).toBe(2);
    expect(pruned.stdout).toMatch(/- delete "Retired"/);
    expect(pruned.stdout).not.toMatch(/delete "Hand Made"/);
    expect((await runCli(['drift', '--dir', files.dir, '--prune'], { env })).code).toBe(2);
    expect(received(e, isWrite)).toEqual([]);
  });

  it('prune: true in connect-gitops.yaml turns prune on without the flag; another owner there owns nothing of ours', async () => {
    const { files, env } = await setup();
    writeFileSync(join(files.root, 'connect-gitops.yaml'), 'prune: true\n');
    const pruned = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode'], { env });
    expect(pruned.code, pruned.stderr).toBe(2);
    expect(pruned.stdout).toMatch(/- delete "Retired"/);
    writeFileSync(join(files.root, 'connect-gitops.yaml'), 'prune: true\nowner: another-team\n');
    const other = await runCli(['plan', '--dir', files.dir, '--detailed-exitcode'], { env });
    // The run plans (rather than failing before it could plan a delete): Retired is listed, not deleted, and the
    // declared profile, tagged for the default owner, is another owner's now: blocked, exit 1.
    expect(other.code, other.stderr).toBe(1);
    expect(other.stdout).not.toMatch(/- delete "Retired"/);
    expect(other.stdout).toMatch(/Not managed by these files: 2 live profiles\n {2}"Hand Made" \([^)]+\)\n {2}"Retired" \([^)]+\)\n/);
    expect(other.stderr).toContain('blocked: routing profile \\"Tier1 Support\\" carries connect-gitops:managed-by=\\"connect-gitops\\", not \\"another-team\\"');
  });

  it('apply --prune deletes the owned undeclared profile, and nothing else', async () => {
    const { e, files, env } = await setup();
    const id = e.snapshot().profiles.find((p) => p.name === 'Retired')!.routingProfileId;
    e.clearRequestLog();
    const r = await runCli(['apply', '--dir', files.dir, '--prune', '--auto-approve'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(received(e, isWrite)).toEqual([{ operation: 'DeleteRoutingProfile', input: expect.objectContaining({ RoutingProfileId: id }) }]);
    expect(e.snapshot().profiles.map((p) => p.name).sort()).toEqual(['Hand Made', 'Tier1 Support']);
  });

  it('blocked work: plan prints the plan, then exits 1; apply does everything else, then exits 1', async () => {
    const { e, files, env } = await setup(12);
    const plan = await runCli(['plan', '--dir', files.dir, '--prune', '--detailed-exitcode'], { env });
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain('Retired');
    expect(plan.stderr).toMatch(/blocked: .*Retired.*12/);
    expect((await runCli(['drift', '--dir', files.dir, '--prune'], { env })).code).toBe(1);

    // The files now change Tier1 too: apply does that, leaves the profile in use alone, and exits 1.
    const changed = scope.profiles({ 'support.yaml': toYaml(support({ description: 'Frontline agents (EMEA)' })) });
    e.clearRequestLog();
    const r = await runCli(['apply', '--dir', changed.dir, '--prune', '--auto-approve'], { env });
    expect(r.code).toBe(1);
    expect(received(e, isWrite).map((w) => w.operation)).toEqual(['UpdateRoutingProfileName']);
    expect(e.snapshot().profiles.find((p) => p.name === 'Retired')).toBeDefined();
    expect(r.stderr).toMatch(/blocked: .*Retired/);
  });
});
