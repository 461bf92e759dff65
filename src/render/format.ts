// Value formatting shared by the renderers. Every user value is quoted the JSON way with the control and bidi
// characters JSON leaves raw escaped too (an ANSI escape in a description must not repaint the terminal).
import { assertNever } from '../errors.js';
import { quoted } from './escape.js';

/** How a field's value reads in a diff line: strings quoted, arrays and objects compact, absent as (none). */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${quoted(k)}: ${formatValue(v)}`);
    return `{${entries.join(', ')}}`;
  }
  if (typeof value === 'string') return quoted(value);
  return String(value);
}

/** "1 API call", "3 API calls". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** 65536 -> "65,536", without depending on the host's locale. */
export function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Whether a diff adds, changes or removes a value, which decides its marker (+, ~, -). */
export type DiffKind = 'add' | 'change' | 'remove';

export function diffKind(before: unknown, after: unknown): DiffKind {
  if (before === undefined) return 'add';
  if (after === undefined) return 'remove';
  return 'change';
}

export const DIFF_MARKER: Readonly<Record<DiffKind, string>> = { add: '+', change: '~', remove: '-' };

/**
 * A table cell of a row of the given kind: the new value of an added row, the old value of a removed one, and
 * `before -> after` only in the cells of a changed row that moved. An unknown value is an empty cell.
 */
export function cellText(kind: DiffKind, before: unknown, after: unknown, format: (value: unknown) => string, arrow = ' -> '): string {
  const show = (value: unknown): string => (value === undefined ? '' : format(value));
  switch (kind) {
    case 'add':
      return show(after);
    case 'remove':
      return show(before);
    case 'change':
      return before === after ? show(after) : `${before === undefined ? '(none)' : show(before)}${arrow}${after === undefined ? '(none)' : show(after)}`;
    default:
      return assertNever(kind, 'diff kind');
  }
}

/** Enum and number cells read bare (ROUTE_ANY_CHANNEL, 5); anything else is quoted like a value. */
export function bareValue(value: unknown): string {
  return typeof value === 'number' || (typeof value === 'string' && /^[A-Z][A-Z0-9_]*$/.test(value)) ? String(value) : formatValue(value);
}
