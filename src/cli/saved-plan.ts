// Reading a plan saved by `plan --out`, and deciding whether it may still be applied.
import { readFileSync } from 'node:fs';
import equal from 'fast-deep-equal';
import { StalePlanError, UserInputError } from '../errors.js';
import { CALL_ORDER, type Change, type Plan } from '../plan/types.js';
import { renderPlanJson } from '../render/index.js';

const ACTIONS = new Set(['create', 'update', 'no-op']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function notAPlan(path: string, why: string): UserInputError {
  return new UserInputError(`${path} is not a connect-gitops plan (formatVersion 1): ${why}`, [], 'Pass a file written by `connect-gitops plan --out`.');
}

export function readSavedPlan(path: string): Plan {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserInputError(`cannot read the saved plan ${path}: ${(e as Error).message}`, [], 'Pass a file written by `connect-gitops plan --out`.');
  }
  if (!isRecord(parsed) || parsed.formatVersion !== 1) throw notAPlan(path, 'no formatVersion 1');
  if (typeof parsed.instanceId !== 'string' || typeof parsed.liveFingerprint !== 'string') throw notAPlan(path, 'instanceId or liveFingerprint missing');
  if (!Array.isArray(parsed.changes)) throw notAPlan(path, 'changes is not a list');
  parsed.changes.forEach((change: unknown, i: number) => {
    if (!isRecord(change) || typeof change.name !== 'string' || !ACTIONS.has(String(change.action)) || !Array.isArray(change.diffs) || !Array.isArray(change.calls)) {
      throw notAPlan(path, `changes[${i}] is not a change`);
    }
    change.calls.forEach((call: unknown, j: number) => {
      if (!isRecord(call) || !isRecord(call.input) || !(CALL_ORDER as readonly unknown[]).includes(call.operation)) {
        throw notAPlan(path, `changes[${i}].calls[${j}] is not an operation connect-gitops sends`);
      }
    });
  });
  return parsed as unknown as Plan;
}

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
 * same instance, same live fingerprint, same changes call for call. So a reviewed plan cannot be applied to an
 * instance that moved since, nor from other files, nor after the file was edited by hand. The caller then
 * sends the calls it recomputed, which are the reviewed ones.
 */
export function assertSavedPlanApplies(saved: Plan, computed: Plan, dir: string): void {
  if (saved.instanceId !== computed.instanceId) {
    throw new StalePlanError(`the saved plan was made for instance ${saved.instanceId}, not ${computed.instanceId}`, []);
  }
  // Compare like with like: the saved plan went through JSON (an absent `before` became null).
  const current = JSON.parse(renderPlanJson(computed)) as Plan;
  const savedNames = new Set(saved.changes.map((c) => c.name));
  const currentNames = new Set(current.changes.map((c) => c.name));
  if (savedNames.size !== currentNames.size || [...savedNames].some((n) => !currentNames.has(n))) {
    throw new StalePlanError(
      `the saved plan was made from other profile files than those in ${dir}`,
      [...[...savedNames].filter((n) => !currentNames.has(n)).map((n) => `${n}: in the plan, not in the files`), ...[...currentNames].filter((n) => !savedNames.has(n)).map((n) => `${n}: in the files, not in the plan`)].sort(),
    );
  }
  if (saved.liveFingerprint !== current.liveFingerprint) {
    const changes = differingChanges(saved, current);
    if (changes.length === 0) changes.push('live values the plan read but does not change (its calls would be the same, computed from other values)');
    throw new StalePlanError('the live instance changed since this plan was made; it is stale and was not applied', changes);
  }
  const changes = differingChanges(saved, current);
  if (changes.length > 0 || !equal(saved.summary, current.summary)) {
    throw new StalePlanError(`the saved plan does not match the files in ${dir}: they changed since it was made, or the plan file was edited`, changes);
  }
}
