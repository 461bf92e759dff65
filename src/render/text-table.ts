// Aligned columns for the text plan: a lowercase header, then one row per line, each optionally led by a
// marker (+ ~ -) that gets its own column so the values line up whatever the marker. Cells arrive escaped.

export interface TextRow {
  /** Already painted if colours are on; it is one visible character wide either way. */
  marker?: string;
  cells: string[];
}

/** Lines of the table, each starting with `indent`; no trailing spaces. */
export function textTable(indent: string, header: readonly string[], rows: readonly TextRow[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const markers = rows.some((r) => r.marker !== undefined);
  const lead = (marker: string | undefined): string => (markers ? `${marker ?? ' '} ` : '');
  return [`${indent}${lead(' ')}${line(header)}`, ...rows.map((r) => `${indent}${lead(r.marker)}${line(r.cells)}`)];
}
