// The plan as a pull-request comment or a job summary (GitHub renders comments about 900 px wide): a heading, the
// closing sentence, blocking problems and warnings, a narrow table of changed profiles, one collapsible section
// per changed profile laid out as a reviewer thinks of it (fields, then channels, queues, manual-assignment
// queues and tags as short tables of whole rows), the live profiles no file declares, and the closing sentence
// again. GitHub rejects comments longer than 65,536 characters, so whole profile sections are dropped from the
// end (with a note saying how many) until the text fits; the result is never longer than maxLength.
import type { Change, Plan } from '../plan/types.js';
import { countOf, DIFF_MARKER, type DiffKind, formatValue, withThousands } from './format.js';
import { quoted } from './escape.js';
import { escapeCodeSpan, escapeMarkdown } from './markdown-escape.js';
import { type FieldRow, profileView, type ProfileView, viewTables } from './profile-view.js';
import {
  actionLabel,
  actionMarker,
  agentsPhrase,
  blockReason,
  closingLine,
  type PlanPurpose,
  problemsHeading,
  shownChanges,
  unmanagedHeading,
  unmanagedMark,
  warningsHeading,
} from './purpose.js';

/** GitHub's limit on an issue or pull-request comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Past this many, the unmanaged list says how many more there are: 500 names would crowd out the changes. */
const UNMANAGED_SHOWN = 50;

export interface MarkdownOptions {
  title?: string;
  /** 2 for a document of its own; 3 for a section under a multi-environment comment's own level-2 heading. */
  headingLevel?: 2 | 3;
  maxLength?: number;
  purpose?: PlanPurpose;
  /**
   * How the truncation note names the bound and the command showing everything, when they are not this
   * document's own (a section of a multi-environment comment: the whole comment's limit, `plan --env dev`).
   * The limit is written as given; the command is escaped for the code span it goes in (escapeCodeSpan).
   */
  truncation?: { limit: string; command: string };
}

export const DEFAULT_TITLE: Readonly<Record<PlanPurpose, string>> = {
  plan: 'connect-gitops plan',
  drift: 'connect-gitops drift report',
};

const ARROW = ' → ';

/** A user value made inert for a table cell or a list item (escapeMarkdown escapes control characters too). */
const md = escapeMarkdown;

function marker(kind: DiffKind): string {
  return `\`${DIFF_MARKER[kind]}\``;
}

/** A GFM table of cells already escaped: header, separator, rows. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |\n`;
  return line(header) + line(header.map(() => '---')) + rows.map(line).join('');
}

/** One table: the marker column only when rows differ in kind (an update), never for a create or a delete. */
function table(header: string[], rows: { kind: DiffKind; cells: string[] }[], marked: boolean): string {
  return markdownTable(marked ? ['', ...header] : header, rows.map((r) => (marked ? [marker(r.kind), ...r.cells] : r.cells)));
}

function fieldItem(row: FieldRow, marked: boolean): string {
  const value = (v: unknown): string => md(formatValue(v));
  const text = marked
    ? row.kind === 'change'
      ? `${value(row.before)}${ARROW}${value(row.after)}`
      : row.kind === 'add'
        ? value(row.after)
        : `${value(row.before)}${ARROW}(none)`
    : value(row.kind === 'remove' ? row.before : row.after);
  return `- ${marked ? `${marker(row.kind)} ` : ''}${md(row.field)}: ${text}\n`;
}

export const capitalised = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function viewMarkdown(view: ProfileView, marked: boolean): string {
  const parts: string[] = [];
  if (view.fields.length > 0) parts.push(view.fields.map((f) => fieldItem(f, marked)).join(''));
  for (const t of viewTables(view, md, ARROW)) parts.push(`**${capitalised(t.label)}**\n\n${table(t.header.map(capitalised), t.rows, marked)}`);
  return parts.join('\n');
}

function idSuffix(change: Change): string {
  return change.routingProfileId === undefined ? '' : ` (${md(change.routingProfileId)})`;
}

function tableRow(change: Change, purpose: PlanPurpose): string {
  const action = `\`${actionMarker(change.action)}\` ${actionLabel(change.action, purpose)}${change.blocked === undefined ? '' : ' (blocked)'}`;
  const agents = change.action === 'create' ? '' : String(change.agents);
  return `| ${action} | ${md(change.name)} | ${agents} | ${change.calls.length} |\n`;
}

function section(change: Change, purpose: PlanPurpose): string {
  const agents = agentsPhrase(change);
  const whole = change.action === 'create' || change.action === 'delete';
  const blocked = change.blocked === undefined ? '' : `**Blocked:** ${md(blockReason(change.blocked))}.\n\n`;
  const body = viewMarkdown(profileView(change), !whole);
  return (
    `<details>\n<summary>${actionMarker(change.action)} ${actionLabel(change.action, purpose)} ` +
    `<strong>${md(change.name)}</strong>${idSuffix(change)}${agents === undefined ? '' : `, ${agents}`}, ` +
    `${countOf(change.calls.length, 'API call')}</summary>\n\n${blocked}${body}${body === '' ? '' : '\n'}</details>\n\n`
  );
}

function problemsMarkdown(plan: Plan): string {
  if (plan.problems.length === 0) return '';
  // GitHub's CAUTION alert: red, and impossible to miss above the tables.
  const items = plan.problems.map((p) => `> - ${md(p.message)}\n`).join('');
  return `> [!CAUTION]\n> **${problemsHeading(plan)}**\n>\n${items}\n`;
}

function warningsMarkdown(plan: Plan): string {
  if (plan.warnings.length === 0) return '';
  return `> [!WARNING]\n> **${warningsHeading(plan)}**\n>\n${plan.warnings.map((w) => `> - ${md(w)}\n`).join('')}\n`;
}

function unmanagedMarkdown(plan: Plan): string {
  if (plan.unmanaged.length === 0) return '';
  const shown = plan.unmanaged.slice(0, UNMANAGED_SHOWN);
  const more = plan.unmanaged.length - shown.length;
  // Quoted like in the text plan, so a name cannot start a heading or a nested list.
  const items = shown.map((u) => `- ${md(quoted(u.name))} (${md(u.routingProfileId)})${unmanagedMark(u, plan)}\n`).join('');
  return (
    `<details>\n<summary>${unmanagedHeading(plan)}</summary>\n\n${items}` +
    `${more > 0 ? `- … and ${more} more (the text and JSON plans list them all)\n` : ''}\n</details>\n\n`
  );
}

/** "GitHub's 65,536-character limit" or "the 4,000-character limit". */
export function limitPhrase(maxLength: number): string {
  return maxLength === GITHUB_COMMENT_LIMIT
    ? `GitHub's ${withThousands(GITHUB_COMMENT_LIMIT)}-character limit`
    : `the ${withThousands(maxLength)}-character limit`;
}

function truncationNote(omitted: number, maxLength: number, options: MarkdownOptions, purpose: PlanPurpose): string {
  const limit = options.truncation?.limit ?? limitPhrase(maxLength);
  const command = options.truncation?.command ?? `connect-gitops ${purpose}`;
  return (
    `… ${countOf(omitted, 'more profile')} not shown (output truncated to fit ${limit}). ` +
    `Run \`${escapeCodeSpan(command)}\` to see the full ${purpose === 'plan' ? 'plan' : 'report'}.\n\n`
  );
}

function headingMarkdown(plan: Plan, options: MarkdownOptions, purpose: PlanPurpose): string {
  // A caller's own title (one section of a multi-environment comment) already says which environment it is.
  const title = options.title ?? `${DEFAULT_TITLE[purpose]}${plan.environment === undefined ? '' : `: ${plan.environment}`}`;
  return `${'#'.repeat(options.headingLevel ?? 2)} ${md(title)}\n\n`;
}

export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const purpose = options.purpose ?? 'plan';
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const closing = md(closingLine(plan, purpose));
  const target = `Instance ${md(plan.instanceId)}${plan.environment === undefined ? '' : `, environment ${md(plan.environment)}`}.`;
  const notes = `${problemsMarkdown(plan)}${warningsMarkdown(plan)}`;
  const changed = shownChanges(plan);
  const heading = headingMarkdown(plan, options, purpose);
  const tail = `${unmanagedMarkdown(plan)}${closing}\n`;
  if (changed.length === 0) return fit(`${heading}${notes}${tail}`, maxLength);

  const head = `${heading}**${closing}** ${target}\n\n${notes}| Action | Routing profile | Agents | API calls |\n| --- | --- | --- | --- |\n`;
  const rows = changed.map((c) => tableRow(c, purpose));
  const sections = changed.map((c) => section(c, purpose));

  // Show the longest prefix of profiles (row + section each) that fits with the note for the rest.
  let shown = changed.length;
  let length = head.length + 1 + tail.length + rows.reduce((n, r) => n + r.length, 0) + sections.reduce((n, s) => n + s.length, 0);
  while (shown > 0 && length + (shown < changed.length ? truncationNote(changed.length - shown, maxLength, options, purpose).length : 0) > maxLength) {
    shown--;
    length -= (rows[shown] as string).length + (sections[shown] as string).length;
  }
  const note = shown < changed.length ? truncationNote(changed.length - shown, maxLength, options, purpose) : '';
  const text = `${head}${rows.slice(0, shown).join('')}\n${sections.slice(0, shown).join('')}${note}${tail}`;
  return fit(text, maxLength);
}

/** Last resort for a maxLength too small for even the heading: cut, so the bound always holds. */
export function fit(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const ellipsis = '…\n';
  return maxLength <= ellipsis.length ? text.slice(0, Math.max(0, maxLength)) : `${text.slice(0, maxLength - ellipsis.length)}${ellipsis}`;
}
