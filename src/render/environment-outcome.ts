// What a run over several environments produced, one outcome per environment in the order they were asked for:
// a plan, or the error that stopped that environment (the others still ran). The words shared by the text,
// Markdown and JSON renderings of such a run live here, so all three say the same thing.
import { changeCount, hasChanges } from '../plan/has-changes.js';
import type { Plan } from '../plan/types.js';
import { countOf } from './format.js';
import type { PlanPurpose } from './purpose.js';

export interface EnvironmentError {
  kind: 'user-input' | 'aws' | 'stale-plan' | 'internal';
  message: string;
  /** What to do about it, one sentence. */
  hint: string;
}

export type EnvironmentOutcome =
  | { environment: string; plan: Plan }
  /** instanceId: the instance the environment names, when known: which one failed is the first thing to check. */
  | { environment: string; instanceId?: string; error: EnvironmentError };

export type PlannedEnvironment = Extract<EnvironmentOutcome, { plan: Plan }>;

/** The plan, named after its outcome: the outcome's name is the one every heading and summary shows. */
export function environmentPlan(outcome: PlannedEnvironment): Plan {
  return { ...outcome.plan, environment: outcome.environment };
}

/** One environment's result in a few words: "failed", "no changes", "2 to change, 1 blocking problem". */
export function environmentResult(outcome: EnvironmentOutcome, purpose: PlanPurpose): string {
  if ('error' in outcome) return 'failed';
  const plan = outcome.plan;
  const changes = hasChanges(plan)
    ? `${changeCount(plan)} ${purpose === 'plan' ? 'to change' : 'out of sync'}`
    : purpose === 'plan'
      ? 'no changes'
      : 'no drift';
  // Blocking problems fail the run whatever else the plan says: the summary must not read like a clean one.
  return plan.problems.length === 0 ? changes : `${changes}, ${countOf(plan.problems.length, 'blocking problem')}`;
}
