// Characters that must not appear in names, descriptions and tags. Control characters break logs, terminals
// and CSV exports; bidirectional controls and invisible characters make a name display as something it is not
// (the "Trojan Source" trick), so two profiles could look identical in a review.

const NAMED: ReadonlyMap<number, string> = new Map([
  [0x09, 'TAB'],
  [0x0a, 'LINE FEED'],
  [0x0d, 'CARRIAGE RETURN'],
  [0x7f, 'DELETE'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x2028, 'LINE SEPARATOR'],
  [0x2029, 'PARAGRAPH SEPARATOR'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

const ZERO_WIDTH_NON_JOINER = 0x200c;
const ZERO_WIDTH_JOINER = 0x200d;

function isForbidden(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || NAMED.has(codePoint);
}

/**
 * ZWNJ and ZWJ are part of how Indic and Arabic-script words are spelt (Persian writes ZWNJ inside ordinary
 * words) and of emoji sequences, so they are allowed where they do that work: between two characters outside
 * ASCII. Next to ASCII, or at either end, they change nothing on screen and only make two names differ unseen.
 */
function isJoinerAtWork(previous: number | undefined, next: number | undefined): boolean {
  return previous !== undefined && next !== undefined && previous > 0x7f && next > 0x7f && !isForbidden(previous) && !isForbidden(next);
}

export interface ForbiddenCharacter {
  /** Index in code points, 0-based. */
  index: number;
  /** `U+202E (RIGHT-TO-LEFT OVERRIDE)`. */
  description: string;
  /** Where the character would be allowed, when it sometimes is. */
  allowedWhere?: string;
}

/** The first control, bidirectional or invisible formatting character in `value`, if any. */
export function findForbiddenCharacter(value: string): ForbiddenCharacter | undefined {
  const codePoints = Array.from(value, (char) => char.codePointAt(0) ?? 0);
  for (let index = 0; index < codePoints.length; index++) {
    const codePoint = codePoints[index];
    if (codePoint === undefined || !isForbidden(codePoint)) continue;
    const isJoiner = codePoint === ZERO_WIDTH_JOINER || codePoint === ZERO_WIDTH_NON_JOINER;
    if (isJoiner && isJoinerAtWork(codePoints[index - 1], codePoints[index + 1])) continue;
    const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
    const name = NAMED.get(codePoint) ?? 'control character';
    return {
      index,
      description: `U+${hex} (${name})`,
      ...(isJoiner ? { allowedWhere: 'joiners are allowed only between two non-ASCII characters, as in Indic and Arabic scripts and emoji sequences' } : {}),
    };
  }
  return undefined;
}
