// File names for exported profiles: a slug of the profile name that every common file system accepts
// (Windows, macOS, Linux; case-insensitive or not), the same for the same live state, and distinct for
// distinct profiles even where the disk folds case or Unicode normalisation.
import { createHash } from 'node:crypto';
import { SETTINGS_FILE_NAME } from '../desired/files.js';
import { InternalError } from '../errors.js';
import { compareStrings } from '../plan/order.js';

export const EXPORT_EXTENSION = '.yaml';

/** Slugs are cut here (in code points), leaving room for a hash suffix and the extension in any file name limit. */
export const MAX_SLUG_LENGTH = 64;
/** And here in UTF-8 bytes: most file systems limit a name to 255 bytes, and non-Latin letters take 3 or 4. */
const MAX_SLUG_BYTES = 180;
const HASH_LENGTH = 8;
const FALLBACK = 'profile';

/** Device names Windows reserves whatever the extension (`con.yaml` cannot be created there). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/u;
/** The tool's own settings file sits in the profiles folder too and is not a profile. */
const RESERVED_STEMS: ReadonlySet<string> = new Set([SETTINGS_FILE_NAME.replace(/\.yaml$/, '')]);

/**
 * Letters, combining marks and digits of any script, lower-cased; every run of anything else (spaces,
 * punctuation, the characters Windows reserves `<>:"/\|?*`, controls, emoji) becomes one `-`. A slug never
 * starts or ends with `-`, so never with a dot or a space either, and is never hidden.
 */
export function slugOf(name: string): string {
  const words = name.normalize('NFC').toLowerCase().normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if ([...next].length > MAX_SLUG_LENGTH || Buffer.byteLength(next) > MAX_SLUG_BYTES) {
      if (slug === '') slug = truncate(word);
      break;
    }
    slug = next;
  }
  if (slug === '') return FALLBACK;
  if (WINDOWS_RESERVED.test(slug) || RESERVED_STEMS.has(slug)) return `${slug}-${FALLBACK}`;
  return slug;
}

function truncate(word: string): string {
  let out = '';
  for (const char of word) {
    if ([...out].length + 1 > MAX_SLUG_LENGTH || Buffer.byteLength(out + char) > MAX_SLUG_BYTES) break;
    out += char;
  }
  return out;
}

/**
 * Two names that a case-insensitive or normalisation-insensitive disk (NTFS, APFS) would store as one file
 * share this key.
 */
export function collisionKey(fileName: string): string {
  return fileName.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

function shortHash(name: string, length: number): string {
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, length);
}

/**
 * A file name for each profile name. A slug that only one profile has is used as it is; profiles whose slugs
 * collide (`Sales` and `sales`, or two names of emoji only) each get a short hash of their full name, which
 * depends on nothing but that name. Every live profile should be passed, not only those exported now, so that
 * a profile's file name does not depend on which others were asked for.
 */
export function fileNamesFor(names: readonly string[]): Map<string, string> {
  const unique = [...new Set(names)].sort(compareStrings);
  const bySlug = new Map<string, string[]>();
  for (const name of unique) {
    const key = collisionKey(slugOf(name));
    bySlug.set(key, [...(bySlug.get(key) ?? []), name]);
  }
  for (let length = HASH_LENGTH; length <= 64; length *= 2) {
    const files = new Map<string, string>();
    for (const name of unique) {
      const slug = slugOf(name);
      const shared = (bySlug.get(collisionKey(slug))?.length ?? 0) > 1;
      files.set(name, `${shared ? `${slug}-${shortHash(name, length)}` : slug}${EXPORT_EXTENSION}`);
    }
    // A suffixed slug can meet a profile whose own name looks like one (`sales-1a2b3c4d`): lengthen the hash.
    if (new Set([...files.values()].map(collisionKey)).size === files.size) return files;
  }
  throw new InternalError('file names for exported profiles collide even with full hashes');
}
