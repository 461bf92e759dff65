// Located YAML nodes -> plain values plus a map from JSON pointer to source offset.
// Objects are built with a null prototype and own properties only, so keys such as `__proto__` or
// `constructor` are ordinary (and, for the schema, unknown) keys that can never reach Object.prototype.
// Aliases and merge keys are expanded here under a value budget, which is what bounds "billion laughs".
import {
  NOT_RESOLVED,
  SCALAR_STYLE,
  boolCoreTag,
  floatCoreTag,
  intCoreTag,
  nullCoreTag,
  type ScalarTagDefinition,
} from 'js-yaml';
import { MAX_DEPTH, MAX_NODES_PER_DOCUMENT } from './limits.js';
import { childPointer } from './pointer.js';
import type { LineIndex } from './positions.js';
import type { MappingNode, OffsetProblem, ScalarNode, YamlNode } from './yaml-tree.js';

export type YamlValue = string | number | boolean | null | YamlValue[] | YamlMapping;
export interface YamlMapping {
  [key: string]: YamlValue;
}

export interface Constructed {
  value: YamlValue;
  /** JSON pointer -> offset of the value written there. */
  valueOffsets: Map<string, number>;
  /** JSON pointer -> offset of the key that introduces it (for "unknown key" and "duplicate key"). */
  keyOffsets: Map<string, number>;
  problems: OffsetProblem[];
}

/** The YAML 1.2 core schema's implicit resolution order for plain scalars. */
const IMPLICIT: readonly ScalarTagDefinition[] = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];

const EXPLICIT_SCALAR: ReadonlyMap<string, ScalarTagDefinition | 'string'> = new Map<
  string,
  ScalarTagDefinition | 'string'
>([
  ['!', 'string'],
  ['!!str', 'string'],
  ['!!null', nullCoreTag],
  ['!!bool', boolCoreTag],
  ['!!int', intCoreTag],
  ['!!float', floatCoreTag],
]);

/** Stops construction of a document that would grow without bound; reported as one problem. */
class Refused {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const MERGE_KEY = '<<';

function isMergeKey(node: YamlNode): boolean {
  return node.kind === 'scalar' && node.style === SCALAR_STYLE.PLAIN && node.tag === null && node.text === MERGE_KEY;
}

export function defineOwn(target: YamlMapping, key: string, value: YamlValue): void {
  // defineProperty rather than assignment: never invokes a setter, whatever the key is.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function constructDocument(root: YamlNode, lines: LineIndex): Constructed {
  const valueOffsets = new Map<string, number>();
  const keyOffsets = new Map<string, number>();
  const problems: OffsetProblem[] = [];
  let built = 0;

  const count = (offset: number): void => {
    built++;
    if (built > MAX_NODES_PER_DOCUMENT) {
      throw new Refused(
        offset,
        `document expands to more than ${MAX_NODES_PER_DOCUMENT} values through aliases or merge keys; refusing it`,
      );
    }
  };

  const scalar = (node: ScalarNode): YamlValue => {
    if (node.tag === null) {
      if (node.style !== SCALAR_STYLE.PLAIN) return node.text;
      for (const tag of IMPLICIT) {
        const resolved: unknown = tag.resolve(node.text, false, tag.tagName);
        if (resolved !== NOT_RESOLVED) return resolved as YamlValue;
      }
      return node.text;
    }
    const explicit = EXPLICIT_SCALAR.get(node.tag);
    if (explicit === 'string') return node.text;
    if (explicit !== undefined) {
      const resolved: unknown = explicit.resolve(node.text, true, explicit.tagName);
      if (resolved !== NOT_RESOLVED) return resolved as YamlValue;
      problems.push({ offset: node.offset, message: `${JSON.stringify(node.text)} is not a valid ${node.tag} value` });
      return node.text;
    }
    problems.push({ offset: node.offset, message: `tag ${node.tag} is not supported; write the value without a tag` });
    return node.text;
  };

  const collectionTagProblem = (tag: string | null, expected: string, offset: number): void => {
    if (tag !== null && tag !== '!' && tag !== expected) {
      problems.push({ offset, message: `tag ${tag} is not supported here; write the value without a tag` });
    }
  };

  /**
   * The key/value pairs of a mapping after merge keys: explicit keys first, in order, then keys from `<<`
   * sources that the mapping does not set itself (earlier sources win), as the YAML merge key spec says.
   */
  const pairsOf = (
    node: MappingNode,
    depth: number,
    reportDuplicates: boolean,
  ): { key: string; keyOffset: number; value: YamlNode }[] => {
    const explicit: { key: string; keyOffset: number; value: YamlNode }[] = [];
    const seen = new Map<string, number>();
    const sources: YamlNode[] = [];
    for (const pair of node.pairs) {
      count(pair.key.offset);
      if (isMergeKey(pair.key)) {
        const value = pair.value.kind === 'alias' ? pair.value.target : pair.value;
        if (value.kind === 'sequence') sources.push(...value.items);
        else sources.push(pair.value);
        continue;
      }
      if (pair.key.kind !== 'scalar') {
        problems.push({ offset: pair.key.offset, message: 'mapping keys must be plain strings' });
        continue;
      }
      const key = pair.key.text;
      const first = seen.get(key);
      if (first !== undefined) {
        if (reportDuplicates) {
          problems.push({
            offset: pair.key.offset,
            message: `duplicate key ${JSON.stringify(key)} (first set on line ${lines.locate(first).line})`,
          });
        }
        continue;
      }
      seen.set(key, pair.key.offset);
      explicit.push({ key, keyOffset: pair.key.offset, value: pair.value });
    }
    const merged = [...explicit];
    for (const source of sources) {
      const target = source.kind === 'alias' ? source.target : source;
      if (target.kind !== 'mapping') {
        problems.push({ offset: source.offset, message: 'a merge key (<<) takes a mapping or a list of mappings' });
        continue;
      }
      if (depth > MAX_DEPTH) throw new Refused(source.offset, `merge keys nest more than ${MAX_DEPTH} levels deep`);
      // Duplicates inside a merged mapping were already reported where it was written.
      for (const pair of pairsOf(target, depth + 1, false)) {
        if (seen.has(pair.key)) continue;
        seen.set(pair.key, pair.keyOffset);
        merged.push(pair);
      }
    }
    return merged;
  };

  const build = (node: YamlNode, pointer: string, depth: number): YamlValue => {
    if (depth > MAX_DEPTH) throw new Refused(node.offset, `values nest more than ${MAX_DEPTH} levels deep`);
    count(node.offset);
    if (node.kind === 'alias') {
      // Point at the text the alias stands for: that is where a wrong value is actually written.
      return build(node.target, pointer, depth);
    }
    valueOffsets.set(pointer, node.offset);
    switch (node.kind) {
      case 'scalar':
        return scalar(node);
      case 'sequence':
        collectionTagProblem(node.tag, '!!seq', node.offset);
        return node.items.map((item, index) => build(item, childPointer(pointer, String(index)), depth + 1));
      case 'mapping': {
        collectionTagProblem(node.tag, '!!map', node.offset);
        const result = Object.create(null) as YamlMapping;
        for (const pair of pairsOf(node, depth, true)) {
          const child = childPointer(pointer, pair.key);
          keyOffsets.set(child, pair.keyOffset);
          const value = build(pair.value, child, depth + 1);
          // An empty value has no position of its own; its key is where it is written.
          if (pair.value.kind === 'scalar' && pair.value.empty) valueOffsets.set(child, pair.keyOffset);
          defineOwn(result, pair.key, value);
        }
        return result;
      }
    }
  };

  try {
    const value = build(root, '', 0);
    return { value, valueOffsets, keyOffsets, problems };
  } catch (error) {
    if (error instanceof Refused) {
      return { value: null, valueOffsets, keyOffsets, problems: [{ offset: error.offset, message: error.message }] };
    }
    throw error;
  }
}
