// One file's text -> its profiles and every problem in it. Pure: the caller reads the file.
import { YAMLException, parseEvents, type Event } from 'js-yaml';
import type { InputProblem } from '../errors.js';
import { constructDocument, type YamlMapping } from './construct.js';
import type { DocumentLocator } from './document.js';
import { MAX_DEPTH, MAX_PROBLEMS_PER_FILE } from './limits.js';
import { lineIndex, type LineIndex } from './positions.js';
import { capPerFile } from './problem-cap.js';
import { checkConnectRules } from './rules.js';
import { checkSchema } from './schema-check.js';
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

/** The YAML events of one file, or its syntax error, located. Also reads connect-gitops.yaml (src/cli/config-file.ts). */
export function parseYamlEvents(text: string, file: string, lines: LineIndex): Event[] | InputProblem {
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

export function isEmptyDocument(root: YamlNode | null): boolean {
  return root === null || (root.kind === 'scalar' && root.empty && root.tag === null);
}

export function kindOf(root: YamlNode): string {
  const node = root.kind === 'alias' ? root.target : root;
  if (node.kind === 'sequence') return 'a list';
  if (node.kind === 'scalar') return node.empty ? 'empty' : `a single value (${JSON.stringify(node.text.slice(0, 40))})`;
  return 'a mapping';
}

export function locator(lines: LineIndex, values: Map<string, number>, keys: Map<string, number>): DocumentLocator {
  // A pointer may name something that is not written (a missing key): fall back to the nearest ancestor.
  // Escaped segments never contain '/', so trimming at the last '/' gives the parent.
  const nearest = (pointer: string, preferred: Map<string, number>): SourceLocation => {
    for (let candidate = pointer; ; candidate = candidate.slice(0, candidate.lastIndexOf('/'))) {
      const offset = preferred.get(candidate) ?? values.get(candidate);
      if (offset !== undefined) return lines.locate(offset);
      if (candidate === '') return lines.locate(0);
    }
  };
  return { value: (pointer) => nearest(pointer, values), key: (pointer) => nearest(pointer, keys) };
}

export function parseProfileText(file: string, text: string): ParsedFile {
  const lines = lineIndex(file, text);
  const events = parseYamlEvents(text, file, lines);
  if (!Array.isArray(events)) return { profiles: [], problems: [events], empty: false };

  const profiles: DesiredProfile[] = [];
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
      problems.push({ ...lines.locate(root.offset), message: `each document must be a mapping describing one routing profile, but this one is ${kindOf(root)}` });
      continue;
    }
    const built = constructDocument(root, lines);
    const found = built.problems.map((p) => ({ ...lines.locate(p.offset), message: p.message }));
    if (built.value === null) {
      problems.push(...found);
      continue;
    }
    const value = built.value as YamlMapping;
    const at = locator(lines, built.valueOffsets, built.keyOffsets);
    const schema = checkSchema(value, at);
    const rules = checkConnectRules(value, at);
    found.push(...schema.problems, ...rules);
    if (schema.document === null && found.length === 0) {
      found.push({ ...lines.locate(root.offset), message: 'this document does not match the routing profile schema' });
    }
    // Schema and rule checks find problems in their own order; people read a document top to bottom.
    problems.push(...found.sort((a, b) => a.line - b.line || a.column - b.column));
    if (schema.document !== null && built.problems.length === 0 && rules.length === 0) {
      const locations: Record<string, SourceLocation> = {};
      for (const [pointer, offset] of built.valueOffsets) locations[pointer] = lines.locate(offset);
      profiles.push(toDesiredProfile(schema.document, lines.locate(root.offset), locations));
    }
  }
  return { profiles, problems: capPerFile(problems), empty: documents === 0 };
}
