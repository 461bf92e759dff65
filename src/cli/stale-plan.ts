// Whether a saved plan may still be applied, and when not, what moved since it was made, with values.
import equal from 'fast-deep-equal';
import { StalePlanError } from '../errors.js';
import type { LiveSnapshot } from '../plan/fingerprint.js';
import { describeLiveChanges } from '../plan/live-changes.js';
import type { Change, Plan } from '../plan/types.js';
import { renderPlanJson } from '../render/index.js';
import { planFromJson, type SavedPlan } from './saved-plan.js';

function describeChange(change: Change | undefined): string {
  if (!change) return 'not in the plan';
  if (change.action === 'no-op') return 'no changes';
  return `${change.action} ${change.diffs.map((d) => d.field).join(', ')}`;
}

/** Each profile whose planned change is not the same in both plans, described for the user. */
function differingChanges(saved: Plan, current: Plan): string[] {
  const names = [...new Set([...saved.changes, ...current.changes].map((c) => c.name))].sort();
  const out: string[] = [];
  for (const name of names) {
    const before = saved.changes.find((c) => c.name === name);
    const now = current.changes.find((c) => c.name === name);
    if (!equal(before, now)) out.push(`${name}: planned "${describeChange(before)}", now "${describeChange(now)}"`);
  }
  return out;
}

/**
 * A saved plan is applied only if it is exactly the plan the current files and the current live state give:
 * same instance, same live snapshot, same changes call for call. So a reviewed plan cannot be applied to an
 * instance that moved since, nor from other files, nor after the file was edited by hand. The caller then
 * sends the calls it recomputed, which are the reviewed ones.
 */
export function assertSavedPlanApplies(saved: SavedPlan, computed: Plan, currentLive: LiveSnapshot, dir: string): void {
  const plan = saved.plan;
  if (plan.instanceId !== computed.instanceId) {
    throw new StalePlanError(`the saved plan was made for instance ${plan.instanceId}, not ${computed.instanceId}`, []);
  }
  // Compare like with like: the saved plan went through JSON, which keeps only what the format holds.
  const current = planFromJson(JSON.parse(renderPlanJson(computed)) as Record<string, unknown>);
  const savedNames = new Set(plan.changes.map((c) => c.name));
  const currentNames = new Set(current.changes.map((c) => c.name));
  if (savedNames.size !== currentNames.size || [...savedNames].some((n) => !currentNames.has(n))) {
    throw new StalePlanError(
      `the saved plan was made from other profile files than those in ${dir}`,
      [
        ...[...savedNames].filter((n) => !currentNames.has(n)).map((n) => `${n}: in the plan, not in the files`),
        ...[...currentNames].filter((n) => !savedNames.has(n)).map((n) => `${n}: in the files, not in the plan`),
      ].sort(),
    );
  }
  if (plan.liveFingerprint !== current.liveFingerprint) {
    // What moved live, with values then and now, from the snapshot the saved plan stores.
    const moves = describeLiveChanges(saved.live, currentLive);
    if (moves.length === 0) moves.push('live values the plan read but does not change (its calls would be the same, computed from other values)');
    throw new StalePlanError('the live instance changed since this plan was made; it is stale and was not applied', moves);
  }
  const changes = differingChanges(plan, current);
  if (changes.length > 0 || !equal(plan.summary, current.summary)) {
    throw new StalePlanError(`the saved plan does not match the files in ${dir}: they changed since it was made, or the plan file was edited`, changes);
  }
}
