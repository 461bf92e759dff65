// Turning a failed Connect call into the project's AwsError: what happened, and what the user should do.
import { AwsError } from '../errors.js';
import type { AttemptFailure } from './failure.js';
import type { ConnectOperation } from './operations.js';

/**
 * A non-idempotent write (CreateRoutingProfile, Associate/DisassociateRoutingProfileQueues) lost its answer:
 * Connect may or may not have carried it out. Never resend it blindly; re-read and reconcile (apply does).
 */
export class OutcomeUnknownError extends AwsError {
  readonly outcome = 'unknown' as const;
  constructor(operation: ConnectOperation, failure: AttemptFailure, profile?: string) {
    super(
      `${operation}${profile ? ` for routing profile "${profile}"` : ''}: the answer from Connect was lost (${failure.errorName}: ${failure.message}); the call may or may not have taken effect`,
      operation,
      failure.errorName,
      'Run `connect-gitops plan` to see the current state, then apply again; a re-run converges.',
      profile,
      failure.httpStatus,
    );
  }
}

export function isOutcomeUnknown(e: unknown): e is OutcomeUnknownError {
  return e instanceof OutcomeUnknownError;
}

/** Where the endpoint is set, for every hint that asks to check it. */
const ENDPOINT_SETTINGS = '--endpoint-url, endpointUrl in connect-gitops.yaml or AWS_ENDPOINT_URL_CONNECT';

/** A connection that could not be made: nothing listens there, or the network is in the way. */
const CANNOT_REACH = `Could not reach Connect: check the network, the endpoint (${ENDPOINT_SETTINGS}) and the Region`;

export const UNREACHABLE_HINT = `${CANNOT_REACH}; then run again (a re-run converges).`;

/** The endpoint took the requests and answered none within the request timeout (request-timeout.ts). */
const NO_ANSWER_HINT =
  `Connect did not answer: check that the endpoint (${ENDPOINT_SETTINGS}) is Connect's and that no proxy or firewall holds the requests; then run again (a re-run converges).`;

/**
 * Connect is unreachable (connection refused, name not found): nothing was sent, and the run sends nothing more
 * (the transport refuses every later call at once). Apply reports the rest as skipped.
 */
export class UnreachableError extends AwsError {
  constructor(
    operation: ConnectOperation,
    failure: AttemptFailure,
    profile?: string,
    /** An earlier attempt of the same call lost its answer: it may have taken effect before Connect went away. */
    readonly maybeApplied = false,
  ) {
    super(`Connect is unreachable (${failure.errorName}: ${failure.message}); nothing more is sent`, operation, failure.errorName, UNREACHABLE_HINT, profile);
  }
}

export function isUnreachable(e: unknown): e is UnreachableError {
  return e instanceof UnreachableError;
}

/** Thrown instead of sending when the caller's AbortSignal fired first (SIGINT/SIGTERM during apply). */
export class NotSentError extends Error {
  constructor(readonly operation: ConnectOperation) {
    super(`${operation} was not sent: interrupted`);
    this.name = 'NotSentError';
  }
}

export interface ErrorContext {
  operation: ConnectOperation;
  profile?: string;
  /** Attempts made (more than one means the retry budget ran out). */
  attempts: number;
  elapsedMs: number;
}

const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'ExpiredTokenException',
  'ExpiredToken',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'TokenRefreshRequired',
  'SSOTokenProviderFailure',
]);

const CREDENTIALS_HINT =
  'Provide AWS credentials through the standard chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY(/AWS_SESSION_TOKEN), ' +
  'AWS_PROFILE (run `aws sso login` if it uses SSO and the session expired), or a role (OIDC web identity in CI); ' +
  "an environment's awsProfile in connect-gitops.yaml must name a profile of the AWS shared config that exists and " +
  'is logged in (e.g. `aws sso login --profile NAME`).';

/**
 * Where the instance and its Region are set, in either way of running: flags (no environments in
 * connect-gitops.yaml; refused with them) or the chosen environment's own settings. The transport cannot tell which.
 */
const INSTANCE_SETTINGS = "--instance-id/--region, or the environment's instanceId/region in connect-gitops.yaml";

/** Maps a final (not retried any more) failure to an AwsError carrying a hint. */
export function toAwsError(failure: AttemptFailure, ctx: ErrorContext): AwsError {
  // The message is Connect's own (plus what we add to it); operation, error name and profile travel as fields,
  // and the presenters (cli/exit.ts, render/apply-result.ts) compose the sentence once.
  const base = failure.message;
  const make = (hint: string, message = base): AwsError =>
    new AwsError(message, ctx.operation, failure.errorName, hint, ctx.profile, failure.httpStatus);
  const retried = ctx.attempts > 1 ? ` (after ${ctx.attempts} attempts over ${Math.round(ctx.elapsedMs / 1000)} s)` : '';

  if (failure.errorName === 'LimitExceededException' && ctx.operation === 'CreateRoutingProfile') {
    return make(
      'The instance has reached its routing profile quota (500 routing profiles per instance by default): ' +
        'delete unused routing profiles or request an increase in Service Quotas.',
      `${base} (routing profile quota reached: 500 routing profiles per instance by default)`,
    );
  }
  if (CREDENTIAL_ERRORS.has(failure.errorName) || /could not load credentials|security token.*(expired|invalid)/i.test(failure.message)) {
    return make(CREDENTIALS_HINT);
  }
  if (/region is missing/i.test(failure.message)) {
    return make("Set the Region: --region, AWS_REGION, or region in connect-gitops.yaml (the environment's own region with environments).");
  }
  switch (failure.errorName) {
    case 'AccessDeniedException':
      return make(
        `The identity running connect-gitops lacks the IAM permission connect:${ctx.operation} on this instance ` +
          '(and its routing profiles and queues); add it to the role or user policy.',
      );
    case 'ResourceNotFoundException':
      if (ctx.operation === 'CreateRoutingProfile') {
        return make(`A queue the file names, or the instance itself, was not found: check the queue references, and the instance ID and Region (${INSTANCE_SETTINGS}).`);
      }
      return make(
        ctx.profile || isProfileLevel(ctx.operation)
          ? 'The routing profile or a queue it names no longer exists; run `connect-gitops plan` again to see the current state. ' +
              `If this persists, check the instance ID and Region (${INSTANCE_SETTINGS}).`
          : `Check the instance ID (an ID or ARN) and Region (${INSTANCE_SETTINGS}): Connect did not find that instance in that Region.`,
      );
    case 'DuplicateResourceException':
      return make('Another routing profile already has this name; names are unique per instance. Rename one of them.');
    case 'InvalidParameterException':
    case 'InvalidRequestException':
      return make('Connect rejected the values sent; check the profile file against the message above, then plan again.');
    case 'ResourceInUseException':
      return make('The resource is in use; retry once whatever uses it has finished.');
    default:
      break;
  }
  switch (failure.kind) {
    case 'throttling':
      return make(
        'Connect kept throttling: another tool may be using the same quota. Retry later, or if your account has ' +
          'different API quotas set them in connect-gitops.yaml (`quotas`).',
        `${base}${retried}`,
      );
    case 'transient':
      return make('Connect reported an internal error; retry later (a re-run converges).', `${base}${retried}`);
    case 'unreachable':
      return make(UNREACHABLE_HINT);
    case 'network-maybe-sent':
    case 'network-not-sent':
      if (failure.errorName === 'ETIMEDOUT') return make(NO_ANSWER_HINT, `${base}${retried}`);
      return make(`${CANNOT_REACH}.`, `${base}${retried}`);
    case 'fatal':
      return make('See the message from Connect above.');
  }
}

function isProfileLevel(operation: ConnectOperation): boolean {
  return operation !== 'SearchRoutingProfiles' && operation !== 'ListQueues' && operation !== 'CreateRoutingProfile';
}
