// connect-gitops.yaml: read with the profile files' YAML reader and a JSON Schema; every problem is located.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkConfigText, readConfigFile } from '../../src/cli/config-file.js';
import { UserInputError } from '../../src/errors.js';
import { tempTrees } from '../temp-tree.js';

const FILE = 'connect-gitops.yaml';
const ARN = 'arn:aws:connect:eu-west-2:111111111111:instance/0000-dev';

/** The problems of a config text, as the CLI prints them. */
function problems(text: string): string[] {
  return checkConfigText(FILE, text).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
}

const tree = tempTrees('cg-config-');
const written = (text: string): string => tree({ [FILE]: text });

/** The located problems readConfigFile throws for the file in `root`. */
function problemsOfFile(root: string): string[] {
  try {
    readConfigFile(join(root, FILE), { cwd: root });
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return (e as UserInputError).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  }
  return [];
}

describe('readConfigFile', () => {
  it('reads environments in file order, merging nothing yet, with paths resolved against the file', () => {
    const root = written(
      [
        'dir: profiles',
        'quotas: {DescribeRoutingProfile: {ratePerSecond: 5, burst: 10}}',
        'prune: false',
        'owner: platform',
        'defaultEnvironment: dev',
        'environments:',
        '  dev:',
        `    instanceId: ${ARN}`,
        '    endpointUrl: http://127.0.0.1:4566',
        '    awsProfile: dev-admin',
        '    quotas: {SearchRoutingProfiles: {ratePerSecond: 4}}',
        '    overlay: overlays/dev',
        '    prune: true',
        '  prod:',
        '    instanceId: 0000-prod',
        '    region: eu-west-1',
        '    owner: team-a',
        '',
      ].join('\n'),
    );
    mkdirSync(join(root, 'overlays/dev'), { recursive: true });
    const config = readConfigFile(join(root, FILE), { cwd: root });
    expect(config).toEqual({
      file: join(root, FILE),
      shownAs: FILE,
      dir: join(root, 'profiles'),
      quotas: { DescribeRoutingProfile: { ratePerSecond: 5, burst: 10 } },
      prune: false,
      owner: 'platform',
      defaultEnvironment: 'dev',
      environments: [
        {
          name: 'dev',
          instanceId: ARN,
          endpointUrl: 'http://127.0.0.1:4566',
          awsProfile: 'dev-admin',
          quotas: { SearchRoutingProfiles: { ratePerSecond: 4, burst: 4 } },
          overlayDir: join(root, 'overlays/dev'),
          prune: true,
        },
        { name: 'prod', instanceId: '0000-prod', region: 'eu-west-1', quotas: {}, owner: 'team-a' },
      ],
    });
  });

  it("reports an overlay folder that is missing or is a file at its overlay: line, where the mistake is", () => {
    const root = written(['environments:', '  dev:', '    instanceId: a', '    overlay: overlays/dev', '  prod:', '    instanceId: b', '    overlay: prod.yaml', ''].join('\n'));
    writeFileSync(join(root, 'prod.yaml'), 'name: x\n');
    expect(problemsOfFile(root)).toEqual([
      'connect-gitops.yaml:4:14: the overlay folder "overlays/dev" of environment "dev" cannot be used: it does not exist; create it, or correct the path (relative to this file)',
      'connect-gitops.yaml:7:14: the overlay folder "prod.yaml" of environment "prod" cannot be used: it is not a folder; create it, or correct the path (relative to this file)',
    ]);
    // The folder holding the profiles folder: its profile files would be read as overlays.
    writeFileSync(join(root, FILE), ['dir: profiles/all', 'environments:', '  dev:', '    instanceId: a', '    overlay: profiles', ''].join('\n'));
    mkdirSync(join(root, 'profiles/all'), { recursive: true });
    expect(problemsOfFile(root)).toEqual([
      'connect-gitops.yaml:5:14: the overlay folder "profiles" of environment "dev" cannot be used: it is the profiles folder or holds it; give overlays a folder of their own',
    ]);
  });

  it('reads an empty file (or comments only) as no settings', () => {
    const root = written('# nothing yet\n');
    expect(readConfigFile(join(root, FILE), { cwd: root })).toEqual({ file: join(root, FILE), shownAs: FILE, quotas: {}, environments: [] });
  });

  it('throws one UserInputError listing every problem, each with file:line:column', () => {
    const root = written(['environments:', '  all: {instanceId: a}', '  Dev: {instanceId: b}', ''].join('\n'));
    let error: unknown;
    try {
      readConfigFile(join(root, FILE), { cwd: root });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).message).toBe('connect-gitops.yaml is invalid: 2 problems');
    expect((error as UserInputError).problems.map((p) => [p.line, p.column])).toEqual([
      [2, 3],
      [3, 3],
    ]);
  });
});

describe('problems in connect-gitops.yaml', () => {
  it.each([
    ['unknown key at the top', 'environment:\n  dev: {instanceId: a}\n', [
      'connect-gitops.yaml:1:1: unknown key "environment"; did you mean "environments"? (allowed: dir, instanceId, region, quotas, prune, owner, profileQuota, defaultEnvironment, environments)',
    ]],
    ['unknown key in an environment', 'environments:\n  dev:\n    instanceId: a\n    endpoint: http://x\n', [
      'connect-gitops.yaml:4:5: unknown key "endpoint" in environments.dev; did you mean "endpointUrl"? (allowed: instanceId, region, endpointUrl, awsProfile, quotas, overlay, prune, owner, profileQuota)',
    ]],
    ['an environment without instanceId', 'environments:\n  dev:\n    region: eu-west-2\n', ['connect-gitops.yaml:3:5: environments.dev: missing required key "instanceId"']],
    ['a wrong type', 'environments:\n  dev:\n    instanceId: a\n    prune: "yes"\n', ['connect-gitops.yaml:4:12: environments.dev.prune must be true or false, not a string ("yes")']],
    ['environments as a list', 'environments:\n  - dev\n', ['connect-gitops.yaml:2:3: environments must be a mapping, not a list']],
    ['a reserved name', 'environments:\n  all: {instanceId: a}\n', ['connect-gitops.yaml:2:3: "all" is reserved for --env all (every environment); name the environment differently']],
    ['a bad name', 'environments:\n  Prod EU: {instanceId: a}\n', [
      'connect-gitops.yaml:2:3: environment name "Prod EU" must be 1 to 32 of a-z, 0-9, "-" and "_", starting with a letter or digit (it appears in headings and job names)',
    ]],
    ['top-level instanceId with environments', 'instanceId: a\nregion: eu-west-2\nenvironments:\n  dev: {instanceId: b}\n', [
      'connect-gitops.yaml:1:1: instanceId at the top level is not allowed with environments: move it into each environment (environments.<name>.instanceId)',
      'connect-gitops.yaml:2:1: region at the top level is not allowed with environments: move it into each environment (environments.<name>.region)',
    ]],
    ['an unknown defaultEnvironment', 'defaultEnvironment: prd\nenvironments:\n  dev: {instanceId: a}\n  prod: {instanceId: b}\n', [
      'connect-gitops.yaml:1:21: defaultEnvironment "prd" is not an environment defined here; did you mean "prod"? (defined: dev, prod)',
    ]],
    ['defaultEnvironment without environments', 'defaultEnvironment: dev\n', ['connect-gitops.yaml:1:1: defaultEnvironment needs environments: to choose from; define environments or remove it']],
    ['an empty environments mapping', 'environments: {}\n', ['connect-gitops.yaml:1:1: environments: defines no environment; define one (name: {instanceId: ...}) or remove the key']],
    ['an endpoint that is not a URL', 'environments:\n  dev: {instanceId: a, endpointUrl: "127.0.0.1:4566"}\n', [
      'connect-gitops.yaml:2:37: endpointUrl must be an http:// or https:// URL, not "127.0.0.1:4566"',
    ]],
    ['a Region contradicting the ARN', `environments:\n  dev:\n    instanceId: ${ARN}\n    region: us-east-1\n`, [
      'connect-gitops.yaml:4:13: region us-east-1 contradicts the instance ARN, which is in eu-west-2; remove region (the ARN names it) or correct it',
    ]],
    ['a malformed ARN', 'environments:\n  dev: {instanceId: "arn:aws:connect:eu-west-2:1:instance/x"}\n', [
      'connect-gitops.yaml:2:21: "arn:aws:connect:eu-west-2:1:instance/x" is not an Amazon Connect instance ARN.',
    ]],
    ['a quota for an operation never called', 'environments:\n  dev:\n    instanceId: a\n    quotas: {DescribeRoutingProfiles: {ratePerSecond: 5}}\n', [
      'connect-gitops.yaml:4:14: "DescribeRoutingProfiles" is not an operation connect-gitops calls; did you mean "DescribeRoutingProfile"?',
    ]],
    ['a burst under 1', 'quotas:\n  SearchRoutingProfiles: {ratePerSecond: 2, burst: 0}\n', ['connect-gitops.yaml:2:52: quotas.SearchRoutingProfiles.burst must be at least 1, not 0']],
    ['a blank owner', 'environments:\n  dev: {instanceId: a, owner: " "}\n', ['connect-gitops.yaml:2:31: owner must be 1..256 characters, not blank']],
    ['a profile quota of 0', 'profileQuota: 0\n', ['connect-gitops.yaml:1:15: profileQuota must be at least 1, not 0']],
    ['two environments naming one instance', `environments:\n  dev: {instanceId: ${ARN}}\n  test: {instanceId: 0000-dev}\n`, [
      'connect-gitops.yaml:3:22: environments "dev" and "test" name the same instance (0000-dev); each environment is an instance of its own',
    ]],
    ['one instance ID at two endpoints (two emulators) is two instances', 'environments:\n  dev: {instanceId: a, endpointUrl: "http://127.0.0.1:4566"}\n  prod: {instanceId: a, endpointUrl: "http://127.0.0.1:4567"}\n', []],
    ['an instance ID with a control character and a space', 'environments:\n  dev: {instanceId: "x\\e[31mRED two"}\n', [
      'connect-gitops.yaml:2:21: "x\\u001b[31mRED two" is not an Amazon Connect instance ID: 1 to 100 printable characters without spaces.',
    ]],
    ['a syntax error', 'environments: [\n', ['connect-gitops.yaml:2:1: YAML syntax error: deficient indentation']],
    ['two documents', 'dir: a\n---\ndir: b\n', ['connect-gitops.yaml:3:1: a second document: connect-gitops.yaml holds one mapping of settings']],
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});
