// The plan as a pull-request comment or a job summary: a heading, the summary, a table of changed profiles,
// one collapsible section per changed profile, and the closing sentence. GitHub rejects comments longer than
// 65,536 characters, so whole profile sections are dropped from the end (with a note saying how many) until
// the text fits; the result is never longer than maxLength.
import type { Change, Plan } from '../plan/types.js';
import { countOf, DIFF_MARKER, diffKind, formatValue, withThousands } from './format.js';
import { escapeMarkdown } from './markdown-escape.js';
import { actionLabel, actionMarker, closingLine, hasChanges, type PlanPurpose } from './purpose.js';

/** GitHub's limit on an issue or pull-request comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  title?: string;
  maxLength?: number;
  purpose?: PlanPurpose;
}

const DEFAULT_TITLE: Readonly<Record<PlanPurpose, string>> = {
  plan: 'connect-gitops plan',
  drift: 'connect-gitops drift report',
};

/** A drift report compares the instance with the files; a plan, now with after apply. */
const COLUMNS: Readonly<Record<PlanPurpose, string>> = { plan: 'Before | After', drift: 'Live | Files' };

function cellValue(value: unknown): string {
  return value === undefined ? '' : escapeMarkdown(formatValue(value));
}

function tableRow(change: Change, purpose: PlanPurpose): string {
  const action = `\`${actionMarker(change.action)}\` ${actionLabel(change.action, purpose)}`;
  return `| ${action} | ${escapeMarkdown(change.name)} | ${change.diffs.length} | ${change.calls.length} |\n`;
}

function section(change: Change, purpose: PlanPurpose): string {
  const rows = change.diffs.map((d) => {
    const marker = DIFF_MARKER[diffKind(d.before, d.after)];
    return `| \`${marker}\` | ${escapeMarkdown(d.field)} | ${cellValue(d.before)} | ${cellValue(d.after)} |\n`;
  });
  return (
    `<details>\n<summary>${actionMarker(change.action)} ${actionLabel(change.action, purpose)} ` +
    `<strong>${escapeMarkdown(change.name)}</strong> (${countOf(change.calls.length, 'API call')})</summary>\n\n` +
    `| | Field | ${COLUMNS[purpose]} |\n| --- | --- | --- | --- |\n${rows.join('')}\n</details>\n\n`
  );
}

function truncationNote(omitted: number, maxLength: number, purpose: PlanPurpose): string {
  const limit =
    maxLength === GITHUB_COMMENT_LIMIT
      ? `GitHub's ${withThousands(GITHUB_COMMENT_LIMIT)}-character limit`
      : `the ${withThousands(maxLength)}-character limit`;
  return (
    `… ${countOf(omitted, 'more profile')} not shown (output truncated to fit ${limit}). ` +
    `Run \`connect-gitops ${purpose}\` to see the full ${purpose === 'plan' ? 'plan' : 'report'}.\n\n`
  );
}

export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const purpose = options.purpose ?? 'plan';
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const closing = closingLine(plan, purpose);
  const heading = `## ${escapeMarkdown(options.title ?? DEFAULT_TITLE[purpose])}\n\n`;
  if (!hasChanges(plan)) return fit(`${heading}${closing}\n`, maxLength);

  const changed = plan.changes.filter((c) => c.action !== 'no-op');
  const head =
    `${heading}**${closing}** Instance ${escapeMarkdown(plan.instanceId)}.\n\n` +
    '| Action | Routing profile | Changed fields | API calls |\n| --- | --- | --- | --- |\n';
  const rows = changed.map((c) => tableRow(c, purpose));
  const sections = changed.map((c) => section(c, purpose));
  const tail = `${closing}\n`;

  // Show the longest prefix of profiles (row + section each) that fits with the note for the rest.
  let shown = changed.length;
  let length = head.length + 1 + tail.length + rows.reduce((n, r) => n + r.length, 0) + sections.reduce((n, s) => n + s.length, 0);
  while (shown > 0 && length + (shown < changed.length ? truncationNote(changed.length - shown, maxLength, purpose).length : 0) > maxLength) {
    shown--;
    length -= (rows[shown] as string).length + (sections[shown] as string).length;
  }
  const note = shown < changed.length ? truncationNote(changed.length - shown, maxLength, purpose) : '';
  const text = `${head}${rows.slice(0, shown).join('')}\n${sections.slice(0, shown).join('')}${note}${tail}`;
  return fit(text, maxLength);
}

/** Last resort for a maxLength too small for even the heading: cut, so the bound always holds. */
function fit(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const ellipsis = '…\n';
  return maxLength <= ellipsis.length ? text.slice(0, Math.max(0, maxLength)) : `${text.slice(0, maxLength - ellipsis.length)}${ellipsis}`;
}
