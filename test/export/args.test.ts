import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { UserInputError } from '../../src/errors.js';

describe('export on the command line', () => {
  it('takes --dir, repeated --name, --force and the target flags', () => {
    expect(parseCommandLine(['export', '--dir', 'p', '--name', 'Tier1 Support', '--name', 'yes', '--force', '--instance-id', 'i-1', '--quota', 'DescribeRoutingProfile=20'])).toEqual({
      command: 'export',
      dir: 'p',
      instanceId: 'i-1',
      region: undefined,
      endpointUrl: undefined,
      quota: ['DescribeRoutingProfile=20'],
      env: [],
      names: ['Tier1 Support', 'yes'],
      force: true,
    });
    expect(parseCommandLine(['export'])).toMatchObject({ command: 'export', names: [], force: false });
  });

  it('refuses what plan-only flags would mean nothing to', () => {
    expect(() => parseCommandLine(['export', '--format', 'json'])).toThrow(UserInputError);
  });
});
