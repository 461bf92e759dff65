// Associate and Disassociate change a set, and Connect refuses to add a pair that is already there (or to
// remove one that is not), so after a lost answer a resend fails because of our own success. Instead of
// resending, re-list the profile's queues and send only the difference.
import { isOutcomeUnknown } from '../connect/errors.js';
import type { QueueConfigRecord } from '../connect/read-types.js';
import { readProfileQueues } from '../live/read.js';
import { AwsError } from '../errors.js';
import type { Call, QueueReferenceInput } from '../plan/types.js';
import type { ApplyContext, ProfileState } from './context.js';
import { isErrorNamed, retryWhileNotVisible } from './consistency.js';
import type { CallOutcome } from './types.js';

type AssociateCall = Extract<Call, { operation: 'AssociateRoutingProfileQueues' }>;
type DisassociateCall = Extract<Call, { operation: 'DisassociateRoutingProfileQueues' }>;

/**
 * Errors that can mean "already done": Connect's exact answer to an already associated pair is not documented,
 * so every validation-type refusal is checked against a fresh list before it is reported.
 */
const MAYBE_ALREADY_DONE = ['InvalidParameterException', 'InvalidRequestException', 'DuplicateResourceException', 'ResourceInUseException'];

const pairKey = (ref: { QueueId: string; Channel: string }): string => `${ref.QueueId}/${ref.Channel}`;

export async function associate(call: AssociateCall, state: ProfileState, ctx: ApplyContext): Promise<CallOutcome> {
  let configs = call.input.QueueConfigs ?? [];
  let note: string | undefined;
  if (state.adopted) {
    // An adopted profile may hold pairs from our own lost create (or its creator): add only what is missing.
    const live = await listedPairs(state, ctx);
    const missing = configs.filter((c) => !live.has(pairKey(c.QueueReference)));
    if (missing.length === 0) return { status: 'done', call, note: 'not sent: every queue pair was already associated with the adopted profile' };
    if (missing.length < configs.length) note = `${configs.length - missing.length} of ${configs.length} queue pairs were already associated; sent the rest`;
    configs = missing;
  }
  const sent: AssociateCall = { ...call, input: { ...call.input, QueueConfigs: configs } };
  try {
    await send(sent, state, ctx);
    return note ? { status: 'done', call: sent, note } : { status: 'done', call: sent };
  } catch (e) {
    if (!isOutcomeUnknown(e) && !isErrorNamed(e, ...MAYBE_ALREADY_DONE)) throw e;
    const live = await listedPairs(state, ctx);
    const missing = configs.filter((c) => !live.has(pairKey(c.QueueReference)));
    if (missing.length === 0) return { status: 'done', call: sent, note: 'the answer was lost; re-listed the queues: every pair is associated' };
    // Nothing of ours is there and Connect refused: a genuine refusal, report it.
    if (missing.length === configs.length && !isOutcomeUnknown(e)) throw e;
    const rest: AssociateCall = { ...call, input: { ...call.input, QueueConfigs: missing } };
    await send(rest, state, ctx);
    return { status: 'done', call: rest, note: `re-listed the queues after ${describe(e)}; sent the ${missing.length} missing pairs` };
  }
}

export async function disassociate(call: DisassociateCall, state: ProfileState, ctx: ApplyContext): Promise<CallOutcome> {
  const refs = call.input.QueueReferences ?? [];
  try {
    await send(call, state, ctx);
    return { status: 'done', call };
  } catch (e) {
    if (!isOutcomeUnknown(e) && !isErrorNamed(e, ...MAYBE_ALREADY_DONE)) throw e;
    const live = await listedPairs(state, ctx);
    const remaining: QueueReferenceInput[] = refs.filter((r) => live.has(pairKey(r)));
    if (remaining.length === 0) return { status: 'done', call, note: 'the answer was lost; re-listed the queues: every pair is removed' };
    if (remaining.length === refs.length && !isOutcomeUnknown(e)) throw e;
    const rest: DisassociateCall = { ...call, input: { ...call.input, QueueReferences: remaining } };
    await send(rest, state, ctx);
    return { status: 'done', call: rest, note: `re-listed the queues after ${describe(e)}; removed the ${remaining.length} remaining pairs` };
  }
}

async function send(call: Call, state: ProfileState, ctx: ApplyContext): Promise<void> {
  await retryWhileNotVisible(() => ctx.writer.send(call, { profile: state.name, signal: ctx.signal }), {
    fresh: state.fresh,
    clock: ctx.clock,
    timeoutMs: ctx.consistencyTimeoutMs,
    signal: ctx.signal,
  });
}

async function listedPairs(state: ProfileState, ctx: ApplyContext): Promise<Set<string>> {
  const id = state.routingProfileId;
  if (!id) return new Set();
  const records: QueueConfigRecord[] = await retryWhileNotVisible(() => readProfileQueues(ctx.reader, ctx.instanceId, id, state.name, ctx.signal), {
    fresh: state.fresh,
    clock: ctx.clock,
    timeoutMs: ctx.consistencyTimeoutMs,
    signal: ctx.signal,
  });
  return new Set(records.flatMap((r) => (r.queueId && r.channel ? [pairKey({ QueueId: r.queueId, Channel: r.channel })] : [])));
}

function describe(e: unknown): string {
  if (isOutcomeUnknown(e)) return 'a lost answer';
  return e instanceof AwsError ? e.errorName : e instanceof Error ? e.name : 'an error';
}
