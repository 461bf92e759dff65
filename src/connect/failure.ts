// Classifying what went wrong with one attempt, from the raw error the SDK threw. The SDK's own retry strategy
// is switched off (maxAttempts 1) so this classification decides retries; it follows the SDK's
// getRetryErrorType (wire-protocol §5, "Retry classification") with two deliberate differences:
// LimitExceededException on CreateRoutingProfile is a resource quota, not throttling, and a network error on a
// non-idempotent write is "outcome unknown" rather than retryable.
import { ConnectServiceException } from '@aws-sdk/client-connect';

export type FailureKind =
  /** ThrottlingException, TooManyRequestsException, any 429: wait and retry. */
  | 'throttling'
  /** InternalServiceException, 500/502/503/504: Connect failed; retry. */
  | 'transient'
  /** The request may or may not have reached Connect (reset, hang-up, timeout). */
  | 'network-maybe-sent'
  /** The request never left (a temporary DNS failure, no route): always safe to retry. */
  | 'network-not-sent'
  /**
   * Connect is not there: connection refused, or its name does not resolve (design.md, "Unreachable"). Nothing
   * was sent, and retrying would only burn time: the run stops sending. A reset connection is not this: it is
   * how a lost answer looks (network-maybe-sent).
   */
  | 'unreachable'
  /** Anything else: retrying would get the same answer. */
  | 'fatal';

export interface AttemptFailure {
  kind: FailureKind;
  /** Connect's error name (ThrottlingException), a Node error code (ECONNRESET) or the JS error name. */
  errorName: string;
  httpStatus?: number;
  message: string;
}

const THROTTLING_NAMES = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling', 'RequestLimitExceeded']);
const TRANSIENT_NAMES = new Set(['InternalServiceException', 'ServiceUnavailableException', 'ServiceUnavailable']);
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
/** Node socket codes meaning nothing listens there: refused, or the name does not exist. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND']);
/** Node socket codes where the connection failed before any byte was sent, but may work a moment later. */
const NOT_SENT_CODES = new Set(['EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Node socket codes and SDK names where the request may have been processed and only the answer was lost. */
const MAYBE_SENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

export function classifyFailure(error: unknown): AttemptFailure {
  const message = error instanceof Error ? error.message : String(error);
  const httpStatus = httpStatusOf(error);
  const code = codeOf(error);
  const name = error instanceof Error ? error.name : 'Unknown';

  if (error instanceof ConnectServiceException || httpStatus !== undefined) {
    const errorName = error instanceof ConnectServiceException ? error.name : name;
    if (errorName === 'LimitExceededException') {
      // Connect answers 429 LimitExceededException both for a resource quota (CreateRoutingProfile: 500
      // profiles per instance) and, in principle, for rate limits; the caller decides per operation.
      return { kind: 'throttling', errorName, httpStatus, message };
    }
    if (THROTTLING_NAMES.has(errorName) || httpStatus === 429) return { kind: 'throttling', errorName, httpStatus, message };
    if (TRANSIENT_NAMES.has(errorName) || (httpStatus !== undefined && TRANSIENT_STATUSES.has(httpStatus))) {
      return { kind: 'transient', errorName, httpStatus, message };
    }
    return { kind: 'fatal', errorName, httpStatus, message };
  }
  if (code !== undefined && UNREACHABLE_CODES.has(code)) return { kind: 'unreachable', errorName: code, message };
  if (code !== undefined && NOT_SENT_CODES.has(code)) return { kind: 'network-not-sent', errorName: code, message };
  if ((code !== undefined && MAYBE_SENT_CODES.has(code)) || TIMEOUT_NAMES.has(name) || /socket hang up/i.test(message)) {
    return { kind: 'network-maybe-sent', errorName: code ?? name, message };
  }
  return { kind: 'fatal', errorName: code ?? name, message };
}

/** The HTTP status of a service answer: $metadata on modelled errors, $response on unparseable ones. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  if (typeof metadata?.httpStatusCode === 'number') return metadata.httpStatusCode;
  // A non-JSON error body (an HTML 502 from a proxy) makes the SDK throw a SyntaxError with $response attached.
  const response = (error as { $response?: { statusCode?: unknown } }).$response;
  if (typeof response?.statusCode === 'number') return response.statusCode;
  return undefined;
}

function codeOf(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 3) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node's happy-eyeballs connect (a host name with several addresses) fails with an AggregateError of one
  // error per address: they agree on the code when nothing listens anywhere.
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors) && errors.length > 0) {
    const codes = new Set(errors.map((e) => codeOf(e, depth + 1)));
    const [only] = [...codes];
    if (codes.size === 1 && only !== undefined) return only;
  }
  // Some HTTP stacks nest the socket error as `cause`.
  return codeOf((error as { cause?: unknown }).cause, depth + 1);
}
