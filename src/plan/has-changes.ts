// Whether a plan would do anything: one definition for the renderers' wording and the commands' exit codes, so a
// plan that reads "No changes" never exits 2 and one that lists a delete never exits 0.
import type { Plan } from './types.js';

/** Creates, updates and deletes (an owned undeclared profile with prune on): what "2 to change" counts. */
export function changeCount(plan: Plan): number {
  return plan.summary.create + plan.summary.update + plan.summary.delete;
}

/** Anything apply would do: a create, an update or a delete. */
export function hasChanges(plan: Plan): boolean {
  return changeCount(plan) > 0;
}
