// A request that Connect accepted but never answered. The SDK's request handler ends it after the client's
// requestTimeout (only with throwOnRequestTimeout: without it, the handler prints a warning and waits forever)
// and rejects with its own wording, which names the handler package rather than what happened. This rewords it
// where the timeout is known, keeping the shape (TimeoutError, ETIMEDOUT) that classifies it as a lost answer
// (failure.ts): retried for reads and idempotent writes, "outcome unknown" for a non-idempotent write.
import type { ConnectClient } from '@aws-sdk/client-connect';

/** What the user reads after the operation's name: "the endpoint did not answer within 30 s". */
export function noAnswerMessage(timeoutMs: number): string {
  return `the endpoint did not answer within ${timeoutMs / 1000} s`;
}

/** The handler's own request-timeout error: the only TimeoutError whose message names `requestTimeout`. */
function isRequestTimeout(error: unknown): error is Error {
  return error instanceof Error && error.name === 'TimeoutError' && /\brequestTimeout\b/.test(error.message);
}

export function rewordRequestTimeouts(client: ConnectClient, timeoutMs: number): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (!isRequestTimeout(error)) throw error;
        throw Object.assign(new Error(noAnswerMessage(timeoutMs), { cause: error }), { name: 'TimeoutError', code: 'ETIMEDOUT' });
      }
    },
    // Innermost, next to the request handler: nothing else sees the handler's wording.
    { step: 'deserialize', priority: 'low', name: 'rewordRequestTimeout' },
  );
}
