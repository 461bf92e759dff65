// The checks one profile document passes, the schema then Connect's rules: for a document read from a file, for
// a profile with an overlay over it, and for one that exists only in memory (problemsOfDocument), which gets
// the answer `validate` would give a file holding exactly that document.
import type { InputProblem } from '../errors.js';
import { defineOwn, type YamlMapping, type YamlValue } from './construct.js';
import type { DocumentLocator, ProfileDocument } from './document.js';
import { checkConnectRules } from './rules.js';
import { checkSchema } from './schema-check.js';
import type { SourceLocation } from './types.js';

/** In memory there are no lines: every place is the document's start, and messages name the field. */
const NOWHERE: SourceLocation = { file: '', line: 1, column: 1 };
const nowhere: DocumentLocator = { value: () => NOWHERE, key: () => NOWHERE };

export const NOT_DATA: unique symbol = Symbol('not plain data');

/** A copy in the loader's own shape (null-prototype mappings), or NOT_DATA when `value` is not plain data. */
export function toYamlValue(value: unknown): YamlValue | typeof NOT_DATA {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_DATA;
  if (Array.isArray(value)) {
    const items: YamlValue[] = [];
    for (const item of value as unknown[]) {
      const converted = toYamlValue(item);
      if (converted === NOT_DATA) return NOT_DATA;
      items.push(converted);
    }
    return items;
  }
  const prototype: unknown = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (typeof value !== 'object' || (prototype !== Object.prototype && prototype !== null)) return NOT_DATA;
  const mapping = Object.create(null) as YamlMapping;
  for (const [key, item] of Object.entries(value)) {
    // An undefined property is one a YAML writer leaves out.
    if (item === undefined) continue;
    const converted = toYamlValue(item);
    if (converted === NOT_DATA) return NOT_DATA;
    defineOwn(mapping, key, converted);
  }
  return mapping;
}

/**
 * The document once the schema and the rules both accept it (else null), and every problem either finds. The
 * schema may refuse with nothing to show (each caller then says so in its own words): a refusal must never be
 * silent.
 */
export function checkProfileDocument(value: YamlMapping, at: DocumentLocator): { document: ProfileDocument | null; problems: InputProblem[] } {
  const schema = checkSchema(value, at);
  const problems = [...schema.problems, ...checkConnectRules(value, at)];
  return { document: problems.length === 0 ? schema.document : null, problems };
}

/**
 * Every problem the profile files would report for this one document (schema and rules; not the checks across
 * documents, nor queue references, which need the other files and the instance), as messages without a
 * position. An empty list means a file holding exactly this document is accepted.
 */
export function problemsOfDocument(document: unknown): string[] {
  const value = toYamlValue(document);
  if (value === NOT_DATA || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return ['each document must be a mapping of plain values (strings, numbers, lists, mappings) describing one routing profile'];
  }
  const checked = checkProfileDocument(value, nowhere);
  // As parse-text.ts says it.
  return checked.document === null && checked.problems.length === 0
    ? ['this document does not match the routing profile schema']
    : checked.problems.map((problem) => problem.message);
}
