// Which Connect operations each side of the adapter may send. An IAM-policy test derives the least-privilege
// policy from these lists, so they are the single source of truth for "what connect-gitops calls".
import { CALL_ORDER, type Operation as WriteOperation } from '../plan/types.js';

/**
 * Everything `plan` and `drift` need: the reader sends these and nothing else. Queues are listed with ListQueues
 * only (1,000 a page at 10 requests/s, against SearchQueues' 500 a page at 2/s): no command would ever choose
 * SearchQueues, so it is not here and no policy grants it.
 */
export const READ_OPERATIONS = [
  'SearchRoutingProfiles',
  'DescribeRoutingProfile',
  'ListRoutingProfileQueues',
  'ListRoutingProfileManualAssignmentQueues',
  'ListQueues',
] as const;
export type ReadOperation = (typeof READ_OPERATIONS)[number];

/** Everything `apply` may send: exactly the plan's Call union. */
export const WRITE_OPERATIONS: readonly WriteOperation[] = CALL_ORDER;

export type ConnectOperation = ReadOperation | WriteOperation;

/**
 * Writes whose repetition is not harmless: none of Connect's operations takes a client token (wire-protocol
 * §1.5), so after a lost response a resend of these can fail for our own first attempt (a duplicate name, a
 * queue already associated or already removed, a profile already deleted). A network error on them is reported
 * as "outcome unknown" and apply reconciles by re-reading instead. The Update, Tag and Untag calls set a value
 * and may be repeated.
 */
export const NON_IDEMPOTENT_OPERATIONS: ReadonlySet<ConnectOperation> = new Set<ConnectOperation>([
  'CreateRoutingProfile',
  'AssociateRoutingProfileQueues',
  'DisassociateRoutingProfileQueues',
  'DeleteRoutingProfile',
]);

/** Reads are idempotent: they get the larger retry budget (retry.ts). */
export function isReadOperation(operation: ConnectOperation): operation is ReadOperation {
  return (READ_OPERATIONS as readonly string[]).includes(operation);
}
