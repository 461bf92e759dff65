// What apply did: returned, never printed by apply itself (render/ turns it into text).
import type { Call, ChangeAction, ChangeBlock } from '../plan/types.js';

export type CallOutcome =
  /** `note` explains a reconciliation, e.g. queue pairs found already associated after a lost answer. */
  | { status: 'done'; call: Call; note?: string }
  /** A create that met DuplicateResourceException for its own lost first attempt, and was re-read. */
  | { status: 'adopted'; call: Call; routingProfileId: string; note?: string }
  | { status: 'failed'; call: Call; errorName: string; message: string; hint: string }
  /** Not sent: an earlier call of the same profile failed, or apply was interrupted. */
  | { status: 'skipped'; call: Call; reason: string };

export interface ChangeResult {
  name: string;
  /** What the plan said to do (create, update, delete, no-op). Optional only for results built by hand. */
  action?: ChangeAction;
  routingProfileId?: string;
  /**
   * `adopted`: a create found a profile of that name already there (made elsewhere, or by our own lost first
   * attempt) and carried on with it; `blocked`: the plan marked the change as not doable (e.g. a delete of a
   * profile agents still use), nothing was sent.
   */
  outcome: 'done' | 'adopted' | 'failed' | 'skipped' | 'unchanged' | 'blocked';
  /** Why a `blocked` change was not done: the plan change's own `blocked`, copied for the report. */
  blocked?: ChangeBlock;
  calls: CallOutcome[];
}

/** The re-read after apply. `not-run`: apply was interrupted or Connect unreachable; `failed`: the re-read failed. */
export type Verification =
  | { status: 'converged' }
  | { status: 'not-converged'; notConverged: { name: string; fields: string[] }[] }
  | { status: 'not-run'; reason: string }
  | { status: 'failed'; error: string };

export interface ApplyResult {
  changes: ChangeResult[];
  /** True when the post-apply re-read found live equal to the files. */
  converged: boolean;
  /** Fields still different after apply (from the verification re-read), for the report. */
  notConverged: { name: string; fields: string[] }[];
  interrupted: boolean;
  /** Set once the verification re-read ran (or could not); absent until then. */
  verification?: Verification;
  /** Connect stopped answering (connection refused, name not found): the rest was skipped, not retried. */
  unreachable?: boolean;
}
