// Fault injection for tests: the failures a client of Connect must survive, drawn from a seeded generator
// so that a run repeats exactly.
import { seededRandom } from './random.js';
import type { FaultOptions } from './types.js';

export type FaultBefore = 'throttle' | 'internal-error' | undefined;

export class Faults {
  private options: FaultOptions = {};
  private random: () => number = seededRandom(0);

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  set(options: FaultOptions): void {
    this.options = { ...options };
    this.random = seededRandom(options.randomSeed ?? 0);
  }

  get searchLagMs(): number {
    return this.options.searchLagMs ?? 0;
  }

  /** The caller lacks the IAM action for this operation (a switch, not a rate: IAM is deterministic). */
  denies(operation: string): boolean {
    return this.options.accessDeniedOperations?.includes(operation) ?? false;
  }

  /** This operation's pagination loops: a page token comes back as the next page's token (a switch, no draw). */
  repeatsPageToken(operation: string): boolean {
    return this.options.repeatPageTokenOperations?.includes(operation) ?? false;
  }

  /** Requests for this operation get no answer at all (a switch, no draw). */
  leavesUnanswered(operation: string): boolean {
    return this.options.unansweredOperations?.includes(operation) ?? false;
  }

  /** A draw is made only for a rate that is on, so turning one fault on does not shift the others. */
  private hit(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.random() < rate;
  }

  /** Faults that answer before any work is done (nothing is committed). */
  before(): FaultBefore {
    if (this.hit(this.options.throttleRate)) return 'throttle';
    if (this.hit(this.options.internalErrorRate)) return 'internal-error';
    return undefined;
  }

  /**
   * Whether to drop the connection after a mutating call has committed, without answering. When
   * dropAfterCommitOperations is set, only those operations draw (so a test can lose exactly the creates).
   */
  dropAfterCommit(operation?: string): boolean {
    const only = this.options.dropAfterCommitOperations;
    if (only !== undefined && (operation === undefined || !only.includes(operation))) return false;
    return this.hit(this.options.dropAfterCommitRate);
  }
}
