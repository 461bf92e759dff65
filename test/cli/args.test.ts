import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { UserInputError } from '../../src/errors.js';

describe('parseCommandLine', () => {
  it.each([
    [[], { command: 'help' }],
    [['help', 'show'], { command: 'help', topic: 'show' }],
    [['validate', '--format', 'json'], { command: 'validate', format: 'json' }],
    [['plan', '--prune', '--changed-since', 'origin/main'], { command: 'plan', prune: true, changedSince: 'origin/main' }],
    // Not given: connect-gitops.yaml decides.
    [['drift'], { command: 'drift', prune: undefined, changedSince: undefined }],
    [['apply', '--auto-approve', '--format', 'json', '--prune'], { command: 'apply', autoApprove: true, format: 'json', prune: true }],
    [['show', 'plan.json'], { command: 'show', file: 'plan.json', format: 'text' }],
    [['show', '--format', 'markdown', 'plan.json'], { command: 'show', file: 'plan.json', format: 'markdown' }],
    [['apply', '-h'], { command: 'help', topic: 'apply' }],
    [['--version'], { command: 'version' }],
    [['validate', '--dir', 'p'], { command: 'validate', dir: 'p' }],
    [
      ['plan', '--instance-id', 'i-1', '--format', 'json', '--out', 'plan.json', '--detailed-exitcode'],
      { command: 'plan', instanceId: 'i-1', format: 'json', out: 'plan.json', detailedExitcode: true, quota: [] },
    ],
    // drift always reports changes with exit 2.
    [['drift'], { command: 'drift', format: 'text', detailedExitcode: true, quota: [] }],
    [['apply', '--plan', 'plan.json', '--auto-approve'], { command: 'apply', plan: 'plan.json', autoApprove: true, quota: [] }],
    [['emulator', '--port', '0', '--seed', 'demo/live'], { command: 'emulator', port: 0, seedDir: 'demo/live', quotas: 'off' }],
    [['plan', '--help'], { command: 'help', topic: 'plan' }],
    // --env: repeatable on plan and drift, `all` for every environment; none given is an empty list.
    [['plan'], { command: 'plan', env: [] }],
    [['plan', '--env', 'dev', '--env', 'prod'], { command: 'plan', env: ['dev', 'prod'] }],
    [['drift', '--env', 'all'], { command: 'drift', env: ['all'] }],
    [['apply', '--env', 'prod', '--auto-approve'], { command: 'apply', env: ['prod'] }],
    [['export', '--env', 'dev', '--name', 'Sales'], { command: 'export', env: ['dev'], names: ['Sales'] }],
    // The same environment twice is still one.
    [['apply', '--env', 'dev', '--env', 'dev', '--auto-approve'], { command: 'apply', env: ['dev', 'dev'] }],
    [['plan', '--env', 'dev', '--quota', 'SearchRoutingProfiles=5'], { command: 'plan', env: ['dev'], quota: ['SearchRoutingProfiles=5'] }],
  ])('%j', (argv, expected) => {
    expect(parseCommandLine(argv)).toMatchObject(expected);
  });

  it.each([
    [['deploy'], /unknown command "deploy"/],
    [['plan', '--format', 'yaml'], /--format must be one of text, json, markdown/],
    [['plan', '--instanceid', 'x'], /instanceid/],
    [['emulator', '--port', '70000'], /--port must be 0..65535/],
    [['emulator', '--quotas', 'strict'], /--quotas must be off or connect-defaults/],
    [['validate', 'stray'], /stray/],
    // An unknown command is an error even with --help: the global text would hide the typo.
    [['deploy', '--help'], /unknown command "deploy"/],
    [['help', 'deploy'], /unknown command "deploy"/],
    [['validate', '--format', 'markdown'], /--format must be one of text, json, not "markdown"/],
    [['apply', '--format', 'markdown'], /--format must be one of text, json/],
    [['show'], /show needs the plan file/],
    [['show', 'a.json', 'b.json'], /Unexpected argument 'b\.json'/],
    [['plan', '--changed-since', ''], /--changed-since needs a git revision/],
    [['plan', '--changed-since'], /--changed-since/],
    [['plan', '--env', 'dev', '--instance-id', 'i-1'], /^--env cannot be combined with --instance-id: the environment in connect-gitops.yaml says where$/],
    [['drift', '--env', 'all', '--region', 'eu-west-2', '--endpoint-url', 'http://x'], /^--env cannot be combined with --region, --endpoint-url: /],
    [['apply', '--env', 'dev', '--env', 'prod'], /^apply works on one environment at a time, not dev, prod$/],
    [['apply', '--env', 'all'], /^apply works on one environment at a time, not all$/],
    [['export', '--env', 'all'], /^export works on one environment at a time, not all$/],
    [['plan', '--env', ''], /^--env needs an environment name \(or all\)$/],
    [['validate', '--env', 'dev'], /Unknown option '--env'/],
  ])('%j is refused as user input', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UserInputError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
