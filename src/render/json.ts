// The saved/machine plan: design.md's JSON shape, formatVersion 1, only ever growing. Keys come in one documented
// order (objects are rebuilt here rather than serialised as they come, so the file does not depend on how the
// plan value was built):
//
//   formatVersion, instanceId, environment?, prune, scope? {changedSince, profiles, declared},
//   changes [{action, name, routingProfileId?, renamedFrom?, agents, blocked?,
//             diffs [{field, path, before, after}], calls [{operation, input}]}],
//   unmanaged [{name, routingProfileId, owned}], warnings [string], problems [{kind, name?, message}],
//   summary {create, update, delete, noOp, calls, agents}, liveFingerprint
//
// A diff's absent side (`before` of a create, `after` of a removal or delete) is written as null so every diff
// has the same keys; a queue segment of a path is {queueId, queue, channel}. Characters JSON leaves raw (DEL,
// C1, bidi controls) are written as \u escapes: the same value, safe to print.
import type { Change, ChangeBlock, Diff, DiffPathSegment, Plan } from '../plan/types.js';
import { escapeJsonText } from './escape.js';

function pathJson(segment: DiffPathSegment): unknown {
  return typeof segment === 'string' ? segment : { queueId: segment.queueId, queue: segment.queue, channel: segment.channel };
}

function diffJson(d: Diff): Record<string, unknown> {
  return { field: d.field, path: d.path.map(pathJson), before: d.before ?? null, after: d.after ?? null };
}

function blockJson(block: ChangeBlock): Record<string, unknown> {
  return 'associatedUsers' in block ? { associatedUsers: block.associatedUsers } : { otherOwner: block.otherOwner };
}

function changeJson(change: Change): Record<string, unknown> {
  const json: Record<string, unknown> = { action: change.action, name: change.name };
  if (change.routingProfileId !== undefined) json.routingProfileId = change.routingProfileId;
  if (change.renamedFrom !== undefined) json.renamedFrom = change.renamedFrom;
  json.agents = change.agents;
  if (change.blocked !== undefined) json.blocked = blockJson(change.blocked);
  json.diffs = change.diffs.map(diffJson);
  json.calls = change.calls.map((c) => ({ operation: c.operation, input: c.input }));
  return json;
}

/** The plan as a JSON value in the documented key order (also the body of a multi-environment document). */
export function planJsonValue(plan: Plan): Record<string, unknown> {
  const json: Record<string, unknown> = { formatVersion: plan.formatVersion, instanceId: plan.instanceId };
  if (plan.environment !== undefined) json.environment = plan.environment;
  json.prune = plan.prune;
  if (plan.scope !== undefined) {
    json.scope = { changedSince: plan.scope.changedSince, profiles: plan.scope.profiles, declared: plan.scope.declared };
  }
  json.changes = plan.changes.map(changeJson);
  json.unmanaged = plan.unmanaged.map((u) => ({ name: u.name, routingProfileId: u.routingProfileId, owned: u.owned }));
  json.warnings = [...plan.warnings];
  json.problems = plan.problems.map((p) => ({ kind: p.kind, ...(p.name === undefined ? {} : { name: p.name }), message: p.message }));
  json.summary = {
    create: plan.summary.create,
    update: plan.summary.update,
    delete: plan.summary.delete,
    noOp: plan.summary.noOp,
    calls: plan.summary.calls,
    agents: plan.summary.agents,
  };
  json.liveFingerprint = plan.liveFingerprint;
  return json;
}

export function renderPlanJson(plan: Plan): string {
  return `${escapeJsonText(JSON.stringify(planJsonValue(plan), null, 2))}\n`;
}
