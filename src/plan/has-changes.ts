// Whether a plan would do anything: one definition for the renderers' wording and the commands' exit codes, so a
// plan that reads "No changes" never exits 2 and one that lists a delete never exits 0.
import type { Plan } from './types.js';

/** Anything apply would do: a create, an update or a delete (an owned undeclared profile with prune on). */
export function hasChanges(plan: Plan): boolean {
  return plan.summary.create + plan.summary.update + plan.summary.delete > 0;
}
