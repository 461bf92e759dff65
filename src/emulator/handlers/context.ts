// What every operation handler receives and returns, and the lookups they share.
import { invalidParameter, notFound } from '../errors.js';
import type { Store } from '../store.js';
import type { StoredProfile, StoredQueue } from '../types.js';

export interface HandlerContext {
  store: Store;
  /** Emulator clock in ms (scaled by timeScale); only visibility lag reads it. */
  now(): number;
  /** Visibility lag given to profiles created by this request. */
  searchLagMs: number;
}

/** A validated input: the model has already checked every member it states. */
export type Input = Record<string, unknown>;

export interface OperationHandler {
  /** Mutating operations are the ones a dropped connection can follow (the write is committed first). */
  mutating: boolean;
  handle(ctx: HandlerContext, input: Input): Record<string, unknown> | undefined;
}

/** Timestamps go out as epoch seconds, the REST-JSON default format (wire-protocol.md 1.1). */
export const epochSeconds = (ms: number): number => ms / 1000;

/** Every successful write moves the profile's LastModifiedTime. */
export function touch(p: StoredProfile): void {
  p.lastModifiedTime = Date.now();
}

/**
 * InstanceId is the instance's ID. UNVERIFIED whether Connect also accepts the instance ARN there; we do not,
 * so a client that passes an ARN through fails here rather than only against some real endpoints.
 */
export function requireInstance(ctx: HandlerContext, instanceId: unknown): void {
  if (instanceId !== ctx.store.instanceId) {
    throw notFound(`Instance ${String(instanceId)} not found.`);
  }
}

/**
 * A profile by ID. Reads (`forRead`) do not see a profile inside its visibility lag, as Connect's
 * eventually consistent reads may answer ResourceNotFoundException right after a create.
 */
export function requireProfile(ctx: HandlerContext, id: unknown, forRead = false): StoredProfile {
  const p = typeof id === 'string' ? ctx.store.profiles.get(id) : undefined;
  if (!p || (forRead && !ctx.store.isVisible(p.routingProfileId, ctx.now()))) {
    throw notFound(`Routing profile ${String(id)} not found in instance ${ctx.store.instanceId}.`);
  }
  return p;
}

/**
 * A write to one routing profile: the instance and the profile must exist, and a successful write moves the
 * profile's LastModifiedTime. Every Update/Associate/Disassociate operation has this shape.
 */
export function profileWrite(apply: (profile: StoredProfile, input: Input, ctx: HandlerContext) => void): OperationHandler {
  return {
    mutating: true,
    handle(ctx, input) {
      requireInstance(ctx, input.InstanceId);
      const profile = requireProfile(ctx, input.RoutingProfileId);
      apply(profile, input, ctx);
      touch(profile);
      return undefined;
    },
  };
}

export function requireQueue(ctx: HandlerContext, id: string): StoredQueue {
  const q = ctx.store.queues.get(id);
  if (!q) throw notFound(`Queue ${id} not found in instance ${ctx.store.instanceId}.`);
  return q;
}

/** Routing profiles route to standard queues only; agent queues belong to one agent each. */
export function requireStandardQueue(ctx: HandlerContext, id: string): StoredQueue {
  const q = requireQueue(ctx, id);
  if (q.queueType !== 'STANDARD') {
    throw invalidParameter(`Queue ${id} is an agent queue; routing profiles take standard queues only.`);
  }
  return q;
}
