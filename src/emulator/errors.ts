// Connect's errors as the SDK parses them: the name travels in `x-amzn-ErrorType`, the status is the one
// the model's error shape declares, and the JSON body carries `Message` (wire-protocol.md section 5).
import { modelErrorStatus } from './model.js';

/**
 * Errors the AWS front end answers before Connect's model applies; they are not Connect error shapes,
 * so their statuses are stated here. UNVERIFIED in detail (no capture against real Connect): these are the
 * names and statuses AWS REST-JSON services give for these situations.
 */
export const FRONT_END_ERROR_STATUS: Readonly<Record<string, number>> = {
  /** A request without an Authorization header. */
  MissingAuthenticationTokenException: 403,
  /** An Authorization header that is not SigV4. */
  IncompleteSignatureException: 403,
  /** A body that is not JSON. */
  SerializationException: 400,
  /** A method and path that match no operation. */
  UnknownOperationException: 404,
  /** IAM refused the caller (none of the 19 operations models it, but every AWS API can answer it). */
  AccessDeniedException: 403,
};

export class ConnectError extends Error {
  readonly status: number;
  constructor(
    readonly errorType: string,
    message: string,
    /** Extra modelled members, e.g. ResourceInUseException's ResourceType and ResourceId. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = errorType;
    const status = modelErrorStatus(errorType) ?? FRONT_END_ERROR_STATUS[errorType];
    if (status === undefined) throw new Error(`no HTTP status known for ${errorType}`);
    this.status = status;
  }
}

export const invalidParameter = (message: string): ConnectError =>
  new ConnectError('InvalidParameterException', message);

export const notFound = (message: string): ConnectError => new ConnectError('ResourceNotFoundException', message);
