// Reading a plan saved by `plan --out`, and deciding whether it still describes the live instance.
import { readFileSync } from 'node:fs';
import equal from 'fast-deep-equal';
import { StalePlanError, UserInputError } from '../errors.js';
import { CALL_ORDER, type Change, type Plan } from '../plan/types.js';
import { renderPlanJson } from '../render/index.js';

export function readSavedPlan(path: string): Plan {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserInputError(`cannot read the saved plan ${path}: ${(e as Error).message}`, [], 'Pass a file written by `connect-gitops plan --out`.');
  }
  const plan = parsed as Partial<Plan>;
  if (plan === null || typeof plan !== 'object' || plan.formatVersion !== 1 || !Array.isArray(plan.changes) || typeof plan.liveFingerprint !== 'string' || typeof plan.instanceId !== 'string') {
    throw new UserInputError(`${path} is not a connect-gitops plan (formatVersion 1)`, [], 'Pass a file written by `connect-gitops plan --out`.');
  }
  for (const change of plan.changes) {
    for (const call of change.calls ?? []) {
      if (!(CALL_ORDER as readonly string[]).includes(call.operation)) throw new UserInputError(`${path}: "${String(call.operation)}" is not an operation connect-gitops sends`);
    }
  }
  return plan as Plan;
}

function describeChange(change: Change | undefined): string {
  if (!change) return 'not managed';
  if (change.action === 'no-op') return 'no changes';
  return `${change.action} ${change.diffs.map((d) => d.field).join(', ')}`;
}

/**
 * A saved plan may be applied only to the live state it was computed from. The fingerprint decides; the
 * message names each profile whose plan would now be different, so the user knows what moved.
 */
export function assertPlanIsCurrent(saved: Plan, computed: Plan, instanceId: string): void {
  if (saved.instanceId !== instanceId) {
    throw new StalePlanError(`the saved plan was made for instance ${saved.instanceId}, not ${instanceId}`, []);
  }
  if (saved.liveFingerprint === computed.liveFingerprint) return;
  // Compare like with like: the saved plan went through JSON (an absent `before` became null).
  const current = JSON.parse(renderPlanJson(computed)) as Plan;
  const names = [...new Set([...saved.changes, ...current.changes].map((c) => c.name))].sort();
  const changes: string[] = [];
  for (const name of names) {
    const before = saved.changes.find((c) => c.name === name);
    const now = current.changes.find((c) => c.name === name);
    if (!equal(before?.diffs, now?.diffs) || before?.action !== now?.action) {
      changes.push(`${name}: planned "${describeChange(before)}", now "${describeChange(now)}"`);
    }
  }
  if (changes.length === 0) changes.push('live values that the plan does not change (its calls would still be the same, but were computed from other values)');
  throw new StalePlanError('the live instance changed since this plan was made; it is stale and was not applied', changes);
}
