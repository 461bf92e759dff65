import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { UserInputError } from '../../src/errors.js';

describe('parseCommandLine', () => {
  it.each([
    [[], { command: 'help', topic: undefined }],
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
  ])('%j is refused as user input', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UserInputError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
