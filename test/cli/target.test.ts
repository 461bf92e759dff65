// Which instance, Region and folder a command works on: flags, then environment, then connect-gitops.yaml.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseQuotaFlag, requireInstance, resolveTarget } from '../../src/cli/target.js';
import { UserInputError } from '../../src/errors.js';

let roots: string[] = [];
afterEach(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  roots = [];
});

function project(config?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'cg-target-'));
  roots.push(root);
  mkdirSync(join(root, 'profiles'));
  if (config !== undefined) writeFileSync(join(root, 'connect-gitops.yaml'), config);
  return root;
}

describe('resolveTarget', () => {
  it('takes flags over the environment over the config file', () => {
    const root = project('instanceId: from-file\nregion: eu-west-2\ndir: profiles\n');
    expect(resolveTarget({}, {}, root)).toMatchObject({ instanceId: 'from-file', region: 'eu-west-2', dir: join(root, 'profiles') });
    expect(resolveTarget({}, { CONNECT_INSTANCE_ID: 'from-env', AWS_REGION: 'us-west-2' }, root)).toMatchObject({ instanceId: 'from-env', region: 'us-west-2' });
    expect(resolveTarget({ instanceId: 'from-flag', region: 'ap-southeast-2', dir: 'x' }, { CONNECT_INSTANCE_ID: 'from-env' }, root)).toMatchObject({
      instanceId: 'from-flag',
      region: 'ap-southeast-2',
      dir: 'x',
    });
  });

  it("lets an instance ARN's Region win: over AWS_REGION with a warning, a conflicting --region or config value is an error", () => {
    const arn = 'arn:aws:connect:eu-central-1:123456789012:instance/abc';
    const root = project();
    const fromShell = resolveTarget({ instanceId: arn }, { AWS_REGION: 'us-east-1' }, root);
    expect(fromShell.region).toBe('eu-central-1');
    expect(fromShell.regionWarning).toBe('AWS_REGION is us-east-1 but the instance ARN is in eu-central-1: using eu-central-1');
    expect(resolveTarget({ instanceId: arn }, { AWS_REGION: 'eu-central-1' }, root).regionWarning).toBeUndefined();
    expect(() => resolveTarget({ instanceId: arn, region: 'us-east-1' }, {}, root)).toThrow(/--region us-east-1 contradicts the instance ARN, which is in eu-central-1/);
    const withConfig = project(`instanceId: ${arn}\nregion: us-west-2\n`);
    expect(() => resolveTarget({}, {}, withConfig)).toThrow(/region us-west-2 contradicts the instance ARN, which is in eu-central-1/);
    expect(resolveTarget({ instanceId: arn, region: 'eu-central-1' }, {}, root).region).toBe('eu-central-1');
  });

  it('reads prune and owner from the config file, and refuses values that cannot be meant', () => {
    expect(resolveTarget({}, {}, project('prune: true\nowner: team-a\n'))).toMatchObject({ prune: true, owner: 'team-a' });
    expect(resolveTarget({}, {}, project('dir: profiles\n')).prune).toBeUndefined();
    expect(() => resolveTarget({}, {}, project('prune: yes please\n'))).toThrow(/prune must be true or false/);
    expect(() => resolveTarget({}, {}, project('owner: "  "\n'))).toThrow(/owner must be 1..256 characters/);
  });

  it('finds the config file next to the profiles folder named by --dir', () => {
    const root = project('instanceId: beside-profiles\n');
    const elsewhere = mkdtempSync(join(tmpdir(), 'cg-cwd-'));
    roots.push(elsewhere);
    expect(resolveTarget({ dir: join(root, 'profiles') }, {}, elsewhere).instanceId).toBe('beside-profiles');
  });

  it('defaults the folder to profiles and names no instance when nothing does', () => {
    const root = project();
    const target = resolveTarget({}, {}, root);
    expect(target.dir).toBe('profiles');
    expect(target.instanceId).toBeUndefined();
    expect(() => requireInstance(target)).toThrow(UserInputError);
  });

  it('reads quotas from the file and lets --quota override them', () => {
    const root = project('quotas:\n  DescribeRoutingProfile: { ratePerSecond: 20, burst: 40 }\n  SearchRoutingProfiles: { ratePerSecond: 4 }\n');
    const target = resolveTarget({ quota: ['SearchRoutingProfiles=6:12'] }, {}, root);
    expect(target.quotas).toEqual({ DescribeRoutingProfile: { ratePerSecond: 20, burst: 40 }, SearchRoutingProfiles: { ratePerSecond: 6, burst: 12 } });
  });

  it.each([
    ['instanceId: [a, b]\n', /instanceId must be a string/],
    ['instance: x\n', /unknown key "instance"/],
    ['quotas:\n  DescribeRoutingProfile: { ratePerSecond: 0 }\n', /ratePerSecond > 0/],
    ['- a\n- b\n', /expected a mapping/],
    ['a: [\n', /not valid YAML/],
  ])('rejects a bad config file %j with a clear message', (config, message) => {
    const root = project(config);
    expect(() => resolveTarget({}, {}, root)).toThrow(message);
  });
});

describe('--endpoint-url', () => {
  it.each(['notaurl', 'ftp://127.0.0.1:21', '127.0.0.1:4566'])('refuses %s before any call', (url) => {
    expect(() => resolveTarget({ endpointUrl: url }, {}, project())).toThrow(/--endpoint-url must be an http:\/\/ or https:\/\/ URL/);
  });

  it('takes an http URL', () => {
    expect(resolveTarget({ endpointUrl: 'http://127.0.0.1:4566' }, {}, project()).endpointUrl).toBe('http://127.0.0.1:4566');
  });
});

describe('parseQuotaFlag', () => {
  it.each([
    ['DescribeRoutingProfile=10:20', ['DescribeRoutingProfile', { ratePerSecond: 10, burst: 20 }]],
    ['SearchRoutingProfiles=2.5', ['SearchRoutingProfiles', { ratePerSecond: 2.5, burst: 2 }]],
  ])('%s', (flag, expected) => {
    expect(parseQuotaFlag(flag)).toEqual(expected);
  });

  it('names the operation meant when the name is almost right', () => {
    expect(() => parseQuotaFlag('DescribeRoutingProfiles=20')).toThrow(/"DescribeRoutingProfiles" is not an operation connect-gitops calls; did you mean "DescribeRoutingProfile"\?/);
  });

  it.each(['Describe', 'DescribeRoutingProfile=', 'describe-routing-profile=1', 'X=1:0', 'DropRoutingProfile=1'])('refuses %s', (flag) => {
    expect(() => parseQuotaFlag(flag)).toThrow(UserInputError);
  });
});
