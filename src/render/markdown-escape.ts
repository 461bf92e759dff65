// User values (profile names, descriptions, queue names, tag keys and values) end up inside Markdown table
// cells and inside <summary> HTML, where GitHub does not process Markdown. Numeric character references are
// inert in both contexts: GFM splits table cells on a literal `|` before decoding entities, a `&#96;` never
// opens a code span, and `&lt;` cannot open a tag. So one escaper serves every place a user value is written.
// No user value is ever placed in an HTML attribute, so quotes need no escaping. Control and bidi characters
// are escaped first (escape.ts), so a line break in a name shows as \n instead of ending a table row.
import { escapeControl } from './escape.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '`': '&#96;',
  '\\': '&#92;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '~': '&#126;',
};

// An underscore between two letters or digits never starts emphasis in GFM, so ROUTE_ANY_CHANNEL stays legible.
// `@team` in a comment notifies a GitHub team, `#12` links an issue, and `https://…` or `www.…` becomes a link:
// a zero-width space after the sign or the colon keeps a live name from pinging people or pointing elsewhere,
// without changing what the reader sees (GitHub finds these in the decoded text, so an entity alone would not
// do). One pass, so that no replacement is itself rewritten.
const SPECIAL = /[&<>|`\\*[\]~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|[@#](?=[\p{L}\p{N}_])|:(?=\/\/)|(?<=www)\./giu;

// At the start of a list item or a line these open a heading, a nested list, a quote or a numbered list.
const BLOCK_START = /^(?:[#+\-=>]|\d+(?=[.)]))/;

const entity = (text: string): string => [...text].map((c) => `&#${c.codePointAt(0) ?? 0};`).join('');

export function escapeMarkdown(text: string): string {
  return escapeControl(text)
    .replace(SPECIAL, (c) => ENTITIES[c] ?? (c === '.' ? '&#8203;.' : `${c}&#8203;`))
    .replace(BLOCK_START, entity);
}

/**
 * Text for inside a code span, where Markdown decodes nothing (an entity would be copied literally): control
 * characters escaped, and a backtick, which would end the span early, written as a quote.
 */
export function escapeCodeSpan(text: string): string {
  return escapeControl(text).replaceAll('`', "'");
}
