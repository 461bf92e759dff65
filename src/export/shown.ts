// A live name in a message: live data may hold control characters and escape sequences, and bidirectional or
// invisible marks that make a name read as another. Quoted, with all of them spelled out as \u escapes.
const HIDDEN = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/gu;

export function shownName(name: string): string {
  return JSON.stringify(name).replace(HIDDEN, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
