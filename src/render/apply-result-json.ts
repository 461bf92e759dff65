// What apply did, as data (`apply --format json`): versioned like the plan (formatVersion 1, only growing) and
// with keys in a fixed order, so that a pipeline can parse it and a diff of two results reads cleanly. Objects
// are rebuilt here rather than serialised as they come, so the document does not depend on how the value was
// built. A pure function: the caller prints it.
import type { ApplyResult, CallOutcome, ChangeResult, Verification } from '../apply/types.js';
import { assertNever } from '../errors.js';
import { escapeJsonText } from './escape.js';
import type { ChangeAction } from '../plan/types.js';

export interface ApplyResultJsonContext {
  instanceId: string;
  environment?: string;
}

/** The change's action: as the plan said, else read from its calls (results built by hand carry none). */
function actionOf(change: ChangeResult): ChangeAction {
  if (change.action !== undefined) return change.action;
  if (change.calls.some((c) => c.call.operation === 'CreateRoutingProfile')) return 'create';
  if (change.calls.some((c) => c.call.operation === 'DeleteRoutingProfile')) return 'delete';
  return change.calls.length === 0 ? 'no-op' : 'update';
}

function callJson(outcome: CallOutcome): Record<string, unknown> {
  const json: Record<string, unknown> = { operation: outcome.call.operation, status: outcome.status };
  switch (outcome.status) {
    case 'done':
      if (outcome.note !== undefined) json.note = outcome.note;
      break;
    case 'adopted':
      json.routingProfileId = outcome.routingProfileId;
      if (outcome.note !== undefined) json.note = outcome.note;
      break;
    case 'failed':
      json.errorName = outcome.errorName;
      json.message = outcome.message;
      json.hint = outcome.hint;
      break;
    case 'skipped':
      json.reason = outcome.reason;
      break;
    default:
      return assertNever(outcome, 'call outcome');
  }
  json.input = outcome.call.input;
  return json;
}

function verificationJson(v: Verification | undefined): Record<string, unknown> | null {
  if (v === undefined) return null;
  switch (v.status) {
    case 'converged':
      return { status: v.status };
    case 'not-converged':
      return { status: v.status, notConverged: v.notConverged.map((n) => ({ name: n.name, fields: [...n.fields] })) };
    case 'not-run':
      return { status: v.status, reason: v.reason };
    case 'failed':
      return { status: v.status, error: v.error };
    default:
      return assertNever(v, 'verification');
  }
}

export function renderApplyResultJson(result: ApplyResult, context: ApplyResultJsonContext): string {
  const counted = (pred: (c: ChangeResult) => boolean): number => result.changes.filter(pred).length;
  const finished = (c: ChangeResult): boolean => c.outcome === 'done' || c.outcome === 'adopted';
  // A create that found the profile already there is counted as adopted, not as created (issue: hardening).
  const wasAdopted = (c: ChangeResult): boolean => c.outcome === 'adopted' || c.calls.some((o) => o.status === 'adopted');
  const failed = counted((c) => c.outcome === 'failed');
  const skipped = counted((c) => c.outcome === 'skipped');
  const blocked = counted((c) => c.outcome === 'blocked');
  const json = {
    formatVersion: 1,
    instanceId: context.instanceId,
    ...(context.environment === undefined ? {} : { environment: context.environment }),
    succeeded: failed === 0 && skipped === 0 && blocked === 0 && !result.interrupted && result.converged,
    changes: result.changes
      .filter((c) => c.outcome !== 'unchanged')
      .map((c) => ({
        name: c.name,
        action: actionOf(c),
        ...(c.routingProfileId === undefined ? {} : { routingProfileId: c.routingProfileId }),
        outcome: c.outcome,
        calls: c.calls.map(callJson),
      })),
    summary: {
      created: counted((c) => finished(c) && actionOf(c) === 'create' && !wasAdopted(c)),
      adopted: counted((c) => finished(c) && wasAdopted(c)),
      updated: counted((c) => finished(c) && actionOf(c) === 'update'),
      deleted: counted((c) => finished(c) && actionOf(c) === 'delete'),
      unchanged: counted((c) => c.outcome === 'unchanged'),
      failed,
      skipped,
      blocked,
      calls: result.changes.reduce((n, c) => n + c.calls.filter((o) => o.status !== 'skipped').length, 0),
    },
    interrupted: result.interrupted,
    unreachable: result.unreachable ?? false,
    verification: verificationJson(result.verification),
  };
  // Names and messages from Connect may hold bidi and C1 characters JSON leaves raw: escaped, same value.
  return `${escapeJsonText(JSON.stringify(json, null, 2))}\n`;
}
