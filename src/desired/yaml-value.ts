// Reading a constructed document before the schema has vouched for it: every accessor checks types itself, so
// the rules can run on a document the schema refused and report their own problems in the same pass.
import { CHANNELS, type Channel } from '../vocabulary.js';
import type { YamlMapping, YamlValue } from './construct.js';

export function isMapping(value: YamlValue | undefined): value is YamlMapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mappings of a list, with their indexes; anything else is the schema's to report. */
export function entries(value: YamlValue | undefined): [number, YamlMapping][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): [number, YamlMapping][] => (isMapping(item) ? [[index, item]] : []));
}

/** The strings of a list, with their indexes. */
export function strings(value: YamlValue | undefined): [number, string][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): [number, string][] => (typeof item === 'string' ? [[index, item]] : []));
}

export function isChannel(value: YamlValue | undefined): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** Own properties only: documents are built with a null prototype, but a key such as `constructor` stays data. */
export function own(mapping: YamlMapping, key: string): YamlValue | undefined {
  return Object.prototype.hasOwnProperty.call(mapping, key) ? mapping[key] : undefined;
}
