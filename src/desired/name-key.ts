// When two names are "the same" to a person reading a console or a pull request. Connect compares names
// exactly (case-sensitive), so "Team 05" and "team 05" may both exist, and nobody can tell which is which.

/**
 * The key under which names look alike: Unicode NFC (a precomposed and a decomposed "é" are one letter),
 * trimmed (spaces at either end do not show), then case-folded. JavaScript has no full case folding; upper-
 * then lower-casing folds what people meet (ß and SS, final and medial sigma) without a locale.
 */
export function lookAlikeKey(name: string): string {
  return name.normalize('NFC').trim().toUpperCase().toLowerCase().normalize('NFC');
}

/** `^\p{Zs}` or `\p{Zs}$`: what "starts or ends with a space" means for any script's spaces. */
export function spaceAtEnd(value: string): 'starts' | 'ends' | null {
  if (/^\p{Zs}/u.test(value)) return 'starts';
  if (/\p{Zs}$/u.test(value)) return 'ends';
  return null;
}

/** Nothing but spaces (the empty string is the schema's to report). */
export function isBlank(value: string): boolean {
  return value.length > 0 && /^\p{Zs}+$/u.test(value);
}
