// What apply did, for people. The report always comes first, whatever happened after it: one line per profile
// apply touched (created, adopted, updated, deleted, blocked and why, failed, skipped), the detail of every call of
// a profile that did not finish (what failed, why, what to do; what was skipped), then the verification re-read
// (converged, the fields still different, not run and why, or could not run and why), and one closing sentence.
// Names and Connect's messages are escaped: they are live data.
import type { ApplyResult, CallOutcome, ChangeResult, Verification } from '../apply/types.js';
import { assertNever } from '../errors.js';
import type { ChangeAction } from '../plan/types.js';
import { escapeControl, quoted } from './escape.js';
import { countOf } from './format.js';
import { blockReason } from './purpose.js';

/** A call reached Connect (whether or not it succeeded). */
function wasSent(outcome: CallOutcome): boolean {
  return outcome.status !== 'skipped';
}

/** What the plan said to do; results built without `action` say it through their calls. */
function actionOf(change: ChangeResult): ChangeAction {
  if (change.action !== undefined) return change.action;
  if (change.calls.some((c) => c.call.operation === 'CreateRoutingProfile')) return 'create';
  if (change.calls.some((c) => c.call.operation === 'DeleteRoutingProfile')) return 'delete';
  return change.calls.length === 0 ? 'no-op' : 'update';
}

/** How the report counts a change: an adopted create is not a create (issue: it was counted as one). */
type Tally = 'created' | 'adopted' | 'updated' | 'deleted' | 'blocked' | 'failed' | 'skipped' | 'unchanged';

function tallyOf(change: ChangeResult): Tally {
  switch (change.outcome) {
    case 'done': {
      const action = actionOf(change);
      if (action === 'create') return change.calls.some((c) => c.status === 'adopted') ? 'adopted' : 'created';
      if (action === 'delete') return 'deleted';
      return action === 'no-op' ? 'unchanged' : 'updated';
    }
    case 'adopted':
    case 'blocked':
    case 'failed':
    case 'skipped':
    case 'unchanged':
      return change.outcome;
    default:
      return assertNever(change.outcome, 'change outcome');
  }
}

function noted(outcome: CallOutcome): string {
  return (outcome.status === 'done' || outcome.status === 'adopted') && outcome.note !== undefined ? ` (${escapeControl(outcome.note)})` : '';
}

function callLine(outcome: CallOutcome): string[] {
  const op = outcome.call.operation;
  switch (outcome.status) {
    case 'done':
      return [`      ✓ ${op}${noted(outcome)}`];
    case 'adopted':
      return [`      ✓ ${op}: a profile of that name already existed; adopted ${escapeControl(outcome.routingProfileId)}${noted(outcome)}`];
    case 'failed':
      return [
        `      ✗ ${op} failed: ${escapeControl(outcome.errorName)}: ${escapeControl(outcome.message)}`,
        `          hint: ${escapeControl(outcome.hint)}`,
      ];
    case 'skipped':
      return [`      - ${op} skipped (${escapeControl(outcome.reason)})`];
    default:
      return assertNever(outcome, 'call outcome');
  }
}

const MARKER: Readonly<Record<ChangeAction, string>> = { create: '+', update: '~', delete: '-', 'no-op': ' ' };

function changeLines(change: ChangeResult): string[] {
  const name = quoted(change.name);
  const id = change.routingProfileId === undefined ? '' : ` (${escapeControl(change.routingProfileId)})`;
  const sent = change.calls.filter(wasSent).length;
  const head = `  ${MARKER[actionOf(change)]} ${name}${id}`;
  // Reconciliation notes (e.g. queue pairs found already associated after a lost answer) are worth seeing.
  const notes = change.calls.filter((c) => noted(c) !== '').map((c) => `      note: ${c.call.operation}${noted(c)}`);
  const tally = tallyOf(change);
  switch (tally) {
    case 'created':
    case 'updated':
    case 'deleted':
      return [`${head}: ${tally} (${countOf(sent, 'API call')})`, ...notes];
    case 'adopted':
      // A profile of that name was there when the create went out: made elsewhere at the same moment, or by
      // our own earlier attempt whose answer was lost. Either way apply carried on with it, and says so.
      return [`${head}: adopted (a profile of that name already existed; ${countOf(sent, 'API call')})`, ...notes];
    case 'blocked':
      return [`  ! ${name}${id}: blocked${change.blocked === undefined ? ' by the plan; nothing was sent' : `: ${blockReason(change.blocked)}`}`];
    case 'failed':
      return [`  ! ${name}${id}: failed after ${sent} of ${countOf(change.calls.length, 'API call')}`, ...change.calls.flatMap(callLine)];
    case 'skipped':
      return [`  - ${name}${id}: skipped`, ...change.calls.flatMap(callLine)];
    case 'unchanged':
      return [];
    default:
      return assertNever(tally, 'apply tally');
  }
}

/** The verification as reported; results from before it was a field say it through `converged`. */
function verificationOf(result: ApplyResult): Verification | undefined {
  if (result.verification !== undefined) return result.verification;
  if (result.notConverged.length > 0) return { status: 'not-converged', notConverged: result.notConverged };
  return result.converged ? { status: 'converged' } : undefined;
}

function verificationLines(verification: Verification | undefined): string[] {
  if (verification === undefined) return [];
  switch (verification.status) {
    case 'converged':
      return ['Verified: live routing profiles match the files.'];
    case 'not-converged':
      return [
        'Still different from the files after apply:',
        ...verification.notConverged.map(({ name, fields }) => `  ${quoted(name)}: ${fields.map(escapeControl).join(', ')}`),
      ];
    case 'not-run':
      return [`The verification did not run: ${escapeControl(verification.reason)}.`];
    case 'failed':
      return [`The verification could not run: ${escapeControl(verification.error)}. Run plan to see what is live now.`];
    default:
      return assertNever(verification, 'verification');
  }
}

export function renderApplyResultText(result: ApplyResult): string {
  const counts = new Map<Tally, number>();
  for (const change of result.changes) counts.set(tallyOf(change), (counts.get(tallyOf(change)) ?? 0) + 1);
  const n = (tally: Tally): number => counts.get(tally) ?? 0;
  const calls = result.changes.reduce((sum, c) => sum + c.calls.filter(wasSent).length, 0);

  const lines = result.changes.flatMap(changeLines);
  if (lines.length > 0) lines.push('');
  if (result.unreachable === true) lines.push('Connect stopped answering (unreachable): the remaining calls were skipped, not retried.', '');
  const verification = verificationOf(result);
  const checked = verificationLines(verification);
  if (checked.length > 0) lines.push(...checked, '');

  // created, updated and failed always; the rest only when they happened.
  const optional = (tally: Tally): string => (n(tally) > 0 ? `, ${n(tally)} ${tally}` : '');
  const tallies =
    `${n('created')} created${optional('adopted')}, ${n('updated')} updated${optional('deleted')}, ${n('failed')} failed` +
    `${optional('blocked')}${optional('skipped')} (${countOf(calls, 'API call')})`;
  const finished = n('failed') + n('skipped') + n('blocked') === 0 && !result.interrupted;
  if (result.unreachable === true) {
    lines.push(`Apply stopped: ${tallies}. Connect could not be reached; run apply again once it can, it carries on from what is live.`);
  } else if (result.interrupted) {
    lines.push(`Apply interrupted: ${tallies}. Run apply again to finish; it carries on from what is live.`);
  } else if (finished && verification?.status === 'converged') {
    lines.push(`Apply complete: ${tallies}.`);
  } else if (finished && (verification === undefined || verification.status === 'failed' || verification.status === 'not-run')) {
    lines.push(`Apply unverified: ${tallies}. Run plan to check that live matches the files.`);
  } else {
    const unconverged =
      verification?.status === 'not-converged' && verification.notConverged.length > 0
        ? `; ${countOf(verification.notConverged.length, 'profile')} not converged`
        : '';
    lines.push(`Apply failed: ${tallies}${unconverged}. Fix what is reported above and run apply again; it carries on from what is live.`);
  }
  return `${lines.join('\n')}\n`;
}
