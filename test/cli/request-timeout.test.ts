import { describe, expect, it } from 'vitest';
import { requestTimeoutFrom } from '../../src/cli/request-timeout.js';
import { UserInputError } from '../../src/errors.js';

describe('CONNECT_GITOPS_REQUEST_TIMEOUT_MS', () => {
  it('is a whole number of milliseconds; unset or empty leaves the default', () => {
    expect(requestTimeoutFrom({})).toBeUndefined();
    expect(requestTimeoutFrom({ CONNECT_GITOPS_REQUEST_TIMEOUT_MS: ' ' })).toBeUndefined();
    expect(requestTimeoutFrom({ CONNECT_GITOPS_REQUEST_TIMEOUT_MS: '60000' })).toBe(60_000);
  });

  it.each(['0', '-5', '1e3', '30s', '2.5'])('refuses %j', (value) => {
    expect(() => requestTimeoutFrom({ CONNECT_GITOPS_REQUEST_TIMEOUT_MS: value })).toThrow(UserInputError);
    expect(() => requestTimeoutFrom({ CONNECT_GITOPS_REQUEST_TIMEOUT_MS: value })).toThrow(`CONNECT_GITOPS_REQUEST_TIMEOUT_MS must be a whole number of milliseconds above 0, not "${value}"`);
  });
});
