// The one place that maps outcomes to exit codes and messages.
import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/exit.js';
import { AwsError, InternalError, StalePlanError, UserInputError } from '../../src/errors.js';

describe('reportError', () => {
  it('prints each input problem as file:line:column and never a stack', () => {
    const r = reportError(new UserInputError('the profile files are invalid: 1 problem in 1 file', [{ file: 'profiles/a.yaml', line: 3, column: 5, message: 'name must not be empty' }]));
    expect(r).toEqual({
      exitCode: 1,
      lines: ['profiles/a.yaml:3:5: name must not be empty', 'Error: the profile files are invalid: 1 problem in 1 file', 'Fix the files or flags named above and run again.'],
    });
  });

  it('says which call failed, on which profile, and what to do', () => {
    const r = reportError(new AwsError('not authorized', 'DescribeRoutingProfile', 'AccessDeniedException', 'Allow connect:DescribeRoutingProfile.', 'Tier1 Support', 403));
    expect(r.exitCode).toBe(1);
    expect(r.lines).toEqual(['Error: DescribeRoutingProfile for routing profile "Tier1 Support" failed: AccessDeniedException: not authorized', 'Allow connect:DescribeRoutingProfile.']);
  });

  it('lists what moved under a stale plan', () => {
    const r = reportError(new StalePlanError('the live instance changed', ['Tier1 Support: planned "update description", now "no changes"']));
    expect(r.lines[1]).toBe('  - Tier1 Support: planned "update description", now "no changes"');
    expect(r.lines.at(-1)).toMatch(/plan --out/);
  });

  it('calls anything unknown a bug and keeps its stack for the report', () => {
    const r = reportError(new TypeError('x is undefined'));
    expect(r.exitCode).toBe(1);
    expect(r.lines[0]).toBe('Error: internal: x is undefined');
    expect(r.lines.join('\n')).toMatch(/at /);
    expect(reportError(new InternalError('invariant')).lines[0]).toBe('Error: internal: invariant');
  });
});
