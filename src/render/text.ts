// The human plan, in Terraform's shape: one block per changed profile (+ create / ~ update / - delete), the
// single-valued fields as `~ field: before -> after`, channels, queues, manual-assignment queues and tags as
// aligned rows, what is blocked and why, then the blocking problems, warnings, the live profiles no file
// declares, and Terraform's closing sentence. Unchanged profiles are counted, not listed. Every user value is
// escaped (escape.ts): a queue name cannot repaint the terminal.
import { assertNever } from '../errors.js';
import { hasChanges } from '../plan/has-changes.js';
import type { Change, Plan } from '../plan/types.js';
import { escapeControl, quoted } from './escape.js';
import { countOf, DIFF_MARKER, type DiffKind, formatValue } from './format.js';
import { type FieldRow, profileView, type ProfileView, viewTables } from './profile-view.js';
import {
  actionLabel,
  actionMarker,
  agentsPhrase,
  blockReason,
  closingLine,
  headingLine,
  type PlanPurpose,
  shownChanges,
  problemsHeading,
  targetPhrase,
  unmanagedHeading,
  unmanagedMark,
  warningsHeading,
} from './purpose.js';
import { textTable, type TextRow } from './text-table.js';

export interface TextOptions {
  /** ANSI colours; off unless asked (the caller decides from the TTY and NO_COLOR). */
  color?: boolean;
  purpose?: PlanPurpose;
}

const ANSI = { green: '\u001b[32m', yellow: '\u001b[33m', red: '\u001b[31m', bold: '\u001b[1m', reset: '\u001b[0m' } as const;

export type Paint = (text: string, colour: keyof typeof ANSI) => string;

export function painter(color: boolean): Paint {
  return color ? (text, colour) => `${ANSI[colour]}${text}${ANSI.reset}` : (text) => text;
}

const KIND_COLOUR: Readonly<Record<DiffKind, keyof typeof ANSI>> = { add: 'green', change: 'yellow', remove: 'red' };

const INDENT = '      ';

function fieldLine(row: FieldRow, marked: boolean, paint: Paint): string {
  const field = escapeControl(row.field);
  if (!marked) return `${INDENT}${field}: ${formatValue(row.kind === 'remove' ? row.before : row.after)}`;
  const marker = paint(DIFF_MARKER[row.kind], KIND_COLOUR[row.kind]);
  switch (row.kind) {
    case 'add':
      return `${INDENT}${marker} ${field}: ${formatValue(row.after)}`;
    case 'remove':
      return `${INDENT}${marker} ${field}: ${formatValue(row.before)} -> (none)`;
    case 'change':
      return `${INDENT}${marker} ${field}: ${formatValue(row.before)} -> ${formatValue(row.after)}`;
    default:
      return assertNever(row.kind, 'diff kind');
  }
}

/** The rows of one change: marked (+ ~ -) for an update; bare for a create or delete, whose rows all agree. */
function viewLines(view: ProfileView, marked: boolean, paint: Paint): string[] {
  const lines = view.fields.map((f) => fieldLine(f, marked, paint));
  for (const table of viewTables(view, escapeControl, ' -> ')) {
    const rows = table.rows.map((r): TextRow => (marked ? { marker: paint(DIFF_MARKER[r.kind], KIND_COLOUR[r.kind]), cells: r.cells } : { cells: r.cells }));
    lines.push(`${INDENT}${table.label}:`, ...textTable(`${INDENT}  `, table.header, rows));
  }
  return lines;
}

const ACTION_COLOUR: Readonly<Record<Change['action'], keyof typeof ANSI>> = { create: 'green', update: 'yellow', delete: 'red', 'no-op': 'bold' };

function changeBlock(change: Change, purpose: PlanPurpose, paint: Paint): string[] {
  const id = change.routingProfileId === undefined ? '' : ` (${escapeControl(change.routingProfileId)})`;
  const agents = agentsPhrase(change);
  const label = paint(`${actionMarker(change.action)} ${actionLabel(change.action, purpose)}`, ACTION_COLOUR[change.action]);
  // A create or a delete is the whole profile, shown as what it makes or removes, without per-row markers.
  const whole = change.action === 'create' || change.action === 'delete';
  const blocked = change.blocked === undefined ? [] : [`${INDENT}${paint('blocked', 'red')}: ${blockReason(change.blocked)}`];
  return [
    `  ${label} ${quoted(change.name)}${id}${agents === undefined ? '' : `, ${agents}`}`,
    ...blocked,
    ...viewLines(profileView(change), !whole, paint),
    `${INDENT}(${countOf(change.calls.length, 'API call')})`,
  ];
}

/** Blocking problems, warnings and the unmanaged list: shown whether or not anything changes. */
function planNotes(plan: Plan, paint: Paint): string[] {
  const lines: string[] = [];
  if (plan.problems.length > 0) {
    lines.push(paint(problemsHeading(plan), 'red'));
    for (const p of plan.problems) lines.push(`  ${paint('✗', 'red')} ${escapeControl(p.message)}`);
    lines.push('');
  }
  if (plan.warnings.length > 0) {
    lines.push(warningsHeading(plan));
    for (const w of plan.warnings) lines.push(`  ! ${escapeControl(w)}`);
    lines.push('');
  }
  if (plan.unmanaged.length > 0) {
    lines.push(unmanagedHeading(plan));
    for (const u of plan.unmanaged) lines.push(`  ${quoted(u.name)} (${escapeControl(u.routingProfileId)})${unmanagedMark(u, plan)}`);
    lines.push('');
  }
  return lines;
}

export function renderPlanText(plan: Plan, options: TextOptions = {}): string {
  const purpose = options.purpose ?? 'plan';
  const paint = painter(options.color ?? false);
  const lines: string[] = [];
  const shown = shownChanges(plan);
  if (hasChanges(plan) || shown.length > 0) {
    lines.push(headingLine(plan, purpose), '');
    for (const change of shown) lines.push(...changeBlock(change, purpose, paint), '');
  } else if (plan.environment !== undefined) {
    lines.push(`On ${targetPhrase(plan)}:`, '');
  }
  lines.push(...planNotes(plan, paint), paint(closingLine(plan, purpose), 'bold'));
  return `${lines.join('\n')}\n`;
}

/** A drift report: the plan text with drift wording. */
export function renderDriftText(plan: Plan, options: Omit<TextOptions, 'purpose'> = {}): string {
  return renderPlanText(plan, { ...options, purpose: 'drift' });
}
