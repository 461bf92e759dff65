// What apply did, for people: one line per profile that apply touched, the detail of every call of a profile
// that did not finish (what failed, why, what to do; what was skipped), the fields still different after the
// verification re-read, and one closing sentence.
import type { ApplyResult, CallOutcome, ChangeResult } from '../apply/types.js';
import { assertNever } from '../errors.js';
import { countOf } from './format.js';

/** A call reached Connect (whether or not it succeeded). */
function wasSent(outcome: CallOutcome): boolean {
  return outcome.status !== 'skipped';
}

function isCreate(change: ChangeResult): boolean {
  return change.calls.some((c) => c.call.operation === 'CreateRoutingProfile');
}

function noted(outcome: CallOutcome): string {
  return (outcome.status === 'done' || outcome.status === 'adopted') && outcome.note !== undefined ? ` (${outcome.note})` : '';
}

function callLine(outcome: CallOutcome): string[] {
  const op = outcome.call.operation;
  switch (outcome.status) {
    case 'done':
      return [`      ✓ ${op}${noted(outcome)}`];
    case 'adopted':
      return [`      ✓ ${op}: already existed (an earlier attempt or a concurrent apply created it); adopted ${outcome.routingProfileId}${noted(outcome)}`];
    case 'failed':
      return [`      ✗ ${op} failed: ${outcome.errorName}: ${outcome.message}`, `          hint: ${outcome.hint}`];
    case 'skipped':
      return [`      - ${op} skipped (${outcome.reason})`];
    default:
      return assertNever(outcome, 'call outcome');
  }
}

function changeLines(change: ChangeResult): string[] {
  const name = JSON.stringify(change.name);
  const id = change.routingProfileId === undefined ? '' : ` (${change.routingProfileId})`;
  const sent = change.calls.filter(wasSent).length;
  switch (change.outcome) {
    case 'done': {
      // An adopted create is reported as such: a profile of that name already existed, because our own earlier
      // attempt succeeded with its response lost, or because another apply created it at the same moment.
      const adopted = change.calls.some((c) => c.status === 'adopted') ? ', adopting the profile of that name that already existed' : '';
      const verb = isCreate(change) ? 'created' : 'updated';
      // Reconciliation notes (e.g. queue pairs found already associated after a lost answer) are worth seeing.
      const notes = change.calls.filter((c) => noted(c) !== '').map((c) => `      note: ${c.call.operation}${noted(c)}`);
      return [`  ${isCreate(change) ? '+' : '~'} ${name}${id}: ${verb} (${countOf(sent, 'API call')}${adopted})`, ...notes];
    }
    case 'failed':
      return [
        `  ! ${name}${id}: failed after ${sent} of ${countOf(change.calls.length, 'API call')}`,
        ...change.calls.flatMap(callLine),
      ];
    case 'skipped':
      return [`  - ${name}${id}: skipped`, ...change.calls.flatMap(callLine)];
    case 'unchanged':
      return [];
    // Shown as their own lines by the renderer of these outcomes (adopted creates, blocked deletes).
    case 'adopted':
    case 'blocked':
      return [`  ${name}${id}: ${change.outcome}`];
    default:
      return assertNever(change.outcome, 'change outcome');
  }
}

export function renderApplyResultText(result: ApplyResult): string {
  const count = (outcome: ChangeResult['outcome'], create?: boolean): number =>
    result.changes.filter((c) => c.outcome === outcome && (create === undefined || isCreate(c) === create)).length;
  const created = count('done', true);
  const updated = count('done', false);
  const failed = count('failed');
  const skipped = count('skipped');
  const calls = result.changes.reduce((n, c) => n + c.calls.filter(wasSent).length, 0);

  const lines = result.changes.flatMap(changeLines);
  if (lines.length > 0) lines.push('');
  if (result.notConverged.length > 0) {
    lines.push('Still different from the files after apply:');
    for (const { name, fields } of result.notConverged) lines.push(`  ${JSON.stringify(name)}: ${fields.join(', ')}`);
    lines.push('');
  }

  const counts =
    `${created} created, ${updated} updated, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '') + ` (${countOf(calls, 'API call')})`;
  const succeeded = failed === 0 && skipped === 0 && !result.interrupted && result.converged;
  if (succeeded) {
    lines.push(`Apply complete: ${counts}.`);
  } else if (result.interrupted) {
    lines.push(`Apply interrupted: ${counts}. Run apply again to finish; it carries on from what is live.`);
  } else {
    const unconverged = result.notConverged.length > 0 ? `; ${countOf(result.notConverged.length, 'profile')} not converged` : '';
    lines.push(`Apply failed: ${counts}${unconverged}. Fix what is reported above and run apply again; it carries on from what is live.`);
  }
  return `${lines.join('\n')}\n`;
}
