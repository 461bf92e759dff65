// Which instance, Region and folder a command works on: flags, then environment, then connect-gitops.yaml.
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { requireInstance, resolveTarget, resolveTargets } from '../../src/cli/target.js';
import { parseQuotaFlag } from '../../src/cli/quota-settings.js';
import { UserInputError } from '../../src/errors.js';
import { tempTrees } from '../temp-tree.js';

const tree = tempTrees('cg-target-');

/** The message and hint of the UserInputError `run` throws. */
function errorOf(run: () => unknown): [string, string] {
  try {
    run();
  } catch (e) {
    if (!(e instanceof UserInputError)) throw e;
    return [e.message, e.hint];
  }
  throw new Error('expected a UserInputError');
}

/** The located problems of the UserInputError `run` throws, as the CLI prints them. */
function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (!(e instanceof UserInputError)) throw e;
    return e.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  }
  throw new Error('expected a UserInputError');
}

function project(config?: string): string {
  const root = tree(config === undefined ? {} : { 'connect-gitops.yaml': config });
  mkdirSync(join(root, 'profiles'));
  // The overlay folder the environments' config names (connect-gitops.yaml refuses a missing one).
  mkdirSync(join(root, 'overlays/prod'), { recursive: true });
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
    expect(fromShell.warnings).toEqual(['AWS_REGION is us-east-1 but the instance ARN is in eu-central-1: using eu-central-1']);
    expect(resolveTarget({ instanceId: arn }, { AWS_REGION: 'eu-central-1' }, root).warnings).toEqual([]);
    expect(() => resolveTarget({ instanceId: arn, region: 'us-east-1' }, {}, root)).toThrow(/--region us-east-1 contradicts the instance ARN, which is in eu-central-1/);
    const withConfig = project(`instanceId: ${arn}\nregion: us-west-2\n`);
    expect(() => resolveTarget({}, {}, withConfig)).toThrow(/region us-west-2 contradicts the instance ARN, which is in eu-central-1/);
    expect(resolveTarget({ instanceId: arn, region: 'eu-central-1' }, {}, root).region).toBe('eu-central-1');
  });

  it('reads prune and owner from the config file, and refuses values that cannot be meant', () => {
    expect(resolveTarget({}, {}, project('prune: true\nowner: team-a\n'))).toMatchObject({ prune: true, owner: 'team-a' });
    expect(resolveTarget({}, {}, project('dir: profiles\n')).prune).toBeUndefined();
    expect(problemsOf(() => resolveTarget({}, {}, project('prune: yes please\n')))).toEqual(['connect-gitops.yaml:1:8: prune must be true or false, not a string ("yes please")']);
    expect(problemsOf(() => resolveTarget({}, {}, project('owner: "  "\n')))).toEqual(['connect-gitops.yaml:1:8: owner must be 1..256 characters, not blank']);
  });

  it('finds the config file next to the profiles folder named by --dir', () => {
    const root = project('instanceId: beside-profiles\n');
    const elsewhere = tree();
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
    ['instanceId: [a, b]\n', 'connect-gitops.yaml:1:13: instanceId must be a string, not a list'],
    ['instance: x\n', 'connect-gitops.yaml:1:1: unknown key "instance"; did you mean "instanceId"? (allowed: dir, instanceId, region, quotas, prune, owner, profileQuota, defaultEnvironment, environments)'],
    ['quotas:\n  DescribeRoutingProfile: { ratePerSecond: 0 }\n', 'connect-gitops.yaml:2:44: quotas.DescribeRoutingProfile.ratePerSecond must be > 0'],
    ['- a\n- b\n', 'connect-gitops.yaml:1:1: each document must be a mapping describing the settings of connect-gitops, but this one is a list'],
  ])('rejects a bad config file %j with file:line:column', (config, message) => {
    const root = project(config);
    expect(problemsOf(() => resolveTarget({}, {}, root))).toEqual([message]);
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

describe('resolveTargets with environments', () => {
  const DEV_ARN = 'arn:aws:connect:eu-west-2:111111111111:instance/dev-1';
  const config = [
    'dir: profiles',
    'quotas:',
    '  DescribeRoutingProfile: {ratePerSecond: 5, burst: 10}',
    '  SearchRoutingProfiles: {ratePerSecond: 3}',
    'prune: true',
    'owner: platform',
    'environments:',
    '  dev:',
    `    instanceId: ${DEV_ARN}`,
    '    endpointUrl: http://127.0.0.1:4566',
    '    awsProfile: dev-admin',
    '    quotas: {SearchRoutingProfiles: {ratePerSecond: 8, burst: 16}}',
    '  prod:',
    '    instanceId: prod-1',
    '    region: eu-west-1',
    '    overlay: overlays/prod',
    '    prune: false',
    '    owner: team-a',
    '',
  ].join('\n');

  it('builds one target per environment: quotas merged per operation, prune and owner from the environment first', () => {
    const root = project(config);
    const [dev, prod] = resolveTargets({ env: ['all'] }, {}, root);
    const environments = [{ name: 'dev' }, { name: 'prod', overlayDir: join(root, 'overlays/prod') }];
    expect(dev).toEqual({
      environment: 'dev',
      dir: join(root, 'profiles'),
      instanceId: DEV_ARN,
      region: 'eu-west-2',
      endpointUrl: 'http://127.0.0.1:4566',
      ignoreShellEndpoint: true,
      awsProfile: 'dev-admin',
      environments,
      quotas: { DescribeRoutingProfile: { ratePerSecond: 5, burst: 10 }, SearchRoutingProfiles: { ratePerSecond: 8, burst: 16 } },
      warnings: [],
      notes: ['environment dev: credentials from AWS profile dev-admin (the shell holds none)'],
      configFile: join(root, 'connect-gitops.yaml'),
      prune: true,
      owner: 'platform',
    });
    expect(prod).toEqual({
      environment: 'prod',
      dir: join(root, 'profiles'),
      instanceId: 'prod-1',
      region: 'eu-west-1',
      ignoreShellEndpoint: true,
      quotas: { DescribeRoutingProfile: { ratePerSecond: 5, burst: 10 }, SearchRoutingProfiles: { ratePerSecond: 3, burst: 3 } },
      overlayDir: join(root, 'overlays/prod'),
      environments,
      warnings: [],
      notes: [],
      configFile: join(root, 'connect-gitops.yaml'),
      prune: false,
      owner: 'team-a',
    });
  });

  // Where each setting comes from, environment by environment, whatever the shell says.
  it.each([
    ['CONNECT_INSTANCE_ID', { CONNECT_INSTANCE_ID: 'shell-1' }, { instanceId: 'prod-1' }, ['CONNECT_INSTANCE_ID is set in the shell, but environment prod names its own instance: using prod-1']],
    [
      'AWS_ENDPOINT_URL_CONNECT, with no endpointUrl in the environment',
      { AWS_ENDPOINT_URL_CONNECT: 'http://127.0.0.1:9999' },
      { ignoreShellEndpoint: true },
      ["AWS_ENDPOINT_URL_CONNECT is set in the shell, but environment prod decides its endpoint: ignored AWS_ENDPOINT_URL_CONNECT, using Connect's own endpoint for the Region"],
    ],
    [
      'AWS_ENDPOINT_URL',
      { AWS_ENDPOINT_URL: 'http://127.0.0.1:9999' },
      { ignoreShellEndpoint: true },
      ["AWS_ENDPOINT_URL is set in the shell, but environment prod decides its endpoint: ignored AWS_ENDPOINT_URL, using Connect's own endpoint for the Region"],
    ],
    ["AWS_REGION (the environment's region wins)", { AWS_REGION: 'us-east-1' }, { region: 'eu-west-1' }, []],
  ])('prod over %s', (_, shell, expected, warnings) => {
    const [prod] = resolveTargets({ env: ['prod'] }, shell, project(config));
    expect(prod).toMatchObject(expected);
    // prod names no endpoint: Connect's own, never the shell's.
    expect(prod?.endpointUrl).toBeUndefined();
    expect(prod?.warnings).toEqual(warnings);
  });

  it("the environment's endpoint wins over AWS_ENDPOINT_URL_CONNECT, with a warning; the same value is no news", () => {
    const root = project(config);
    const [dev] = resolveTargets({ env: ['dev'] }, { AWS_ENDPOINT_URL_CONNECT: 'http://127.0.0.1:9999' }, root);
    expect(dev?.endpointUrl).toBe('http://127.0.0.1:4566');
    expect(dev?.warnings).toEqual(['AWS_ENDPOINT_URL_CONNECT is set in the shell, but environment dev decides its endpoint: ignored AWS_ENDPOINT_URL_CONNECT, using http://127.0.0.1:4566']);
    expect(resolveTargets({ env: ['dev'] }, { AWS_ENDPOINT_URL_CONNECT: 'http://127.0.0.1:4566' }, root)[0]?.warnings).toEqual([]);
  });

  it.each([
    ['AWS_ACCESS_KEY_ID', { AWS_ACCESS_KEY_ID: 'AKIA' }],
    ['AWS_WEB_IDENTITY_TOKEN_FILE', { AWS_WEB_IDENTITY_TOKEN_FILE: '/token' }],
    ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/creds' }],
    ['AWS_CONTAINER_CREDENTIALS_FULL_URI', { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials' }],
    ['AWS_PROFILE', { AWS_PROFILE: 'my-own' }],
  ])('credentials in the shell (%s) win over awsProfile', (variable, shell) => {
    const [dev] = resolveTargets({ env: ['dev'] }, shell, project(config));
    expect(dev?.awsProfile).toBeUndefined();
    expect(dev?.notes).toEqual([`environment dev: credentials from the shell (${variable}); awsProfile dev-admin is not used`]);
  });

  it('--quota applies over both the file and the environment; --prune is left to the plan request', () => {
    const [dev] = resolveTargets({ env: ['dev'], quota: ['SearchRoutingProfiles=1:2'] }, {}, project(config));
    expect(dev?.quotas.SearchRoutingProfiles).toEqual({ ratePerSecond: 1, burst: 2 });
  });

  it('chooses: the only environment, else defaultEnvironment, else none (an error naming them); --env all in file order', () => {
    const two = project(config);
    expect(errorOf(() => resolveTargets({}, {}, two))).toEqual([
      'connect-gitops.yaml defines several environments (dev, prod) and none is chosen',
      'Pass --env NAME with one of dev, prod, or --env all with plan and drift. Or set defaultEnvironment in connect-gitops.yaml.',
    ]);
    expect(resolveTargets({ env: ['prod', 'dev', 'prod'] }, {}, two).map((t) => t.environment)).toEqual(['prod', 'dev']);
    expect(resolveTargets({ env: ['all'] }, {}, two).map((t) => t.environment)).toEqual(['dev', 'prod']);
    const withDefault = project(`defaultEnvironment: prod\n${config}`);
    expect(resolveTargets({}, {}, withDefault).map((t) => t.environment)).toEqual(['prod']);
    const one = project('environments:\n  solo: {instanceId: i-1}\n');
    expect(resolveTargets({}, {}, one).map((t) => t.environment)).toEqual(['solo']);
  });

  it('an unknown environment is an error naming the defined ones, with a close match', () => {
    const root = project(config);
    expect(errorOf(() => resolveTargets({ env: ['prd'] }, {}, root))).toEqual([
      'unknown environment "prd"; did you mean "prod"? (defined in connect-gitops.yaml: dev, prod)',
      'Pass --env NAME with one of dev, prod, or --env all with plan and drift.',
    ]);
    // The Action's comma-separated list, typed on the command line; and a typo beside all.
    expect(errorOf(() => resolveTargets({ env: ['dev,prod'] }, {}, root))[1]).toBe(
      'Pass --env NAME with one of dev, prod, or --env all with plan and drift. Name each environment with its own --env: --env dev --env prod.',
    );
    expect(errorOf(() => resolveTargets({ env: ['all', 'prd'] }, {}, root))[0]).toBe('unknown environment "prd"; did you mean "prod"? (defined in connect-gitops.yaml: dev, prod)');
  });

  it('--env without environments in the file, and instance flags with environments, are errors', () => {
    expect(errorOf(() => resolveTargets({ env: ['dev'] }, {}, project('dir: profiles\n')))).toEqual([
      '--env dev: connect-gitops.yaml defines no environments',
      'Define environments: in connect-gitops.yaml, or drop --env and name the instance with --instance-id or CONNECT_INSTANCE_ID.',
    ]);
    expect(errorOf(() => resolveTargets({ env: ['dev'] }, {}, project()))[0]).toBe('--env dev: there is no connect-gitops.yaml here or next to --dir');
    expect(errorOf(() => resolveTargets({ instanceId: 'x', region: 'eu-west-2' }, {}, project(`defaultEnvironment: dev\n${config}`)))).toEqual([
      '--instance-id, --region cannot be used when connect-gitops.yaml defines environments',
      'Choose the instance with --env NAME; its instanceId, region and endpointUrl are set in connect-gitops.yaml.',
    ]);
  });

  it('without environments, the target is what it always was', () => {
    const root = project('instanceId: from-file\n');
    expect(resolveTargets({}, { AWS_ENDPOINT_URL_CONNECT: 'http://127.0.0.1:1' }, root)).toEqual([
      { dir: 'profiles', instanceId: 'from-file', region: undefined, endpointUrl: undefined, ignoreShellEndpoint: false, quotas: {}, warnings: [], notes: [], configFile: join(root, 'connect-gitops.yaml') },
    ]);
  });
});
