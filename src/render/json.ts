// The saved/machine plan: exactly design.md's JSON shape, keys in the documented order (objects are rebuilt
// here rather than serialised as they come, so the file does not depend on how the plan value was built).
// A diff's absent side (`before` of a create, `after` of a removal) is written as null so every diff has the
// same three keys.
import type { Change, Plan } from '../plan/types.js';

function changeJson(change: Change): Record<string, unknown> {
  const json: Record<string, unknown> = { action: change.action, name: change.name };
  if (change.routingProfileId !== undefined) json.routingProfileId = change.routingProfileId;
  json.diffs = change.diffs.map((d) => ({ field: d.field, before: d.before ?? null, after: d.after ?? null }));
  json.calls = change.calls.map((c) => ({ operation: c.operation, input: c.input }));
  return json;
}

export function renderPlanJson(plan: Plan): string {
  const json = {
    formatVersion: plan.formatVersion,
    instanceId: plan.instanceId,
    changes: plan.changes.map(changeJson),
    summary: {
      create: plan.summary.create,
      update: plan.summary.update,
      noOp: plan.summary.noOp,
      calls: plan.summary.calls,
    },
    liveFingerprint: plan.liveFingerprint,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
