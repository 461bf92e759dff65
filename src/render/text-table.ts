// Aligned columns for the text plan: a lowercase header, then one row per line, each optionally led by a
// marker (+ ~ -) that gets its own column so the values line up whatever the marker. Cells arrive escaped.

// Terminals give East Asian wide characters and most emoji two columns, combining marks and joiners none: a queue
// named in Japanese must not push its row out of line. An approximation of Unicode's East Asian Width (UAX #11),
// enough for names; ambiguous-width characters count as one, as most terminals show them.
// Combining marks are listed one by one on purpose: each occupies no column of its own.
// eslint-disable-next-line no-misleading-character-class
const ZERO_WIDTH = /[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0903\u093a-\u094f\u200b-\u200d\ufe00-\ufe0f\u20d0-\u20ff]/u;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  let joined = false;
  for (const c of text) {
    // An emoji after a zero-width joiner merges into the glyph before it (👩‍💻 is one picture, two columns).
    width += ZERO_WIDTH.test(c) ? 0 : WIDE.test(c) ? (joined ? 0 : 2) : 1;
    joined = c === '\u200d';
  }
  return width;
}

const pad = (text: string, width: number): string => `${text}${' '.repeat(Math.max(0, width - displayWidth(text)))}`;

export interface TextRow {
  /** Already painted if colours are on; it is one visible character wide either way. */
  marker?: string;
  cells: string[];
}

/** Lines of the table, each starting with `indent`; no trailing spaces. */
export function textTable(indent: string, header: readonly string[], rows: readonly TextRow[]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r.cells[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const markers = rows.some((r) => r.marker !== undefined);
  const lead = (marker: string | undefined): string => (markers ? `${marker ?? ' '} ` : '');
  return [`${indent}${lead(' ')}${line(header)}`, ...rows.map((r) => `${indent}${lead(r.marker)}${line(r.cells)}`)];
}
