// A base profile with one overlay over it: the profile an environment gets. Every field the overlay states
// replaces the base field whole (a list is not merged entry by entry: what the overlay file shows is what the
// environment gets), except `tags`, which merge key by key so that an environment can add or change one tag
// and keep the rest. A consequence: an overlay cannot remove a base tag; a tag that differs or is absent in
// some environments belongs in each overlay rather than in the base profile.
// The merged profile is checked again as a profile file would be (schema and Connect's rules), since a value
// that was valid alone may not be next to the fields it meets; each problem points at the file that wrote the
// value: the overlay for what it set, the base file for the rest.
import type { InputProblem } from '../errors.js';
import { checkProfileDocument, NOT_DATA, toYamlValue } from './check-document.js';
import { defineOwn, type YamlMapping } from './construct.js';
import type { DocumentLocator } from './document.js';
import type { OverlayDocument } from './overlay-parse.js';
import { pointerSegments, selfAndAncestors } from './pointer.js';
import { toDesiredProfile } from './to-profile.js';
import type { DesiredProfile, SourceLocation } from './types.js';
import { isMapping, own } from './yaml-value.js';

export type MergeResult = { ok: true; profile: DesiredProfile } | { ok: false; problems: InputProblem[] };

/** The document a loaded profile was read from, as the schema and the rules take it. */
function baseDocument(profile: DesiredProfile): YamlMapping {
  const { source: _source, locations: _locations, ...stated } = profile;
  const document = toYamlValue(stated);
  // A loaded profile holds strings, numbers and lists only; anything else is a bug in the loader.
  if (document === NOT_DATA || !isMapping(document)) throw new Error(`profile ${JSON.stringify(profile.name)} is not plain data`);
  return document;
}

/** Does the overlay write the value at this pointer (into the merged document)? */
function writtenByOverlay(overlay: OverlayDocument, pointer: string): boolean {
  const [field, key] = pointerSegments(pointer);
  if (field === undefined || own(overlay.fields, field) === undefined) return false;
  if (field !== 'tags' || key === undefined) return true;
  const tags = own(overlay.fields, 'tags');
  return isMapping(tags) && own(tags, key) !== undefined;
}

/** The location at `pointer`, or at its nearest written ancestor (a pointer may name what is not written). */
function nearest(locations: Readonly<Record<string, SourceLocation>>, pointer: string, fallback: SourceLocation): SourceLocation {
  for (const candidate of selfAndAncestors(pointer)) {
    const found = locations[candidate];
    if (found !== undefined) return found;
  }
  return fallback;
}

function mergedLocator(base: DesiredProfile, overlay: OverlayDocument): DocumentLocator {
  // The document as a whole is checked again because of the overlay: problems about it point there.
  const locate = (pointer: string, overlayLocations: Readonly<Record<string, SourceLocation>>): SourceLocation =>
    pointer === '' || writtenByOverlay(overlay, pointer)
      ? nearest(overlayLocations, pointer, overlay.source)
      : nearest(base.locations, pointer, base.source);
  return {
    value: (pointer) => locate(pointer, overlay.locations),
    // The base profile keeps its values' places only; a key is on its value's line there.
    key: (pointer) => locate(pointer, { ...overlay.locations, ...overlay.keyLocations }),
  };
}

function mergedDocument(base: YamlMapping, overlay: OverlayDocument): YamlMapping {
  const merged = Object.create(null) as YamlMapping;
  for (const [key, value] of Object.entries(base)) defineOwn(merged, key, value);
  for (const [key, value] of Object.entries(overlay.fields)) {
    const baseTags = own(base, 'tags');
    if (key === 'tags' && isMapping(baseTags) && isMapping(value)) {
      const tags = Object.create(null) as YamlMapping;
      for (const [tag, tagValue] of [...Object.entries(baseTags), ...Object.entries(value)]) defineOwn(tags, tag, tagValue);
      defineOwn(merged, key, tags);
    } else {
      defineOwn(merged, key, value);
    }
  }
  return merged;
}

/** Where each value of the merged profile was written: the overlay's places replace the base's under what it set. */
function mergedLocations(base: DesiredProfile, overlay: OverlayDocument): Record<string, SourceLocation> {
  const locations: Record<string, SourceLocation> = {};
  for (const [pointer, location] of Object.entries(base.locations)) {
    if (!writtenByOverlay(overlay, pointer)) locations[pointer] = location;
  }
  for (const [pointer, location] of Object.entries(overlay.locations)) {
    // The document and its name are the base profile's: the overlay only names it.
    if (pointer !== '' && pointer !== '/name') locations[pointer] = location;
  }
  return locations;
}

/** The base profile with the overlay over it, or every problem the merged profile has. */
export function mergeOverlay(base: DesiredProfile, overlay: OverlayDocument): MergeResult {
  const checked = checkProfileDocument(mergedDocument(baseDocument(base), overlay), mergedLocator(base, overlay));
  if (checked.document !== null) return { ok: true, profile: toDesiredProfile(checked.document, base.source, mergedLocations(base, overlay)) };
  const { problems } = checked;
  if (problems.length === 0) problems.push({ ...overlay.source, message: 'with this overlay, the profile does not match the routing profile schema' });
  return { ok: false, problems };
}
