// REST-JSON routing generated from the model's `http` bindings: method + URI template select the operation,
// path labels and query members are mapped back to the SDK's member names (wire-protocol.md sections 1-2).
import { loadModel, shape } from './model.js';
import { ConnectError } from './errors.js';

interface Route {
  operation: string;
  method: string;
  /** Literal segments as strings, labels as { label: member name }. */
  segments: (string | { member: string })[];
}

let routes: Route[] | undefined;

function compile(): Route[] {
  const { operations } = loadModel();
  return Object.values(operations).map((op) => {
    const members = shape(op.input.shape).members ?? {};
    const labelToMember = new Map<string, string>();
    for (const [name, ref] of Object.entries(members)) {
      if (ref.location === 'uri') labelToMember.set(ref.locationName ?? name, name);
    }
    const segments = op.http.requestUri
      .split('/')
      .slice(1)
      .map((seg) => {
        const label = /^\{(\w+)\}$/.exec(seg)?.[1];
        if (label === undefined) return seg;
        const member = labelToMember.get(label);
        if (!member) throw new Error(`${op.name}: label ${label} has no member`);
        return { member };
      });
    return { operation: op.name, method: op.http.method, segments };
  });
}

export interface MatchedRoute {
  operation: string;
  labels: Record<string, string>;
}

/**
 * Labels are matched on the raw path split at '/', then percent-decoded, because the SDK encodes '/' inside a
 * label as %2F (resource ARNs in /tags/{resourceArn}). An empty label matches, as the SDK sends one as-is.
 */
export function matchRoute(method: string, rawPath: string): MatchedRoute | undefined {
  routes ??= compile();
  const parts = rawPath.split('/').slice(1);
  for (const route of routes) {
    if (route.method !== method || route.segments.length !== parts.length) continue;
    const labels: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const seg = route.segments[i];
      const part = parts[i];
      if (seg === undefined || part === undefined) ok = false;
      else if (typeof seg === 'string') ok = seg === part;
      else {
        try {
          labels[seg.member] = decodeURIComponent(part);
        } catch {
          ok = false;
        }
      }
    }
    if (ok) return { operation: route.operation, labels };
  }
  return undefined;
}

/**
 * The operation's input in SDK member names: path labels, query members (numbers parsed, lists kept as
 * lists) and the JSON body merged, which is what the request log records and what validation sees.
 */
export function buildInput(
  operation: string,
  labels: Record<string, string>,
  query: URLSearchParams,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const op = loadModel().operations[operation];
  if (op === undefined) throw new Error(`no operation ${operation} in the model`);
  const members = shape(op.input.shape).members ?? {};
  const input: Record<string, unknown> = { ...labels };
  for (const [name, ref] of Object.entries(members)) {
    if (ref.location !== 'querystring') continue;
    const values = query.getAll(ref.locationName ?? name);
    if (values.length === 0) continue;
    const target = shape(ref.shape);
    if (target.type === 'list') input[name] = values;
    else if (target.type === 'integer' || target.type === 'long') {
      const first = values[0] ?? '';
      const n = Number(first);
      input[name] = /^-?\d+$/.test(first) && Number.isSafeInteger(n) ? n : first;
    } else input[name] = values[0];
  }
  for (const [name, value] of Object.entries(body)) {
    const ref = members[name];
    // Body JSON can only set body members; a key that names a label or query member is not that member.
    if (ref?.location === undefined) input[name] = value;
  }
  return input;
}

/** The request body: absent or empty is `{}` (the SDK sends `{}` for a body shape with nothing set). */
export function parseBody(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConnectError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConnectError('SerializationException', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}
