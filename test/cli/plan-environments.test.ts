// One environment's failure as its outcome in a run over several: the words the CLI would print for it alone.
import { describe, expect, it } from 'vitest';
import { environmentError } from '../../src/cli/plan-environments.js';
import { AwsError, InternalError, UserInputError } from '../../src/errors.js';

describe('environmentError', () => {
  it('keeps a user-input error with its located problems, one a line, and its hint', () => {
    const error = new UserInputError('the profile files are invalid: 1 problem in 1 file', [{ file: 'p.yaml', line: 3, column: 5, message: 'bad' }], 'Fix it.');
    expect(environmentError(error)).toEqual({ kind: 'user-input', message: 'the profile files are invalid: 1 problem in 1 file\np.yaml:3:5: bad', hint: 'Fix it.' });
  });

  it('words a Connect failure as the single-environment run does', () => {
    const error = new AwsError('Connect is unreachable (ECONNREFUSED: connect refused); nothing more is sent', 'SearchRoutingProfiles', 'ECONNREFUSED', 'Check the endpoint.');
    expect(environmentError(error)).toEqual({
      kind: 'aws',
      message: 'SearchRoutingProfiles failed: ECONNREFUSED: Connect is unreachable (ECONNREFUSED: connect refused); nothing more is sent',
      hint: 'Check the endpoint.',
    });
  });

  it('reports anything else as internal, without a stack', () => {
    expect(environmentError(new TypeError('x is undefined'))).toEqual({ kind: 'internal', message: 'x is undefined', hint: 'This is a bug in connect-gitops; please report it with the output above.' });
    expect(environmentError(new InternalError('invariant'))).toMatchObject({ kind: 'internal', message: 'invariant' });
  });
});
