// Live data is hostile: Connect puts no character pattern on names, descriptions, queue names or tag values, so a
// profile named with an ANSI escape could repaint a reviewer's terminal, and a bidi override could make a CI log
// or a pull-request comment read differently from the bytes behind it (Trojan Source, CVE-2021-42574).
// Every renderer, and the CLI for annotations, step summaries and logs, passes user values through here.

/**
 * Characters never shown raw: C0 controls, DEL, C1 controls, the bidi embeddings, overrides and isolates
 * (U+202A..U+202E, U+2066..U+2069), the directional marks (U+200E, U+200F, U+061C), the line and paragraph
 * separators (U+2028, U+2029: line breaks to some viewers, invisible to others) and lone surrogates (which
 * some terminals turn into garbage). ZWJ and ZWNJ stay: Indic and Arabic names and emoji sequences need them.
 */
const CONTROL =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The same set without C0, which JSON.stringify already escapes (and must escape its own way). */
const CONTROL_AFTER_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function unicodeEscape(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Writes every control, bidi and invisible-direction character of `text` as a JSON-style escape (`\u001b`, `\n`,
 * `\u202e`), leaving everything else as it is. Safe for a terminal, a log line, a GitHub annotation or Markdown
 * (which then still needs its own metacharacters escaped).
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, unicodeEscape);
}

/**
 * A string as a quoted literal users can read: JSON quoting (which escapes C0, quotes and backslashes) plus the
 * characters JSON leaves raw (DEL, C1, bidi). The result is still valid JSON for the same string.
 */
export function quoted(text: string): string {
  return escapeJsonText(JSON.stringify(text));
}

/**
 * Escapes, in serialised JSON, the characters JSON.stringify leaves raw. They can only occur inside strings, and
 * `\uXXXX` is valid JSON there, so the document parses to the same value while being safe to print.
 */
export function escapeJsonText(json: string): string {
  return json.replace(CONTROL_AFTER_JSON, unicodeEscape);
}
