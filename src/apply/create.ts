// CreateRoutingProfile, never repeated blindly. Connect takes no client token (wire-protocol §1.5), so a create
// whose answer was lost may have happened: names are unique per instance, so the name identifies it.
//  - DuplicateResourceException: the profile exists (our lost first attempt, or a concurrent creator): wait for
//    Search to show it, then adopt it and go on with the change's remaining calls.
//  - Outcome unknown (connection lost): look once; if it is visible, adopt; if not, send the create again,
//    which is safe now, because a duplicate answer leads to adoption rather than a second profile.
import { isOutcomeUnknown, isUnreachable } from '../connect/errors.js';
import type { Call } from '../plan/types.js';
import { AwsError, InternalError } from '../errors.js';
import { LIMITS } from '../vocabulary.js';
import type { ApplyContext, ProfileState } from './context.js';
import { isErrorNamed, pollUntil } from './consistency.js';
import { reconcile } from './outcome.js';
import type { CallOutcome } from './types.js';

/** Create sends at most this many times when answers keep getting lost. */
export const MAX_CREATE_SENDS = 3;

type CreateCall = Extract<Call, { operation: 'CreateRoutingProfile' }>;

export async function createOrAdopt(call: CreateCall, state: ProfileState, ctx: ApplyContext): Promise<CallOutcome> {
  let lastError: unknown;
  for (let send = 1; send <= MAX_CREATE_SENDS; send++) {
    let created;
    try {
      created = await ctx.writer.send(call, { profile: state.name, signal: ctx.signal });
    } catch (e) {
      // A resend that cannot go out leaves the first attempt's outcome unknown: report that, not "not sent".
      if (send > 1 && isUnreachable(e)) {
        ctx.unreachable ??= e;
        throw lastError;
      }
      lastError = e;
      const adopted = await reconcile(e, ctx, () => afterFailedCreate(call, e, send, state, ctx));
      if (adopted) return adopted;
      continue;
    }
    if (!created.routingProfileId) {
      throw new InternalError(`CreateRoutingProfile for "${state.name}" answered without a RoutingProfileId`);
    }
    state.routingProfileId = created.routingProfileId;
    state.routingProfileArn = created.routingProfileArn;
    state.fresh = true;
    return { status: 'done', call };
  }
  throw lastError;
}

/** Adopts the profile of that name when Connect says it exists or may exist; undefined: send the create again. */
async function afterFailedCreate(call: CreateCall, e: unknown, send: number, state: ProfileState, ctx: ApplyContext): Promise<CallOutcome | undefined> {
  if (isErrorNamed(e, 'DuplicateResourceException')) {
    const found = await pollUntil(() => findByName(state.name, ctx), {
      clock: ctx.clock,
      timeoutMs: ctx.consistencyTimeoutMs,
      signal: ctx.signal,
    });
    if (found) return adopt(call, state, found, ctx, 'CreateRoutingProfile answered DuplicateResourceException');
    throw new AwsError(
      `CreateRoutingProfile for "${state.name}" answered DuplicateResourceException, but no profile of that name became visible within ${Math.round(ctx.consistencyTimeoutMs / 1000)} s`,
      'CreateRoutingProfile',
      'DuplicateResourceException',
      'Connect is eventually consistent; run apply again shortly, it will adopt the existing profile.',
      state.name,
    );
  }
  if (!isOutcomeUnknown(e)) throw e;
  const found = await findByName(state.name, ctx);
  if (found) return adopt(call, state, found, ctx, 'the answer to CreateRoutingProfile was lost');
  const next = send < MAX_CREATE_SENDS ? 'sending it again' : `giving up after ${MAX_CREATE_SENDS} sends`;
  ctx.logger?.warn({ profile: state.name, send }, `CreateRoutingProfile answer lost and the profile is not visible; ${next}`);
  return undefined;
}

function adopt(call: CreateCall, state: ProfileState, found: { id: string; arn: string }, ctx: ApplyContext, why: string): CallOutcome {
  state.routingProfileId = found.id;
  state.routingProfileArn = found.arn;
  state.fresh = true;
  state.adopted = true;
  ctx.logger?.info({ profile: state.name, routingProfileId: found.id }, 'adopted the existing routing profile of that name');
  return { status: 'adopted', call, routingProfileId: found.id, note: `${why}; adopted the existing profile of that name` };
}

/** One Search with an EXACT name condition. */
async function findByName(name: string, ctx: ApplyContext): Promise<{ id: string; arn: string } | undefined> {
  const page = await ctx.reader.searchRoutingProfiles(
    { instanceId: ctx.instanceId, nameEquals: name, maxResults: LIMITS.searchPageSize },
    { profile: name, signal: ctx.signal },
  );
  const match = page.items.find((p) => p.name === name && p.routingProfileId);
  return match?.routingProfileId ? { id: match.routingProfileId, arn: match.arn ?? '' } : undefined;
}
