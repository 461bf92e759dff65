// Turning what a call threw into the CallOutcome the report shows.
import { isOutcomeUnknown, isUnreachable, NotSentError, type UnreachableError } from '../connect/errors.js';
import { AwsError, BUG_HINT, isKnownError } from '../errors.js';
import type { Call } from '../plan/types.js';
import type { ApplyContext } from './context.js';
import type { CallOutcome } from './types.js';

export const INTERRUPTED = 'interrupted: apply was stopped before this call was sent';

/** Why a call was not sent once Connect stopped answering. */
export function unreachableReason(e: UnreachableError): string {
  return `not sent: Connect is unreachable (${e.errorName})`;
}

/**
 * Outcome of a call that threw. `aborted`: the run's signal had fired, so a non-Connect error is the abort itself
 * (its reason may be anything). An UnreachableError from a call that was never answered and never lost an answer
 * means the call was not sent: skipped; the run then sends nothing more (ctx.unreachable).
 */
export function outcomeOfError(call: Call, error: unknown, ctx: ApplyContext): CallOutcome {
  const aborted = ctx.signal?.aborted ?? false;
  if (error instanceof NotSentError || (error instanceof Error && error.name === 'AbortError') || (aborted && !isKnownError(error))) {
    return { status: 'skipped', call, reason: INTERRUPTED };
  }
  if (isUnreachable(error)) {
    ctx.unreachable ??= error;
    if (!error.maybeApplied) return { status: 'skipped', call, reason: unreachableReason(error) };
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
    hint: BUG_HINT,
  };
}

/**
 * Runs the reconciliation that follows a call Connect answered ambiguously (a lost answer, a duplicate name, a
 * pair already there). If Connect becomes unreachable meanwhile, the call was sent and what it did is unknown:
 * that is a failure to report (the lost answer, or the refusal with why it could not be checked), never a
 * "not sent".
 */
export async function reconcile<T>(answer: unknown, ctx: ApplyContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!isUnreachable(e)) throw e;
    ctx.unreachable ??= e;
    if (isOutcomeUnknown(answer)) throw answer;
    const first = answer instanceof AwsError ? `${answer.operation} answered ${answer.errorName}` : 'the call was answered';
    throw new AwsError(`${first}, and Connect became unreachable before the result could be checked (${e.errorName})`, e.operation, e.errorName, e.hint, e.profile);
  }
}
