// A drift report is a plan rendered for a different reader: the same data and the same code path, with words
// that describe the live instance instead of what apply will do. The sentences shared by the text and Markdown
// renderers live here, so both say the same thing in the same words.
import { assertNever } from '../errors.js';
import { hasChanges } from '../plan/has-changes.js';
import type { Change, ChangeAction, ChangeBlock, Plan, PlanScope, UnmanagedProfile } from '../plan/types.js';
import { quoted } from './escape.js';
import { countOf } from './format.js';

export type PlanPurpose = 'plan' | 'drift';

/** The changes a rendering lists: every create, update and delete, and anything blocked (a reviewer must see it). */
export function shownChanges(plan: Plan): Change[] {
  return plan.changes.filter((c) => c.action !== 'no-op' || c.blocked !== undefined);
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
      // Drift: live holds a profile we own that no file declares any more.
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

/** "scoped to 2 of 500 declared profiles changed since origin/main" */
function scopePhrase(scope: PlanScope): string {
  return `scoped to ${scope.profiles} of ${countOf(scope.declared, 'declared profile')} changed since ${escapeRef(scope.changedSince)}`;
}

/** A git ref comes from the command line, but a branch name can hold anything git allows: print it inert. */
function escapeRef(ref: string): string {
  return /^[\w./@^~:+-]+$/.test(ref) ? ref : quoted(ref);
}

/** "instance inst-1" or "instance inst-1 (environment prod)". */
export function targetPhrase(plan: Plan): string {
  const environment = plan.environment === undefined ? '' : ` (environment ${escapeRef(plan.environment)})`;
  return `instance ${escapeRef(plan.instanceId)}${environment}`;
}

export function headingLine(plan: Plan, purpose: PlanPurpose): string {
  const scope = plan.scope === undefined ? '' : `, ${scopePhrase(plan.scope)}`;
  switch (purpose) {
    case 'plan':
      return `connect-gitops will perform the following actions on ${targetPhrase(plan)}${scope}:`;
    case 'drift':
      return `Drift detected on ${targetPhrase(plan)}${scope}: live routing profiles differ from the files.`;
    default:
      return assertNever(purpose, 'plan purpose');
  }
}

/** "(7 API calls; reaches 230 agents)": agents only when some are reached, so a quiet change reads quiet. */
function costPhrase(calls: number, agents: number, purpose: PlanPurpose): string {
  const reach = agents > 0 ? `; reaches ${countOf(agents, 'agent')}` : '';
  return `(${countOf(calls, 'API call')}${purpose === 'drift' ? ' to reconcile' : ''}${reach})`;
}

/** The last line of every rendering: Terraform's closing sentence, or its drift-report counterpart. */
export function closingLine(plan: Plan, purpose: PlanPurpose): string {
  const { create, update, noOp, calls, agents } = plan.summary;
  const deletes = plan.summary.delete;
  const scope = plan.scope === undefined ? '' : ` (${scopePhrase(plan.scope)})`;
  switch (purpose) {
    case 'plan':
      return hasChanges(plan)
        ? `Plan${scope}: ${create} to create, ${update} to update${deletes > 0 ? `, ${deletes} to delete` : ''}, ${noOp} unchanged ${costPhrase(calls, agents, purpose)}.`
        : `No changes${scope}. Routing profiles match the files.`;
    case 'drift':
      return hasChanges(plan)
        ? `Drift${scope}: ${create} missing, ${update} drifted${deletes > 0 ? `, ${deletes} undeclared` : ''}, ${noOp} in sync ${costPhrase(calls, agents, purpose)}.`
        : `No drift${scope}. Routing profiles match the files.`;
    default:
      return assertNever(purpose, 'plan purpose');
  }
}

/** How many agents a change reaches, where the reviewer decides: "230 agents", "1 agent", "no agents". */
export function agentsPhrase(change: Change): string | undefined {
  // A create makes a profile nobody uses yet: saying "no agents" there would be noise.
  if (change.action === 'create') return undefined;
  return change.agents === 0 ? 'no agents' : countOf(change.agents, 'agent');
}

/** Why a change cannot be carried out, in the words a reviewer acts on. */
export function blockReason(block: ChangeBlock): string {
  if ('associatedUsers' in block) {
    return `${countOf(block.associatedUsers, 'agent')} still ${block.associatedUsers === 1 ? 'uses' : 'use'} this profile`;
  }
  return `owned by ${quoted(block.otherOwner)}`;
}

/** The heading of the list of live profiles no file declares. */
export function unmanagedHeading(plan: Plan): string {
  return `Not managed by these files: ${countOf(plan.unmanaged.length, 'live profile')}`;
}

/** What prune does with an unmanaged profile: only an owned one is ever deleted. */
export function unmanagedMark(profile: UnmanagedProfile, plan: Plan): string {
  if (!profile.owned) return '';
  if (!plan.prune) return ' (owned)';
  // Prune never deletes the default profile, and a scoped plan may not cover this one: only say what the plan does.
  const change = plan.changes.find((c) => c.action === 'delete' && c.routingProfileId === profile.routingProfileId);
  if (change === undefined) return ' (owned)';
  return change.blocked === undefined ? ' (owned: deleted with prune)' : ' (owned: delete blocked)';
}

export function problemsHeading(plan: Plan): string {
  return `${plan.problems.length === 1 ? 'Blocking problem' : 'Blocking problems'} (the plan fails until resolved; apply does everything else, then fails):`;
}

export function warningsHeading(plan: Plan): string {
  return plan.warnings.length === 1 ? 'Warning:' : 'Warnings:';
}
