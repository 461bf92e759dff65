// TagResource, UntagResource, ListTagsForResource on the instance, its routing profiles and its queues.
import { LIMITS } from '../../vocabulary.js';
import { ConnectError, invalidParameter, notFound } from '../errors.js';
import { requireProfile, requireQueue, type HandlerContext, type OperationHandler } from './context.js';

const ARN = /^arn:aws:connect:([a-z0-9-]+):(\d{12}):instance\/([^/]+)(?:\/(routing-profile|queue)\/([^/]+))?$/;

/**
 * UNVERIFIED: the error for a tag set that would pass 50 tags after merging. The model caps one call at
 * 50; we refuse the merge with the same InvalidParameterException.
 */
export const TOO_MANY_TAGS_ERROR = 'InvalidParameterException';

/** The live tag map an ARN names. Reads (`forRead`) respect a new profile's visibility lag. */
function tagsOf(ctx: HandlerContext, arn: string, forRead: boolean): Record<string, string> {
  const m = ARN.exec(arn);
  if (!m) throw invalidParameter(`'${arn}' is not a valid Amazon Connect resource ARN.`);
  const [, region, account, instanceId, kind, id] = m;
  if (region !== ctx.store.region || account !== ctx.store.accountId || instanceId !== ctx.store.instanceId) {
    throw notFound(`Resource ${arn} not found.`);
  }
  if (kind === undefined || id === undefined) return ctx.store.instanceTags;
  if (kind === 'queue') return requireQueue(ctx, id).tags;
  return requireProfile(ctx, id, forRead).tags;
}

export const tagHandlers: Record<string, OperationHandler> = {
  TagResource: {
    mutating: true,
    handle(ctx, input) {
      const tags = tagsOf(ctx, input.resourceArn as string, false);
      const add = input.tags as Record<string, string>;
      const total = new Set([...Object.keys(tags), ...Object.keys(add)]).size;
      if (total > LIMITS.tagsPerResource) {
        throw new ConnectError(
          TOO_MANY_TAGS_ERROR,
          `A resource can have at most ${LIMITS.tagsPerResource} tags; this would make ${total}.`,
        );
      }
      Object.assign(tags, add);
      return undefined;
    },
  },

  UntagResource: {
    mutating: true,
    handle(ctx, input) {
      const tags = tagsOf(ctx, input.resourceArn as string, false);
      // Removing a key that is not there is not an error (AWS tagging convention).
      for (const k of input.tagKeys as string[]) delete tags[k];
      return undefined;
    },
  },

  ListTagsForResource: {
    mutating: false,
    handle(ctx, input) {
      return { tags: { ...tagsOf(ctx, input.resourceArn as string, true) } };
    },
  },
};
