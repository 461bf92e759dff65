// A drift report is a plan rendered for a different reader: the same data and the same code path, with words
// that describe the live instance instead of what apply will do.
import { assertNever } from '../errors.js';
import type { ChangeAction, Plan } from '../plan/types.js';
import { countOf } from './format.js';

export type PlanPurpose = 'plan' | 'drift';

export function hasChanges(plan: Plan): boolean {
  return plan.summary.create + plan.summary.update > 0;
}

/** The word next to a profile's marker. */
export function actionLabel(action: ChangeAction, purpose: PlanPurpose): string {
  switch (action) {
    case 'create':
      return purpose === 'plan' ? 'create' : 'missing';
    case 'update':
      return purpose === 'plan' ? 'update' : 'drifted';
    case 'no-op':
      return purpose === 'plan' ? 'no changes' : 'in sync';
    case 'delete':
      return purpose === 'plan' ? 'delete' : 'undeclared';
    default:
      return assertNever(action, 'change action');
  }
}

export function actionMarker(action: ChangeAction): string {
  switch (action) {
    case 'create':
      return '+';
    case 'update':
      return '~';
    case 'no-op':
      return ' ';
    case 'delete':
      return '-';
    default:
      return assertNever(action, 'change action');
  }
}

export function headingLine(plan: Plan, purpose: PlanPurpose): string {
  switch (purpose) {
    case 'plan':
      return `connect-gitops will perform the following actions on instance ${plan.instanceId}:`;
    case 'drift':
      return `Drift detected on instance ${plan.instanceId}: live routing profiles differ from the files.`;
    default:
      return assertNever(purpose, 'plan purpose');
  }
}

/** The last line of every rendering: Terraform's closing sentence, or its drift-report counterpart. */
export function closingLine(plan: Plan, purpose: PlanPurpose): string {
  const { create, update, noOp, calls } = plan.summary;
  switch (purpose) {
    case 'plan':
      return hasChanges(plan)
        ? `Plan: ${create} to create, ${update} to update, ${noOp} unchanged (${countOf(calls, 'API call')}).`
        : 'No changes. Routing profiles match the files.';
    case 'drift':
      return hasChanges(plan)
        ? `Drift: ${create} missing, ${update} drifted, ${noOp} in sync (${countOf(calls, 'API call')} to reconcile).`
        : 'No drift. Routing profiles match the files.';
    default:
      return assertNever(purpose, 'plan purpose');
  }
}
