// Offsets in decoded text -> 1-based line and column, as editors and CI annotations count them.
import type { SourceLocation } from './types.js';

export interface LineIndex {
  readonly file: string;
  locate(offset: number): SourceLocation;
}

/** Builds the index once per file; each lookup is a binary search over line starts. */
export function lineIndex(file: string, text: string): LineIndex {
  // A line starts after '\n', which also covers CRLF; a lone '\r' is not a line break in YAML 1.2 files we
  // accept from editors, and counting it would disagree with js-yaml's own marks.
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    file,
    locate(offset: number): SourceLocation {
      const at = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] ?? 0) <= at) low = mid;
        else high = mid - 1;
      }
      return { file, line: low + 1, column: at - (starts[low] ?? 0) + 1 };
    },
  };
}

/** Where a document (a profile or an overlay) writes its name, or where it starts when the name is not written. */
export function nameLocation(document: { locations: Readonly<Record<string, SourceLocation>>; source: SourceLocation }): SourceLocation {
  return document.locations['/name'] ?? document.source;
}

/** Where a profile writes its former name number `index`: `renamedFrom: Old` is one value at /renamedFrom, a list has one per entry. */
export function formerNameLocation(profile: { locations: Readonly<Record<string, SourceLocation>>; source: SourceLocation }, index: number): SourceLocation {
  return profile.locations[`/renamedFrom/${index}`] ?? profile.locations['/renamedFrom'] ?? profile.source;
}

/** `file:line:column`, as editors open it: how one message names the place of another declaration. */
export function placeOf(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}
