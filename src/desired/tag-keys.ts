// What is wrong with a tag key, in words. Shared by the schema translation (which finds the bad key) and the
// rules (which own the character checks).
import { RESERVED_TAG_PREFIX } from '../vocabulary.js';
import { findForbiddenCharacter } from './text-safety.js';

/** Connect's TagKey pattern minus the `aws:` look-ahead, which gets its own message. */
const TAG_KEY_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_KEY_MAX_LENGTH = 128;

/**
 * Keys that name Object.prototype members. Connect would accept them, but as keys of a plain object they
 * shadow (or, assigned carelessly, replace) prototype members in whatever code reads the tags next.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The message for a tag key the schema rejected, or null when the rules report it instead (forbidden
 * characters) so that each key gets one message.
 */
export function tagKeyProblem(key: string): string | null {
  if (findForbiddenCharacter(key) !== undefined) return null;
  if (key.startsWith(RESERVED_TAG_PREFIX)) {
    return `tag key ${JSON.stringify(key)} starts with the reserved prefix "${RESERVED_TAG_PREFIX}"; such tags belong to AWS and are never managed, remove it`;
  }
  if (key.length === 0) return 'tag keys must not be empty';
  const length = [...key].length;
  if (length > TAG_KEY_MAX_LENGTH) {
    return `tag key ${JSON.stringify(key.slice(0, 20))}... is ${length} characters long; the limit is ${TAG_KEY_MAX_LENGTH}`;
  }
  if (!TAG_KEY_CHARACTERS.test(key)) {
    return `tag key ${JSON.stringify(key)} may only contain letters, digits, spaces and _ . : / = + - @`;
  }
  return null;
}
