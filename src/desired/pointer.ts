// JSON pointers (RFC 6901), the one way positions and ajv errors name a place in a document.

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(parent: string, segment: string): string {
  return `${parent}/${escapeSegment(segment)}`;
}

/**
 * `pointer`, then each ancestor up to the document (''): where to look next when a pointer names something that
 * is not written (a missing key). Escaped segments never contain '/', so trimming at the last '/' gives the parent.
 */
export function* selfAndAncestors(pointer: string): Generator<string> {
  for (let candidate = pointer; ; candidate = candidate.slice(0, candidate.lastIndexOf('/'))) {
    yield candidate;
    if (candidate === '') return;
  }
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/queues/0/priority` -> `queues[0].priority`, `/tags/cost centre` -> `tags["cost centre"]`: for messages. */
export function readablePath(pointer: string): string {
  let out = '';
  for (const segment of pointerSegments(pointer)) {
    if (/^(0|[1-9][0-9]*)$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? 'the document' : out;
}
