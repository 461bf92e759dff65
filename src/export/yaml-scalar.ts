// How one string is written in an exported file. Live names and descriptions are anything Connect accepted,
// and YAML reads many plain words as something else (`yes`, `null`, `0123`, `1e3`, `- a: b`, `#x`), differently
// in YAML 1.1 and 1.2 tools. So a string is written plain only when it is plainly a word in every YAML version
// and every other string is double-quoted with every character that is not plainly printable escaped.

/**
 * Words that a YAML 1.1 or 1.2 reader (the loader, editors, other tools in a pipeline) resolves to a boolean,
 * a null or a special float, compared case-insensitively. Anything starting with a digit, a sign or a dot is
 * quoted anyway, which covers every number and timestamp form.
 */
const RESOLVED_WORDS: ReadonlySet<string> = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', 'nan', 'inf']);

/**
 * A plain scalar: starts with a letter or `_`, then letters, marks, digits, single spaces and `_ . / @ -`,
 * never a space at the end. No character that YAML gives a meaning (`: # , [ ] { } & * ! | > ' " % `` ` ``).
 */
const PLAIN = /^[\p{L}_][\p{L}\p{M}\p{N}_./@-]*(?: [\p{L}\p{M}\p{N}_./@-]+)*$/u;

export function isPlainSafe(value: string): boolean {
  return PLAIN.test(value) && !RESOLVED_WORDS.has(value.toLowerCase()) && !hasUnprintable(value);
}

/**
 * Characters written as they are inside double quotes: printable ASCII and the printable Unicode planes, minus
 * what YAML or a terminal treats specially (line and paragraph separators, the byte order mark, the C1 range,
 * lone surrogates). Invisible and bidirectional marks are escaped too, so a reviewer sees them.
 */
function isVerbatim(codePoint: number): boolean {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return true;
  if (codePoint < 0xa0) return false;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  if (codePoint === 0xfeff || codePoint === 0xfffe || codePoint === 0xffff) return false;
  if (codePoint === 0x061c || (codePoint >= 0x200b && codePoint <= 0x200f) || (codePoint >= 0x2028 && codePoint <= 0x202e)) return false;
  if (codePoint >= 0x2060 && codePoint <= 0x206f) return false;
  return true;
}

function hasUnprintable(value: string): boolean {
  for (const char of value) if (!isVerbatim(char.codePointAt(0) ?? 0)) return true;
  return false;
}

const SHORT_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x00, '\\0'],
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x09, '\\t'],
  [0x0a, '\\n'],
  [0x0b, '\\v'],
  [0x0c, '\\f'],
  [0x0d, '\\r'],
  [0x1b, '\\e'],
  [0x22, '\\"'],
  [0x5c, '\\\\'],
]);

function hex(codePoint: number, width: number): string {
  return codePoint.toString(16).toUpperCase().padStart(width, '0');
}

/** A YAML double-quoted scalar that reads back as exactly `value`, whatever it holds. */
export function doubleQuoted(value: string): string {
  let out = '"';
  // By UTF-16 unit, so that a lone surrogate is escaped on its own rather than lost in encoding.
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const short = SHORT_ESCAPES.get(unit);
    if (short !== undefined) {
      out += short;
      continue;
    }
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value.slice(i, i + 2);
        i++;
        continue;
      }
    }
    if (isVerbatim(unit)) out += value[i];
    else out += unit <= 0xff ? `\\x${hex(unit, 2)}` : `\\u${hex(unit, 4)}`;
  }
  return `${out}"`;
}

/** The scalar as written in a file: plain when that is unambiguous, double-quoted otherwise. */
export function yamlString(value: string): string {
  return isPlainSafe(value) ? value : doubleQuoted(value);
}
