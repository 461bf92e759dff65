// Every operation the model declares, mapped to its handler, behind the model's input validation.
import { invalidParameter } from '../errors.js';
import { loadModel, validateShape, validationMessage } from '../model.js';
import type { HandlerContext, Input, OperationHandler } from './context.js';
import { profileQueueHandlers } from './profile-queues.js';
import { queueHandlers } from './queues.js';
import { routingProfileHandlers } from './routing-profiles.js';
import { tagHandlers } from './tags.js';

export type { HandlerContext } from './context.js';

export const HANDLERS: Readonly<Record<string, OperationHandler>> = {
  ...routingProfileHandlers,
  ...profileQueueHandlers,
  ...queueHandlers,
  ...tagHandlers,
};

export function isMutating(operation: string): boolean {
  return HANDLERS[operation]?.mutating ?? false;
}

/**
 * Runs one operation as Connect does: the model's constraints first (every violation reported at once, as
 * InvalidParameterException), then the handler's own rules and state checks.
 */
export function execute(ctx: HandlerContext, operation: string, input: Input): Record<string, unknown> | undefined {
  const op = loadModel().operations[operation];
  const handler = HANDLERS[operation];
  if (!op || !handler) throw new Error(`no handler for ${operation}`);
  const problems = validateShape(op.input.shape, input);
  if (problems.length > 0) throw invalidParameter(validationMessage(problems));
  return handler.handle(ctx, input);
}
