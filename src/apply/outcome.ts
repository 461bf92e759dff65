// Turning what a call threw into the CallOutcome the report shows.
import { NotSentError } from '../connect/errors.js';
import { isKnownError } from '../errors.js';
import type { Call } from '../plan/types.js';
import type { CallOutcome } from './types.js';

export const INTERRUPTED = 'interrupted: apply was stopped before this call was sent';

/** `aborted`: the run's signal had fired, so a non-Connect error is the abort itself (its reason may be anything). */
export function outcomeOfError(call: Call, error: unknown, aborted = false): CallOutcome {
  if (error instanceof NotSentError || (error instanceof Error && error.name === 'AbortError') || (aborted && !isKnownError(error))) {
    return { status: 'skipped', call, reason: INTERRUPTED };
  }
  if (isKnownError(error)) {
    const errorName = 'errorName' in error ? error.errorName : error.name;
    return { status: 'failed', call, errorName, message: error.message, hint: error.hint };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'failed',
    call,
    errorName: error instanceof Error ? error.name : 'Error',
    message,
    hint: 'This is a bug in connect-gitops; please report it with the output above.',
  };
}
