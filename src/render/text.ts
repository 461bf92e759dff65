// The human plan, in Terraform's shape: one block per changed profile (+ create / ~ update), one line per
// differing field, the number of API calls, and Terraform's closing sentence. Unchanged profiles are counted,
// not listed.
import { assertNever } from '../errors.js';
import type { Change, Diff, Plan } from '../plan/types.js';
import { countOf, DIFF_MARKER, type DiffKind, diffKind, formatValue } from './format.js';
import { actionLabel, actionMarker, closingLine, hasChanges, headingLine, type PlanPurpose } from './purpose.js';

export interface TextOptions {
  /** ANSI colours; off unless asked (the caller decides from the TTY and NO_COLOR). */
  color?: boolean;
  purpose?: PlanPurpose;
}

const ANSI = { green: '\u001b[32m', yellow: '\u001b[33m', red: '\u001b[31m', bold: '\u001b[1m', reset: '\u001b[0m' } as const;

type Paint = (text: string, colour: keyof typeof ANSI) => string;

function painter(color: boolean): Paint {
  return color ? (text, colour) => `${ANSI[colour]}${text}${ANSI.reset}` : (text) => text;
}

const KIND_COLOUR: Readonly<Record<DiffKind, keyof typeof ANSI>> = { add: 'green', change: 'yellow', remove: 'red' };

function diffLine(diff: Diff, paint: Paint): string {
  const kind = diffKind(diff.before, diff.after);
  const marker = paint(DIFF_MARKER[kind], KIND_COLOUR[kind]);
  switch (kind) {
    case 'add':
      return `      ${marker} ${diff.field}: ${formatValue(diff.after)}`;
    case 'remove':
      return `      ${marker} ${diff.field}: ${formatValue(diff.before)} -> (none)`;
    case 'change':
      return `      ${marker} ${diff.field}: ${formatValue(diff.before)} -> ${formatValue(diff.after)}`;
    default:
      return assertNever(kind, 'diff kind');
  }
}

function changeBlock(change: Change, purpose: PlanPurpose, paint: Paint): string[] {
  const colour = change.action === 'create' ? 'green' : 'yellow';
  const id = change.routingProfileId === undefined ? '' : ` (${change.routingProfileId})`;
  return [
    `  ${paint(`${actionMarker(change.action)} ${actionLabel(change.action, purpose)}`, colour)} ${JSON.stringify(change.name)}${id}`,
    ...change.diffs.map((d) => diffLine(d, paint)),
    `      (${countOf(change.calls.length, 'API call')})`,
  ];
}

export function renderPlanText(plan: Plan, options: TextOptions = {}): string {
  const purpose = options.purpose ?? 'plan';
  const paint = painter(options.color ?? false);
  if (!hasChanges(plan)) return `${closingLine(plan, purpose)}\n`;
  const lines = [headingLine(plan, purpose), ''];
  for (const change of plan.changes) {
    if (change.action === 'no-op') continue;
    lines.push(...changeBlock(change, purpose, paint), '');
  }
  lines.push(paint(closingLine(plan, purpose), 'bold'));
  return `${lines.join('\n')}\n`;
}

/** A drift report: the plan text with drift wording. */
export function renderDriftText(plan: Plan, options: Omit<TextOptions, 'purpose'> = {}): string {
  return renderPlanText(plan, { ...options, purpose: 'drift' });
}
