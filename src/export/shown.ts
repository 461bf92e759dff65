// Live data in a message: names may hold control characters and escape sequences, and bidirectional or
// invisible marks that make a name read as another. Each is spelled out as a \u escape, so the terminal or log
// shows what is there instead of acting on it.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/gu;

/** `text` with every control, bidirectional and invisible character written as `\uXXXX`. */
export function escapeHidden(text: string): string {
  return text.replace(HIDDEN, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** A live name, quoted, with the same characters escaped. */
export function shownName(name: string): string {
  return escapeHidden(JSON.stringify(name));
}
