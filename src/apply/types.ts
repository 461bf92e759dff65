// What apply did: returned, never printed by apply itself (render/ turns it into text).
import type { Call } from '../plan/types.js';

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
  routingProfileId?: string;
  outcome: 'done' | 'failed' | 'skipped' | 'unchanged';
  calls: CallOutcome[];
}

export interface ApplyResult {
  changes: ChangeResult[];
  /** True when the post-apply re-read found live equal to the files. */
  converged: boolean;
  /** Fields still different after apply (from the verification re-read), for the report. */
  notConverged: { name: string; fields: string[] }[];
  interrupted: boolean;
}
