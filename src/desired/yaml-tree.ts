// js-yaml's event stream -> a small tree of YAML nodes that keep their source offsets.
// js-yaml's own constructors drop positions, and every problem must point at a line, so values are built from
// this tree (construct.ts) rather than by js-yaml.
import { EVENT_ID, SCALAR_STYLE, getScalarValue, type Event, type ScalarStyle } from 'js-yaml';
import { MAX_ALIASES_PER_DOCUMENT, MAX_NODES_PER_DOCUMENT } from './limits.js';

interface NodeBase {
  /** Offset in the decoded text where the node is written (its anchor, tag or first character). */
  offset: number;
  /** Explicit tag as written (`!!str`, `!foo`), or null. */
  tag: string | null;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  text: string;
  style: ScalarStyle;
  /** An empty value (`key:` with nothing after it); `offset` is then the nearest position before it. */
  empty: boolean;
}

export interface SequenceNode extends NodeBase {
  kind: 'sequence';
  items: YamlNode[];
}

export interface MappingNode extends NodeBase {
  kind: 'mapping';
  pairs: { key: YamlNode; value: YamlNode }[];
}

export interface AliasNode {
  kind: 'alias';
  offset: number;
  name: string;
  /** The anchored node; aliases may only point back at a node that is already complete. */
  target: YamlNode;
}

export type YamlNode = ScalarNode | SequenceNode | MappingNode | AliasNode;

/** A problem found while reading the tree: an offset in the text and a message. */
export interface OffsetProblem {
  offset: number;
  message: string;
}

export interface YamlDocument {
  /** null for an empty document (`---` followed by nothing, or comments only). */
  root: YamlNode | null;
  /** Problems that make the document unusable (bad aliases, %TAG directives); the root is then not validated. */
  problems: OffsetProblem[];
}

interface OpenCollection {
  node: SequenceNode | MappingNode;
  anchor: string | null;
  /** A mapping's key waiting for its value. */
  pendingKey: YamlNode | null;
}

function slice(text: string, start: number, end: number): string | null {
  return start >= 0 && end >= start ? text.slice(start, end) : null;
}

/** The smallest non-negative offset, or -1 (-1 means "absent" in js-yaml events). Called per event: no arrays. */
function firstOffset(a: number, b: number, c: number): number {
  let best = -1;
  if (a >= 0) best = a;
  if (b >= 0 && (best < 0 || b < best)) best = b;
  if (c >= 0 && (best < 0 || c < best)) best = c;
  return best;
}

/**
 * Splits the events of one file into documents of located nodes, one at a time so that a caller that has seen
 * enough problems can stop early. A document with more nodes than the bound is given up as soon as it crosses
 * it (one problem, no tree). Pure.
 */
export function* eventsToDocuments(events: readonly Event[], text: string): Generator<YamlDocument> {
  let anchors = new Map<string, YamlNode>();
  let aliasCount = 0;
  let nodeCount = 0;
  let current: YamlDocument | null = null;
  const stack: OpenCollection[] = [];
  // Empty scalars carry no offset; the last offset seen (usually their key) is the best place to point at.
  let lastOffset = 0;

  const attach = (node: YamlNode, anchor: string | null): void => {
    const parent = stack.at(-1);
    if (parent === undefined) {
      if (current !== null) current.root = node;
    } else if (parent.node.kind === 'sequence') {
      parent.node.items.push(node);
    } else if (parent.pendingKey === null) {
      parent.pendingKey = node;
    } else {
      parent.node.pairs.push({ key: parent.pendingKey, value: node });
      parent.pendingKey = null;
    }
    if (anchor !== null) anchors.set(anchor, node);
  };

  for (const event of events) {
    if (event.type !== EVENT_ID.DOCUMENT && event.type !== EVENT_ID.POP && current !== null) {
      nodeCount++;
      if (nodeCount > MAX_NODES_PER_DOCUMENT) {
        current.root = null;
        current.problems.push({ offset: lastOffset, message: `document has more than ${MAX_NODES_PER_DOCUMENT} values; a routing profile needs a few hundred at most` });
        yield current;
        current = null;
      }
    }
    // A document given up (or not yet started) ignores its remaining events up to the next one.
    if (current === null && event.type !== EVENT_ID.DOCUMENT) continue;
    switch (event.type) {
      case EVENT_ID.DOCUMENT: {
        current = { root: null, problems: [] };
        stack.length = 0;
        anchors = new Map();
        aliasCount = 0;
        nodeCount = 0;
        if (event.directives.some((d) => d.kind === 'tag')) {
          current.problems.push({ offset: lastOffset, message: '%TAG directives are not supported in profile files' });
        }
        break;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const offset = firstOffset(event.anchorStart, event.tagStart, event.start);
        if (offset >= 0) lastOffset = offset;
        const base = { offset: offset >= 0 ? offset : lastOffset, tag: slice(text, event.tagStart, event.tagEnd) };
        const anchor = slice(text, event.anchorStart, event.anchorEnd);
        const node: SequenceNode | MappingNode =
          event.type === EVENT_ID.SEQUENCE ? { kind: 'sequence', items: [], ...base } : { kind: 'mapping', pairs: [], ...base };
        stack.push({ node, anchor, pendingKey: null });
        break;
      }
      case EVENT_ID.SCALAR: {
        // Quoted scalars' offsets are inside the quotes; point at the opening quote, where the value is written.
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
        const valueOffset = event.valueStart >= 0 && quoted ? event.valueStart - 1 : event.valueStart;
        const offset = firstOffset(event.anchorStart, event.tagStart, valueOffset);
        const empty = event.valueStart < 0;
        if (offset >= 0) lastOffset = offset;
        const node: ScalarNode = {
          kind: 'scalar',
          offset: offset >= 0 ? offset : lastOffset,
          tag: slice(text, event.tagStart, event.tagEnd),
          text: empty ? '' : getScalarValue(text, event),
          style: event.style,
          empty,
        };
        attach(node, slice(text, event.anchorStart, event.anchorEnd));
        break;
      }
      case EVENT_ID.ALIAS: {
        // The event's range is the name after '*'.
        const offset = Math.max(0, event.anchorStart - 1);
        lastOffset = offset;
        const name = text.slice(event.anchorStart, event.anchorEnd);
        const target = anchors.get(name);
        aliasCount++;
        if (aliasCount === MAX_ALIASES_PER_DOCUMENT + 1) {
          current?.problems.push({
            offset,
            message: `too many aliases: more than ${MAX_ALIASES_PER_DOCUMENT} in one document`,
          });
        }
        if (target === undefined) {
          current?.problems.push({
            offset,
            message: `alias *${name} refers to no anchor defined before it in this document`,
          });
          attach({ kind: 'scalar', offset, tag: null, text: '', style: SCALAR_STYLE.PLAIN, empty: true }, null);
        } else {
          attach({ kind: 'alias', offset, name, target }, null);
        }
        break;
      }
      case EVENT_ID.POP: {
        const done = stack.pop();
        // A collection is attached (and its anchor registered) only once complete, so an alias can never
        // point into a node still being built: recursive structures cannot be written.
        if (done !== undefined) attach(done.node, done.anchor);
        else if (current !== null) {
          yield current;
          current = null;
        }
        break;
      }
    }
  }
}
