// Whether a saved plan may still be applied, and when not, what moved since it was made, with values.
import equal from 'fast-deep-equal';
import { StalePlanError } from '../errors.js';
import { changedProfiles, queueInventoryChanged, type LiveSnapshot } from '../plan/fingerprint.js';
import type { Change, Diff, Plan } from '../plan/types.js';
import { renderPlanJson } from '../render/index.js';
import { planFromJson, type SavedPlan } from './saved-plan.js';

function describeChange(change: Change | undefined): string {
  if (!change) return 'not in the plan';
  if (change.action === 'no-op') return 'no changes';
  return `${change.action} ${change.diffs.map((d) => d.field).join(', ')}`;
}

function shown(value: unknown): string {
  return value === null || value === undefined ? '(none)' : JSON.stringify(value);
}

/**
 * The live values that moved in one profile, from the two plans' diffs: a diff's `before` is the live value, and
 * a field with no diff was equal to the file's value (the other plan's `after`). The files are the same on both
 * sides (checked before), so this recovers the live value then and now for every field either plan touches.
 */
function movedFields(saved: Change | undefined, now: Change | undefined): string[] {
  const savedDiffs = new Map((saved?.diffs ?? []).map((d) => [d.field, d]));
  const nowDiffs = new Map((now?.diffs ?? []).map((d) => [d.field, d]));
  const fields = [...new Set([...savedDiffs.keys(), ...nowDiffs.keys()])].sort();
  const out: string[] = [];
  for (const field of fields) {
    const s: Diff | undefined = savedDiffs.get(field);
    const n: Diff | undefined = nowDiffs.get(field);
    const then = s ? s.before : n?.after;
    const current = n ? n.before : s?.after;
    if (!equal(then ?? null, current ?? null)) out.push(`${field} was ${shown(then)}, now ${shown(current)}`);
  }
  return out;
}

/** What moved live between the snapshot a plan was made from and now, one line per profile, with values. */
export function describeLiveMoves(saved: SavedPlan, current: Plan, currentLive: LiveSnapshot): string[] {
  const lines: string[] = [];
  for (const name of changedProfiles(saved.live, currentLive)) {
    const before = saved.live.profiles[name] ?? null;
    const after = currentLive.profiles[name] ?? null;
    if (before === null && after !== null) {
      lines.push(`${name}: a live profile of this name appeared (${after.routingProfileId}); the plan would have created it`);
      continue;
    }
    if (before !== null && after === null) {
      lines.push(`${name}: the live profile ${before.routingProfileId} is gone; the plan would have changed it`);
      continue;
    }
    const savedChange = saved.plan.changes.find((c) => c.name === name);
    const nowChange = current.changes.find((c) => c.name === name);
    const moved = movedFields(savedChange, nowChange);
    lines.push(
      moved.length > 0
        ? `${name}: ${moved.join('; ')}`
        : `${name}: live values the plan read but does not change moved (planned "${describeChange(savedChange)}", now "${describeChange(nowChange)}")`,
    );
  }
  if (queueInventoryChanged(saved.live, currentLive)) lines.push(...queueMoves(saved.live, currentLive));
  return lines;
}

function queueMoves(before: LiveSnapshot, after: LiveSnapshot): string[] {
  if (before.instanceId !== after.instanceId) return [`instance: was ${before.instanceId}, now ${after.instanceId}`];
  const was = new Map(before.queues.map((q) => [q.queueId, q.name]));
  const now = new Map(after.queues.map((q) => [q.queueId, q.name]));
  const out: string[] = [];
  for (const [id, name] of was) {
    if (!now.has(id)) out.push(`queue ${JSON.stringify(name)} (${id}) is gone`);
    else if (now.get(id) !== name) out.push(`queue ${id} was named ${JSON.stringify(name)}, now ${JSON.stringify(now.get(id))}`);
  }
  for (const [id, name] of now) if (!was.has(id)) out.push(`queue ${JSON.stringify(name)} (${id}) appeared`);
  return out.length > 0 ? out : ['the queue list changed'];
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
    const moves = describeLiveMoves(saved, current, currentLive);
    if (moves.length === 0) moves.push('live values the plan read but does not change (its calls would be the same, computed from other values)');
    throw new StalePlanError('the live instance changed since this plan was made; it is stale and was not applied', moves);
  }
  const changes = differingChanges(plan, current);
  if (changes.length > 0 || !equal(plan.summary, current.summary)) {
    throw new StalePlanError(`the saved plan does not match the files in ${dir}: they changed since it was made, or the plan file was edited`, changes);
  }
}
