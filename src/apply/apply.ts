// Carrying out a plan: exactly its calls, in order within a change; changes are independent of each other and
// run concurrently (the transport paces the requests). Apply returns what it did and prints nothing.
import { systemClock, type Clock } from '../connect/clock.js';
import { mapWithConcurrency } from '../connect/limiter.js';
import type { LiveReader } from '../connect/read-types.js';
import type { ConnectWriter } from '../connect/writer.js';
import type { Call, Change, Plan } from '../plan/types.js';
import type { ApplyContext, ApplyLogger, ProfileState } from './context.js';
import { DEFAULT_CONSISTENCY_TIMEOUT_MS, retryWhileNotVisible } from './consistency.js';
import { createOrAdopt } from './create.js';
import { INTERRUPTED, outcomeOfError } from './outcome.js';
import { associate, disassociate } from './queue-pairs.js';
import { substitute } from './substitute.js';
import type { ApplyResult, CallOutcome, ChangeResult } from './types.js';

/** Profiles in progress at once. The token buckets, not this, set the request rate. */
export const DEFAULT_APPLY_CONCURRENCY = 8;

export interface ApplyOptions {
  /** SIGINT/SIGTERM: the call in flight finishes, nothing more is sent, the rest is reported as skipped. */
  signal?: AbortSignal;
  logger?: ApplyLogger;
  concurrency?: number;
  /** How long to wait for a profile created by this run to become visible to follow-up calls. */
  consistencyTimeoutMs?: number;
  clock?: Clock;
}

export async function applyPlan(plan: Plan, writer: ConnectWriter, reader: LiveReader, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const ctx: ApplyContext = {
    writer,
    reader,
    instanceId: plan.instanceId,
    clock: opts.clock ?? systemClock,
    consistencyTimeoutMs: opts.consistencyTimeoutMs ?? DEFAULT_CONSISTENCY_TIMEOUT_MS,
    signal: opts.signal,
    logger: opts.logger,
  };
  const changes = await mapWithConcurrency(plan.changes, opts.concurrency ?? DEFAULT_APPLY_CONCURRENCY, (change) => applyChange(change, ctx));
  const interrupted = changes.some((c) => c.calls.some((o) => o.status === 'skipped' && o.reason === INTERRUPTED));
  // `converged` is settled by the verification re-read (verify.ts), which the caller runs after apply.
  return { changes, converged: false, notConverged: [], interrupted };
}

async function applyChange(change: Change, ctx: ApplyContext): Promise<ChangeResult> {
  if (change.action === 'no-op' || change.calls.length === 0) {
    return { name: change.name, routingProfileId: change.routingProfileId, outcome: 'unchanged', calls: [] };
  }
  const state: ProfileState = {
    name: change.name,
    routingProfileId: change.routingProfileId,
    routingProfileArn: change.routingProfileArn,
    fresh: false,
    adopted: false,
  };
  const outcomes: CallOutcome[] = [];
  let stopReason: string | undefined;

  for (const planned of change.calls) {
    if (stopReason === undefined && ctx.signal?.aborted) stopReason = INTERRUPTED;
    if (stopReason !== undefined) {
      outcomes.push({ status: 'skipped', call: planned, reason: stopReason });
      continue;
    }
    const outcome = await runCall(planned, state, ctx);
    outcomes.push(outcome);
    if (outcome.status === 'failed') {
      stopReason = `not sent: ${outcome.call.operation} failed earlier for this profile`;
      ctx.logger?.warn({ profile: change.name, operation: outcome.call.operation, errorName: outcome.errorName }, 'call failed; skipping the rest of this profile');
    } else if (outcome.status === 'skipped') {
      stopReason = outcome.reason;
    } else {
      ctx.logger?.debug({ profile: change.name, operation: outcome.call.operation, status: outcome.status }, 'call done');
    }
  }

  return { name: change.name, routingProfileId: state.routingProfileId, outcome: changeOutcome(outcomes), calls: outcomes };
}

async function runCall(planned: Call, state: ProfileState, ctx: ApplyContext): Promise<CallOutcome> {
  let call = planned;
  try {
    call = substitute(planned, state);
    switch (call.operation) {
      case 'CreateRoutingProfile':
        return await createOrAdopt(call, state, ctx);
      case 'AssociateRoutingProfileQueues':
        return await associate(call, state, ctx);
      case 'DisassociateRoutingProfileQueues':
        return await disassociate(call, state, ctx);
      default: {
        const sent = call;
        // Set-to-value updates: the transport already retried what is retryable; here only our own new
        // profile's ResourceNotFoundException is waited out.
        await retryWhileNotVisible(() => ctx.writer.send(sent, { profile: state.name, signal: ctx.signal }), {
          fresh: state.fresh,
          clock: ctx.clock,
          timeoutMs: ctx.consistencyTimeoutMs,
          signal: ctx.signal,
        });
        return { status: 'done', call };
      }
    }
  } catch (e) {
    return outcomeOfError(call, e, ctx.signal?.aborted ?? false);
  }
}

function changeOutcome(outcomes: CallOutcome[]): ChangeResult['outcome'] {
  if (outcomes.some((o) => o.status === 'failed')) return 'failed';
  if (outcomes.some((o) => o.status === 'skipped')) return 'skipped';
  return 'done';
}
