// DeleteRoutingProfile, reconciled like the other calls that cannot be repeated blindly: a resend after a lost
// answer would meet ResourceNotFoundException for our own success. The goal is "the profile is gone", so a
// profile that is already gone (deleted by our lost first attempt, or by someone else) is done, said in a note.
import { isOutcomeUnknown } from '../connect/errors.js';
import type { Call } from '../plan/types.js';
import type { ApplyContext, ProfileState } from './context.js';
import { isErrorNamed } from './consistency.js';
import { reconcile } from './outcome.js';
import type { CallOutcome } from './types.js';

type DeleteCall = Extract<Call, { operation: 'DeleteRoutingProfile' }>;

export async function deleteProfile(call: DeleteCall, state: ProfileState, ctx: ApplyContext): Promise<CallOutcome> {
  const send = () => ctx.writer.send(call, { profile: state.name, signal: ctx.signal });
  try {
    await send();
    return { status: 'done', call };
  } catch (e) {
    if (isErrorNamed(e, 'ResourceNotFoundException')) return { status: 'done', call, note: 'the profile was already gone' };
    if (!isOutcomeUnknown(e)) throw e;
    return reconcile(e, ctx, async () => {
      if (!(await exists(call, state, ctx))) return { status: 'done', call, note: 'the answer was lost; re-read: the profile is gone' };
      // Still there: the first attempt did not happen (or Connect has not caught up); a duplicate answer is
      // ResourceNotFoundException, which means done as well.
      try {
        await send();
      } catch (again) {
        if (!isErrorNamed(again, 'ResourceNotFoundException')) throw again;
      }
      return { status: 'done', call, note: 'the answer was lost; re-read: the profile was still there, so it was deleted again' };
    });
  }
}

/** One Describe: ResourceNotFoundException means gone. */
async function exists(call: DeleteCall, state: ProfileState, ctx: ApplyContext): Promise<boolean> {
  try {
    await ctx.reader.describeRoutingProfile(
      { instanceId: call.input.InstanceId, routingProfileId: call.input.RoutingProfileId },
      { profile: state.name, signal: ctx.signal },
    );
    return true;
  } catch (e) {
    if (isErrorNamed(e, 'ResourceNotFoundException')) return false;
    throw e;
  }
}
