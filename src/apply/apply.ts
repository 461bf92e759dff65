// Carrying out a plan: exactly its calls, in order within a change; changes are independent of each other and
// run concurrently (the transport paces the requests). Deletes come last, and only when every create and update
// succeeded (design.md, "Retire"): a profile is never removed while the files' other changes are half done.
// Apply returns what it did and prints nothing.
import { systemClock, type Clock } from '../connect/clock.js';
import { mapWithConcurrency } from '../connect/limiter.js';
import type { LiveReader } from '../connect/read-types.js';
import type { ConnectWriter } from '../connect/writer.js';
import type { Call, Change, Plan } from '../plan/types.js';
import type { ApplyContext, ApplyLogger, ProfileState } from './context.js';
import { DEFAULT_CONSISTENCY_TIMEOUT_MS, retryWhileNotVisible } from './consistency.js';
import { createOrAdopt } from './create.js';
import { deleteProfile } from './delete.js';
import { INTERRUPTED, outcomeOfError, unreachableReason } from './outcome.js';
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

const isDelete = (change: Change): boolean => change.action === 'delete' && change.blocked === undefined;

export const OVER_QUOTA = "not sent: the plan's creates would take the instance above its routing-profile quota";

/**
 * Creates are refused, every one and before anything is sent, when the plan found the profile count would peak
 * above the instance's quota. Connect would refuse only the create that crosses it (LimitExceededException),
 * after the ones before it went through: which profiles then exist would depend on the order concurrent creates
 * happened to reach Connect, a state nobody reviewed, and the run would fail midway all the same. Creates are
 * the only writes that raise the count, so updates still run (blocked work is exit 1 once everything else is
 * done); deletes keep their own rule and wait for every create, so they are not sent either.
 */
function quotaGate(plan: Plan, logger: ApplyLogger | undefined): string | undefined {
  const problem = plan.problems.find((p) => p.kind === 'profile-quota');
  if (problem === undefined) return undefined;
  logger?.warn({ creates: plan.summary.create }, 'not sending creates: the plan peaks above the routing-profile quota');
  return OVER_QUOTA;
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
  const concurrency = opts.concurrency ?? DEFAULT_APPLY_CONCURRENCY;
  const results = new Map<Change, ChangeResult>();

  const overQuota = quotaGate(plan, opts.logger);
  const firsts = plan.changes.filter((c) => !isDelete(c));
  const first = (c: Change) => applyChange(c, ctx, c.action === 'create' ? overQuota : undefined);
  for (const [i, r] of (await mapWithConcurrency(firsts, concurrency, first)).entries()) results.set(firsts[i] as Change, r);

  const deletes = plan.changes.filter(isDelete);
  if (deletes.length > 0) {
    // A blocked change was never attempted (the plan already says why, and apply exits 1 for it): it does not
    // hold the deletes back. A failed or skipped one does: its profile may be half done.
    const unfinished = [...results.values()].filter((r) => r.outcome === 'failed' || r.outcome === 'skipped').map((r) => r.name);
    const gate =
      unfinished.length > 0
        ? `not sent: deletes run only when every create and update succeeded, and ${unfinished.length} did not (${unfinished.map((n) => JSON.stringify(n)).join(', ')})`
        : undefined;
    if (gate) ctx.logger?.warn({ deletes: deletes.length, unfinished: unfinished.length }, 'skipping deletes: not every create and update succeeded');
    const done = await mapWithConcurrency(deletes, concurrency, (c) => applyChange(c, ctx, gate));
    for (const [i, r] of done.entries()) results.set(deletes[i] as Change, r);
  }

  const changes = plan.changes.map((c) => results.get(c) as ChangeResult);
  const interrupted = changes.some((c) => c.calls.some((o) => o.status === 'skipped' && o.reason === INTERRUPTED));
  // `converged` and `verification` are settled by the verification re-read (verify.ts), run after apply.
  return { changes, converged: false, notConverged: [], interrupted, ...(ctx.unreachable ? { unreachable: true } : {}) };
}

/** `gate`: a reason every call of this change is skipped for, before anything is sent. */
async function applyChange(change: Change, ctx: ApplyContext, gate?: string): Promise<ChangeResult> {
  const base = { name: change.name, action: change.action };
  if (change.blocked !== undefined) {
    // The plan says it cannot be done (a delete of a profile agents use, another owner's profile): nothing is sent.
    return { ...base, routingProfileId: change.routingProfileId, outcome: 'blocked', calls: [] };
  }
  if (change.action === 'no-op' || change.calls.length === 0) {
    return { ...base, routingProfileId: change.routingProfileId, outcome: 'unchanged', calls: [] };
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
    stopReason ??= ctx.signal?.aborted ? INTERRUPTED : ctx.unreachable ? unreachableReason(ctx.unreachable) : gate;
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

  return { ...base, routingProfileId: state.routingProfileId, outcome: changeOutcome(outcomes), calls: outcomes };
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
      case 'DeleteRoutingProfile':
        return await deleteProfile(call, state, ctx);
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
    return outcomeOfError(call, e, ctx);
  }
}

/** An adopted create is its own outcome: the profile existed (made elsewhere, or by our own lost attempt). */
function changeOutcome(outcomes: CallOutcome[]): ChangeResult['outcome'] {
  if (outcomes.some((o) => o.status === 'failed')) return 'failed';
  if (outcomes.some((o) => o.status === 'skipped')) return 'skipped';
  if (outcomes.some((o) => o.status === 'adopted')) return 'adopted';
  return 'done';
}
