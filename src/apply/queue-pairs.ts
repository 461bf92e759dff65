// Associate and Disassociate change two sets (standard queue pairs and manual-assignment queue pairs; one call
// may carry both), and Connect refuses to add a pair that is already there (or to remove one that is not), so
// after a lost answer a resend fails because of our own success. Instead of resending, re-list the profile's
// pairs of each kind the call carried and send only the difference.
import { isOutcomeUnknown } from '../connect/errors.js';
import type { ManualQueueConfigInput, QueueConfigInput, QueueReferenceInput, Call } from '../plan/types.js';
import { readProfileManualQueues, readProfileQueues } from '../live/read.js';
import { AwsError } from '../errors.js';
import type { ApplyContext, ProfileState } from './context.js';
import { isErrorNamed, retryWhileNotVisible } from './consistency.js';
import { reconcile } from './outcome.js';
import type { CallOutcome } from './types.js';

type AssociateCall = Extract<Call, { operation: 'AssociateRoutingProfileQueues' }>;
type DisassociateCall = Extract<Call, { operation: 'DisassociateRoutingProfileQueues' }>;

/**
 * Errors that can mean "already done": Connect's exact answer to an already associated pair is not documented,
 * so every validation-type refusal is checked against a fresh list before it is reported.
 */
const MAYBE_ALREADY_DONE = ['InvalidParameterException', 'InvalidRequestException', 'DuplicateResourceException', 'ResourceInUseException'];

const pairKey = (ref: { QueueId: string; Channel: string }): string => `${ref.QueueId}/${ref.Channel}`;

/** The pairs live now, of the kinds asked for (a kind not asked for is not listed: no call). */
interface LivePairs {
  standard: Set<string>;
  manual: Set<string>;
}

export async function associate(call: AssociateCall, state: ProfileState, ctx: ApplyContext): Promise<CallOutcome> {
  let standard = call.input.QueueConfigs ?? [];
  let manual = call.input.ManualAssignmentQueueConfigs ?? [];
  let note: string | undefined;
  if (state.adopted) {
    // An adopted profile may hold pairs from our own lost create (or its creator): add only what is missing.
    const live = await listedPairs(state, ctx, standard.length > 0, manual.length > 0);
    const missing = missingPairs(standard, manual, live);
    const total = standard.length + manual.length;
    const left = missing.standard.length + missing.manual.length;
    if (left === 0) return { status: 'done', call, note: 'not sent: every queue pair was already associated with the adopted profile' };
    if (left < total) note = `${total - left} of ${total} queue pairs were already associated; sent the rest`;
    ({ standard, manual } = missing);
  }
  const sent = withPairs(call, { QueueConfigs: standard, ManualAssignmentQueueConfigs: manual });
  try {
    await send(sent, state, ctx);
    return note ? { status: 'done', call: sent, note } : { status: 'done', call: sent };
  } catch (e) {
    if (!isOutcomeUnknown(e) && !isErrorNamed(e, ...MAYBE_ALREADY_DONE)) throw e;
    return reconcile(e, ctx, async () => {
      const live = await listedPairs(state, ctx, standard.length > 0, manual.length > 0);
      const missing = missingPairs(standard, manual, live);
      const left = missing.standard.length + missing.manual.length;
      if (left === 0) return { status: 'done', call: sent, note: 'the answer was lost; re-listed the queues: every pair is associated' };
      // Nothing of ours is there and Connect refused: a genuine refusal, report it.
      if (left === standard.length + manual.length && !isOutcomeUnknown(e)) throw e;
      const rest = withPairs(call, { QueueConfigs: missing.standard, ManualAssignmentQueueConfigs: missing.manual });
      await send(rest, state, ctx);
      return { status: 'done', call: rest, note: `re-listed the queues after ${describe(e)}; sent the ${left} missing pairs` };
    });
  }
}

export async function disassociate(call: DisassociateCall, state: ProfileState, ctx: ApplyContext): Promise<CallOutcome> {
  const standard = call.input.QueueReferences ?? [];
  const manual = call.input.ManualAssignmentQueueReferences ?? [];
  try {
    await send(call, state, ctx);
    return { status: 'done', call };
  } catch (e) {
    if (!isOutcomeUnknown(e) && !isErrorNamed(e, ...MAYBE_ALREADY_DONE)) throw e;
    return reconcile(e, ctx, async () => {
      const live = await listedPairs(state, ctx, standard.length > 0, manual.length > 0);
      const remainingStandard: QueueReferenceInput[] = standard.filter((r) => live.standard.has(pairKey(r)));
      const remainingManual: QueueReferenceInput[] = manual.filter((r) => live.manual.has(pairKey(r)));
      const left = remainingStandard.length + remainingManual.length;
      if (left === 0) return { status: 'done', call, note: 'the answer was lost; re-listed the queues: every pair is removed' };
      if (left === standard.length + manual.length && !isOutcomeUnknown(e)) throw e;
      const rest = withPairs(call, { QueueReferences: remainingStandard, ManualAssignmentQueueReferences: remainingManual });
      await send(rest, state, ctx);
      return { status: 'done', call: rest, note: `re-listed the queues after ${describe(e)}; removed the ${left} remaining pairs` };
    });
  }
}

/** The call with only these pairs; a list left empty is left out (Connect takes either list alone). */
function withPairs<C extends AssociateCall | DisassociateCall>(call: C, lists: Omit<C['input'], 'InstanceId' | 'RoutingProfileId'>): C {
  const nonEmpty = Object.entries(lists).filter(([, list]) => Array.isArray(list) && list.length > 0);
  const input = { InstanceId: call.input.InstanceId, RoutingProfileId: call.input.RoutingProfileId, ...Object.fromEntries(nonEmpty) };
  return { ...call, input: input as C['input'] };
}

function missingPairs(standard: QueueConfigInput[], manual: ManualQueueConfigInput[], live: LivePairs) {
  return {
    standard: standard.filter((c) => !live.standard.has(pairKey(c.QueueReference))),
    manual: manual.filter((c) => !live.manual.has(pairKey(c.QueueReference))),
  };
}

async function send(call: Call, state: ProfileState, ctx: ApplyContext): Promise<void> {
  await retryWhileNotVisible(() => ctx.writer.send(call, { profile: state.name, signal: ctx.signal }), {
    fresh: state.fresh,
    clock: ctx.clock,
    timeoutMs: ctx.consistencyTimeoutMs,
    signal: ctx.signal,
  });
}

async function listedPairs(state: ProfileState, ctx: ApplyContext, standard: boolean, manual: boolean): Promise<LivePairs> {
  const id = state.routingProfileId;
  if (!id) return { standard: new Set(), manual: new Set() };
  const visible = <T>(read: () => Promise<T>): Promise<T> =>
    retryWhileNotVisible(read, { fresh: state.fresh, clock: ctx.clock, timeoutMs: ctx.consistencyTimeoutMs, signal: ctx.signal });
  const keys = (records: { queueId?: string; channel?: string }[]): Set<string> =>
    new Set(records.flatMap((r) => (r.queueId && r.channel ? [pairKey({ QueueId: r.queueId, Channel: r.channel })] : [])));
  const [standardRecords, manualRecords] = await Promise.all([
    standard ? visible(() => readProfileQueues(ctx.reader, ctx.instanceId, id, state.name, ctx.signal)) : [],
    manual ? visible(() => readProfileManualQueues(ctx.reader, ctx.instanceId, id, state.name, ctx.signal)) : [],
  ]);
  return { standard: keys(standardRecords), manual: keys(manualRecords) };
}

function describe(e: unknown): string {
  if (isOutcomeUnknown(e)) return 'a lost answer';
  return e instanceof AwsError ? e.errorName : e instanceof Error ? e.name : 'an error';
}
