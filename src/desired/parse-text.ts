// One file's text -> its profiles and every problem in it. Pure: the caller reads the file.
import { YAMLException, parseEvents, type Event } from 'js-yaml';
import type { InputProblem } from '../errors.js';
import { checkProfileDocument } from './check-document.js';
import { constructDocument, type YamlMapping } from './construct.js';
import type { DocumentLocator } from './document.js';
import { MAX_DEPTH, MAX_PROBLEMS_PER_FILE } from './limits.js';
import { selfAndAncestors } from './pointer.js';
import { lineIndex, type LineIndex } from './positions.js';
import { capPerFile } from './problem-cap.js';
import { findForbiddenCharacter } from './text-safety.js';
import { toDesiredProfile } from './to-profile.js';
import type { DesiredProfile, SourceLocation } from './types.js';
import type { YamlNode } from './yaml-tree.js';
import { eventsToDocuments } from './yaml-tree.js';

export interface ParsedFile {
  profiles: DesiredProfile[];
  problems: InputProblem[];
  /** True when the file holds no document at all (empty or comments only). */
  empty: boolean;
}

/** Rewords js-yaml's parser messages for the people who write profile files. */
function syntaxMessage(reason: string, text: string, offset: number): string {
  if (reason.includes('tab characters must not be used in indentation')) {
    return 'tab used for indentation; YAML indents with spaces only';
  }
  if (reason.includes('maxDepth')) {
    return `nesting deeper than ${MAX_DEPTH} levels; a routing profile needs at most 4`;
  }
  if (reason.includes('non-printable characters')) {
    const found = findForbiddenCharacter(text.slice(offset, offset + 2));
    return `the file contains a non-printable character${found === undefined ? '' : ` ${found.description}`}; remove it`;
  }
  return `YAML syntax error: ${reason}`;
}

function parse(text: string, file: string, lines: LineIndex): Event[] | InputProblem {
  try {
    return parseEvents(text, { filename: file, maxDepth: MAX_DEPTH });
  } catch (error) {
    if (error instanceof YAMLException) {
      const offset = error.mark?.position ?? 0;
      return { ...lines.locate(offset), message: syntaxMessage(error.reason, text, offset) };
    }
    // Whatever the input, the parser must not take the process down with a stack overflow.
    if (error instanceof RangeError) return { ...lines.locate(0), message: `could not parse the file: ${error.message}` };
    throw error;
  }
}

function isEmptyDocument(root: YamlNode | null): boolean {
  return root === null || (root.kind === 'scalar' && root.empty && root.tag === null);
}

function kindOf(root: YamlNode): string {
  const node = root.kind === 'alias' ? root.target : root;
  if (node.kind === 'sequence') return 'a list';
  if (node.kind === 'scalar') return node.empty ? 'empty' : `a single value (${JSON.stringify(node.text.slice(0, 40))})`;
  return 'a mapping';
}

export function locator(lines: LineIndex, values: Map<string, number>, keys: Map<string, number>): DocumentLocator {
  // A pointer may name something that is not written (a missing key): fall back to the nearest ancestor.
  const nearest = (pointer: string, preferred: Map<string, number>): SourceLocation => {
    for (const candidate of selfAndAncestors(pointer)) {
      const offset = preferred.get(candidate) ?? values.get(candidate);
      if (offset !== undefined) return lines.locate(offset);
    }
    return lines.locate(0);
  };
  return { value: (pointer) => nearest(pointer, values), key: (pointer) => nearest(pointer, keys) };
}

/** One document of a file, built and located, before any schema says what it must be. */
export interface LocatedDocument {
  value: YamlMapping;
  /** Where the document starts. */
  source: SourceLocation;
  at: DocumentLocator;
  /** False when building it found problems (bad tags, values); the document must then not be accepted. */
  sound: boolean;
  /** Where each value sits, by JSON pointer. */
  valueLocations(): Record<string, SourceLocation>;
  /** Where each key sits, by JSON pointer. */
  keyLocations(): Record<string, SourceLocation>;
}

export interface ParsedDocuments {
  problems: InputProblem[];
  /** True when the file holds no document at all (empty or comments only). */
  empty: boolean;
}

function located(offsets: Map<string, number>, lines: LineIndex): Record<string, SourceLocation> {
  const locations: Record<string, SourceLocation> = {};
  for (const [pointer, offset] of offsets) locations[pointer] = lines.locate(offset);
  return locations;
}

/**
 * Every document of one file, each handed to `check` once it is a mapping, with every problem of the file:
 * YAML syntax, structure, and what `check` finds. `describes` completes "each document must be a mapping
 * describing ...". Stops once a file has more problems than are shown.
 */
export function parseDocuments(file: string, text: string, describes: string, check: (document: LocatedDocument) => InputProblem[]): ParsedDocuments {
  const lines = lineIndex(file, text);
  const events = parse(text, file, lines);
  if (!Array.isArray(events)) return { problems: [events], empty: false };

  const problems: InputProblem[] = [];
  let documents = 0;
  for (const { root, problems: structural } of eventsToDocuments(events, text)) {
    if (isEmptyDocument(root) && structural.length === 0) continue;
    documents++;
    // Past the cap the rest would not be shown; stop rather than validate thousands of broken documents.
    if (problems.length > MAX_PROBLEMS_PER_FILE) break;
    if (structural.length > 0 || root === null) {
      problems.push(...structural.map((p) => ({ ...lines.locate(p.offset), message: p.message })));
      continue;
    }
    if (root.kind !== 'mapping') {
      problems.push({ ...lines.locate(root.offset), message: `each document must be a mapping describing ${describes}, but this one is ${kindOf(root)}` });
      continue;
    }
    const built = constructDocument(root, lines);
    const found = built.problems.map((p) => ({ ...lines.locate(p.offset), message: p.message }));
    if (built.value === null) {
      problems.push(...found);
      continue;
    }
    found.push(
      ...check({
        value: built.value as YamlMapping,
        source: lines.locate(root.offset),
        at: locator(lines, built.valueOffsets, built.keyOffsets),
        sound: built.problems.length === 0,
        valueLocations: () => located(built.valueOffsets, lines),
        keyLocations: () => located(built.keyOffsets, lines),
      }),
    );
    // Checks find problems in their own order; people read a document top to bottom.
    problems.push(...found.sort((a, b) => a.line - b.line || a.column - b.column));
  }
  return { problems: capPerFile(problems), empty: documents === 0 };
}

export function parseProfileText(file: string, text: string): ParsedFile {
  const profiles: DesiredProfile[] = [];
  const parsed = parseDocuments(file, text, 'one routing profile', (document) => {
    const { document: accepted, problems } = checkProfileDocument(document.value, document.at);
    // An unsound document is never accepted, and the problems of its construction already say why.
    if (!document.sound) return problems;
    if (accepted !== null) profiles.push(toDesiredProfile(accepted, document.source, document.valueLocations()));
    else if (problems.length === 0) return [{ ...document.source, message: 'this document does not match the routing profile schema' }];
    return problems;
  });
  return { profiles, ...parsed };
}
