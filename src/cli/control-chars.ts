// Live data is hostile: a routing profile or queue name in Connect may hold ANSI escape sequences, C1 controls
// or bidi overrides that repaint a terminal, hide text in a CI log or reorder a line in a step summary. Every
// string from Connect that reaches a log, an annotation or the step summary goes through this first.

/** C0 controls, DEL, C1 controls, and the bidi embedding/override/isolate marks (Unicode's Trojan Source set). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Each control character as a visible `\u001b`-style escape; everything else untouched. */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same, through every string of a log record (keys included), leaving other values as they are. */
export function escapeControlDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return escapeControlChars(value);
  // Log records are shallow; the bound only guards against a cycle in something logged by mistake.
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => escapeControlDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[escapeControlChars(k)] = escapeControlDeep(v, depth + 1);
  return out;
}

/** Multi-line text (a report, a Markdown summary): each line escaped, the line breaks kept. */
export function escapeControlLines(text: string): string {
  return text.split('\n').map(escapeControlChars).join('\n');
}
