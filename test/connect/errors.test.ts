import { AccessDeniedException, ConnectServiceException, ThrottlingException } from '@aws-sdk/client-connect';
import { describe, expect, it } from 'vitest';
import { toAwsError } from '../../src/connect/errors.js';
import { classifyFailure } from '../../src/connect/failure.js';
import type { ConnectOperation } from '../../src/connect/operations.js';
import { connectionRefused, networkReset, sdkError } from './support/fake-connect.js';

const fail = (e: unknown, operation: ConnectOperation = 'DescribeRoutingProfile', profile?: string) =>
  toAwsError(classifyFailure(e), { operation, profile, attempts: 1, elapsedMs: 0 });

describe('classifyFailure', () => {
  it.each([
    [new ThrottlingException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }), 'throttling'],
    [sdkError('TooManyRequestsException', 429), 'throttling'],
    [sdkError('InvalidParameterException', 429), 'throttling'],
    [sdkError('InternalServiceException', 500), 'transient'],
    [sdkError('Unknown', 503), 'transient'],
    [Object.assign(new SyntaxError('Unexpected token <'), { $response: { statusCode: 502 } }), 'transient'],
    [sdkError('ResourceNotFoundException', 404), 'fatal'],
    [new AccessDeniedException({ message: 'no', $metadata: { httpStatusCode: 403 } }), 'fatal'],
    [networkReset(), 'network-maybe-sent'],
    [Object.assign(new Error('Request timed out'), { name: 'TimeoutError' }), 'network-maybe-sent'],
    [new Error('socket hang up'), 'network-maybe-sent'],
    // Unreachable means connection refused or name not found (design.md); a reset stays a lost answer.
    [connectionRefused(), 'unreachable'],
    [Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), 'unreachable'],
    [Object.assign(new AggregateError([connectionRefused(), connectionRefused()], 'connect failed'), {}), 'unreachable'],
    [Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' }), 'network-not-sent'],
    [Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' }), 'network-not-sent'],
    [new TypeError('x is not a function'), 'fatal'],
  ])('%s -> %s', (error, kind) => {
    expect(classifyFailure(error).kind).toBe(kind);
  });

  it('reads the name of an unmodelled Connect error', () => {
    const e = new ConnectServiceException({ name: 'SomethingNewException', $fault: 'client', $metadata: { httpStatusCode: 418 } });
    expect(classifyFailure(e)).toMatchObject({ kind: 'fatal', errorName: 'SomethingNewException', httpStatus: 418 });
  });
});

describe('toAwsError hints', () => {
  it('AccessDenied names the missing IAM action', () => {
    const e = fail(new AccessDeniedException({ message: 'not authorized', $metadata: { httpStatusCode: 403 } }), 'UpdateRoutingProfileConcurrency', 'Tier1');
    expect(e.hint).toContain('connect:UpdateRoutingProfileConcurrency');
    expect(e.profile).toBe('Tier1');
    // Connect's own words; the operation and profile are fields the presenters put in front, once.
    expect(e.message).toBe('not authorized');
    expect(e.operation).toBe('UpdateRoutingProfileConcurrency');
  });

  it("ResourceNotFound on an instance-level read points at the instance settings, flags or the environment's", () => {
    expect(fail(sdkError('ResourceNotFoundException', 404), 'SearchRoutingProfiles').hint).toBe(
      "Check the instance ID (an ID or ARN) and Region (--instance-id/--region, or the environment's instanceId/region in connect-gitops.yaml): " +
        'Connect did not find that instance in that Region.',
    );
    expect(fail(sdkError('ResourceNotFoundException', 404), 'CreateRoutingProfile', 'P').hint).toBe(
      'A queue the file names, or the instance itself, was not found: check the queue references, and the instance ID and Region ' +
        "(--instance-id/--region, or the environment's instanceId/region in connect-gitops.yaml).",
    );
  });

  it('ResourceNotFound on a profile says it may be gone', () => {
    expect(fail(sdkError('ResourceNotFoundException', 404), 'DescribeRoutingProfile', 'P').hint).toMatch(/no longer exists/);
  });

  it('missing or expired credentials say how to provide them', () => {
    const missing = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(fail(missing).hint).toMatch(/AWS_PROFILE/);
    expect(fail(sdkError('ExpiredTokenException', 403, 'The security token included in the request is expired')).hint).toMatch(/sso login/);
    // With environments the profile may be the file's: it must exist in the shared config and be logged in.
    const noProfile = Object.assign(new Error('Could not resolve credentials using profile: [dev-admin] in configuration/credentials file(s).'), {
      name: 'CredentialsProviderError',
    });
    expect(fail(noProfile).hint).toMatch(/an environment's awsProfile in connect-gitops\.yaml must name a profile of the AWS shared config that exists and is logged in \(e\.g\. `aws sso login --profile NAME`\)\.$/);
  });

  it('a missing region says where to set it', () => {
    expect(fail(new Error('Region is missing')).hint).toBe(
      "Set the Region: --region, AWS_REGION, or region in connect-gitops.yaml (the environment's own region with environments).",
    );
  });

  it('a connection that fails names every place the endpoint is set; a refused one and a silent one say what to do next', () => {
    const where = '(--endpoint-url, endpointUrl in connect-gitops.yaml or AWS_ENDPOINT_URL_CONNECT)';
    expect(fail(connectionRefused()).hint).toBe(`Could not reach Connect: check the network, the endpoint ${where} and the Region; then run again (a re-run converges).`);
    expect(fail(Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' })).hint).toBe(
      `Could not reach Connect: check the network, the endpoint ${where} and the Region.`,
    );
    expect(fail(Object.assign(new Error('the endpoint did not answer within 30 s'), { name: 'TimeoutError', code: 'ETIMEDOUT' })).hint).toBe(
      `Connect did not answer: check that the endpoint ${where} is Connect's and that no proxy or firewall holds the requests; then run again (a re-run converges).`,
    );
  });

  it('a duplicate name on rename says names are unique', () => {
    expect(fail(sdkError('DuplicateResourceException', 409), 'UpdateRoutingProfileName').hint).toMatch(/unique/);
  });
});
