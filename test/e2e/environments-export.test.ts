// export --env prod in a repository that serves dev and prod: it changes no other environment's desired state.
// A profile declared only for dev is not "already declared" in prod, --force replaces no file dev depends on,
// and a profile only prod has is written for prod alone; dev's plan stays empty throughout.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWrite, received } from './harness.js';
import { support, toYaml } from './fixtures.js';
import { BASE_FILES, twoEnvironmentsPerTest, type TwoEnvironments } from './environments-fixture.js';

const twoFreshEnvironments = twoEnvironmentsPerTest();

/** Every file of the repository, by path, with its bytes: what export must leave as it found. */
function filesOf(root: string): Map<string, string> {
  const entries = readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
  return new Map(entries.filter((path) => statSync(join(root, path)).isFile()).map((path) => [path, readFileSync(join(root, path), 'utf8')]));
}

/**
 * Both instances applied from the files, and prod holding two profiles these files do not give it: "Sandbox",
 * whose only document says `environments: [dev]`, and "Escalation Desk", which no document declares (each
 * applied to prod from a file that is then put back or removed, as a hand-made profile would be).
 */
async function prodWithProfilesOfItsOwn(): Promise<TwoEnvironments> {
  const t = await twoFreshEnvironments();
  t.write('profiles/sandbox.yaml', toYaml(support({ name: 'Sandbox', description: 'Try-outs', environments: ['dev', 'prod'] })));
  t.write('profiles/escalation-desk.yaml', toYaml(support({ name: 'Escalation Desk', description: 'Escalations', environments: ['prod'] })));
  for (const env of ['dev', 'prod']) {
    const r = await t.run(['apply', '--env', env, '--auto-approve']);
    expect(r.code, `${env}: ${r.stderr}`).toBe(0);
  }
  t.write('profiles/sandbox.yaml', BASE_FILES['sandbox.yaml'] as string);
  rmSync(join(t.dir, 'escalation-desk.yaml'));
  const dev = await t.run(['plan', '--env', 'dev', '--detailed-exitcode']);
  expect(dev.code, dev.stdout + dev.stderr).toBe(0);
  t.prod.clearRequestLog();
  return t;
}

const SANDBOX_SKIPPED =
  'skipped "Sandbox": profiles/sandbox.yaml declares it only for environment "dev", not "prod", and export leaves that file alone: to manage it in "prod" too, add "prod" to that document\'s environments; then plan --env prod shows what differs\n';

const SALES_SKIPPED =
  'skipped "Sales Agents": profiles/sales.yaml serves every environment and the overlay overlays/prod/sales.yaml (environment "prod") changes it; --force does not replace it with the live values of "prod", which would become every environment\'s: edit the file or the overlay by hand, plan --env prod shows what differs\n';

const NIGHT_SHIFT_SKIPPED =
  'skipped "Night Shift": profiles/night-shift.yaml limits it to environment "prod"; --force does not replace such a file (the new one would drop that limit): edit it by hand, plan --env prod shows what differs\n';

describe('export --env prod beside dev', () => {
  it.each<[string, string[], string]>([
    ['a profile declared only for dev', ['--name', 'Sandbox'], SANDBOX_SKIPPED],
    ['a profile declared only for dev, with --force', ['--name', 'Sandbox', '--force'], SANDBOX_SKIPPED],
    ["--force on the shared file of a profile prod's overlay changes", ['--name', 'Sales Agents', '--force'], SALES_SKIPPED],
    ['--force on a file limited to prod', ['--name', 'Night Shift', '--force'], NIGHT_SHIFT_SKIPPED],
  ])('%s: skipped with what to do, exit 1; no file changes and dev\'s plan stays empty', async (_what, args, skipped) => {
    const t = await prodWithProfilesOfItsOwn();
    const before = filesOf(t.root);
    const r = await t.run(['export', '--env', 'prod', ...args]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(skipped);
    expect(r.stdout).toBe('Exported 0 routing profiles to profiles (1 skipped).\n');
    expect(filesOf(t.root)).toEqual(before);
    expect(received(t.prod, isWrite)).toEqual([]);
    const dev = await t.run(['plan', '--env', 'dev', '--detailed-exitcode']);
    expect(dev.code, dev.stdout + dev.stderr).toBe(0);
  });

  it('a whole export writes only what prod alone has, for prod alone: both plans are then empty', async () => {
    const t = await prodWithProfilesOfItsOwn();
    const before = filesOf(t.root);
    const r = await t.run(['export', '--env', 'prod']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('wrote profiles/escalation-desk.yaml ("Escalation Desk")\nExported 1 routing profile to profiles (3 already declared, 1 skipped).\n');
    expect(r.stderr).toBe(
      [
        // Limited to prod, and changed by prod's overlay: --force would not replace these, so no hint that it would.
        'left alone "Night Shift": already declared in profiles/night-shift.yaml',
        'left alone "Sales Agents": already declared in profiles/sales.yaml',
        SANDBOX_SKIPPED.trimEnd(),
        'left alone "Tier1 Support": already declared in profiles/support.yaml (with --force, export replaces a file that holds only that profile)',
        '',
      ].join('\n'),
    );
    const after = filesOf(t.root);
    const added = after.get('profiles/escalation-desk.yaml');
    after.delete('profiles/escalation-desk.yaml');
    expect(after).toEqual(before);
    expect(added?.split('\n').slice(1, 3)).toEqual(['name: Escalation Desk', 'environments: [prod]']);
    expect(received(t.prod, isWrite)).toEqual([]);
    // Only the profile it wrote was read in full: what it leaves alone or skips, Search alone decides.
    const escalation = t.prod.snapshot().profiles.find((p) => p.name === 'Escalation Desk')?.routingProfileId;
    expect(received(t.prod, (op) => op === 'DescribeRoutingProfile').map((c) => c.input.RoutingProfileId)).toEqual([escalation]);

    const dev = await t.run(['plan', '--env', 'dev', '--detailed-exitcode']);
    expect(dev.code, dev.stdout + dev.stderr).toBe(0);
    const prod = await t.run(['plan', '--env', 'prod', '--detailed-exitcode']);
    expect(prod.code, prod.stdout + prod.stderr).toBe(0);
  });
});
