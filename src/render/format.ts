// Value formatting shared by the renderers. Every user value goes through JSON.stringify-style quoting, which
// also neutralises control characters (an ANSI escape in a description must not repaint the terminal).

/** How a field's value reads in a diff line: strings quoted, arrays and objects compact, absent as (none). */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${formatValue(v)}`);
    return `{${entries.join(', ')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
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
