// One overlay file's text -> its overlay documents and every problem in it. An overlay document names a base
// profile and states the fields an environment changes; it is checked here against the overlay schema only:
// the Connect rules run on the merged profile (overlay-merge.ts), where a value meets the fields it depends on.
import type { ErrorObject } from 'ajv/dist/ajv.js';
import schema from '../../schema/overlay.schema.json' with { type: 'json' };
import type { InputProblem } from '../errors.js';
import type { YamlMapping } from './construct.js';
import { parseDocuments, type ParsedDocuments } from './parse-text.js';
import { schemaProblems } from './schema-check.js';
import { loadValidator } from './schema-validator.js';
import type { SourceLocation } from './types.js';

const validate = await loadValidator<YamlMapping & { name: string }>('overlay', schema);

/** Profile keys an overlay may not set, and why: said in place of a bare "unknown key". */
const NOT_IN_OVERLAYS: ReadonlyMap<string, string> = new Map([
  ['environments', 'an overlay cannot set environments: it applies to its own environment only; say where the profile exists in the base profile file'],
  ['renamedFrom', 'an overlay cannot set renamedFrom: a rename is the same in every environment; write it in the base profile file'],
]);

export interface OverlayDocument {
  /** The base profile it changes. */
  name: string;
  /** The fields it states, `name` left out, as the overlay schema accepted them. */
  fields: YamlMapping;
  /** Where the document starts. */
  source: SourceLocation;
  /** Where each value and each key sits, by JSON pointer into the overlay document. */
  locations: Readonly<Record<string, SourceLocation>>;
  keyLocations: Readonly<Record<string, SourceLocation>>;
}

export interface ParsedOverlayFile extends ParsedDocuments {
  overlays: OverlayDocument[];
}

function isForbiddenKey(error: ErrorObject): boolean {
  return error.keyword === 'additionalProperties' && error.instancePath === '' && NOT_IN_OVERLAYS.has(String(error.params.additionalProperty));
}

export function parseOverlayText(file: string, text: string): ParsedOverlayFile {
  const overlays: OverlayDocument[] = [];
  const parsed = parseDocuments(file, text, 'changes to one routing profile', (document) => {
    if (validate(document.value)) {
      if (document.sound) {
        const locations = document.valueLocations();
        const { name, ...fields } = document.value;
        overlays.push({ name, fields, source: document.source, locations, keyLocations: document.keyLocations() });
      }
      return [];
    }
    const errors = validate.errors ?? [];
    const problems: InputProblem[] = errors.filter(isForbiddenKey).map((error) => {
      const key = String(error.params.additionalProperty);
      return { ...document.at.key(`/${key}`), message: NOT_IN_OVERLAYS.get(key) ?? key };
    });
    problems.push(...schemaProblems(errors.filter((error) => !isForbiddenKey(error)), document.at));
    if (problems.length === 0) problems.push({ ...document.source, message: 'this document does not match the overlay schema' });
    return problems;
  });
  return { overlays, ...parsed };
}
