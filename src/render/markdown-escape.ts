// User values (profile names, descriptions, queue names, tag keys and values) end up inside Markdown table
// cells and inside <summary> HTML, where GitHub does not process Markdown. Numeric character references are
// inert in both contexts: GFM splits table cells on a literal `|` before decoding entities, a `&#96;` never
// opens a code span, and `&lt;` cannot open a tag. So one escaper serves every place a user value is written.
// No user value is ever placed in an HTML attribute, so quotes need no escaping.
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
const SPECIAL = /[&<>|`\\*[\]~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

export function escapeMarkdown(text: string): string {
  // A raw line break would end a table row; CR alone is also a line break in Markdown.
  return text.replace(SPECIAL, (c) => ENTITIES[c] ?? c).replace(/\r\n|\r|\n/g, '<br>');
}
