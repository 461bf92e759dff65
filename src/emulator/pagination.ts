// Opaque pagination tokens. A token names the creation sequence number of the last item returned, so a
// page boundary survives inserts and deletes between calls, plus a fingerprint of the query it belongs to,
// so a token reused with a different query, profile or operation is refused (Connect tokens are bound to
// their request, too).
import { createHash } from 'node:crypto';
import { invalidParameter } from './errors.js';

/** List operations document "The default MaxResult size is 100"; Search documents none: UNVERIFIED, same. */
export const DEFAULT_PAGE_SIZE = 100;

function fingerprint(scope: unknown): string {
  return createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 16);
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page of `all` (already filtered and sorted by `seq`), after the token's cursor. `scope` is whatever
 * identifies the query (operation, instance, criteria).
 */
export function paginate<T extends { seq: number }>(
  all: readonly T[],
  maxResults: number | undefined,
  nextToken: string | undefined,
  scope: unknown,
): Page<T> {
  const fp = fingerprint(scope);
  let after = 0;
  if (nextToken !== undefined) {
    after = decode(nextToken, fp);
  }
  const size = maxResults ?? DEFAULT_PAGE_SIZE;
  const rest = all.filter((x) => x.seq > after);
  const items = rest.slice(0, size);
  if (rest.length <= size) return { items };
  const last = items.at(-1)?.seq ?? after;
  return { items, nextToken: Buffer.from(JSON.stringify({ v: 1, a: last, f: fp })).toString('base64url') };
}

function decode(token: string, fp: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const { v, a, f } = parsed as Record<string, unknown>;
      if (v === 1 && typeof a === 'number' && f === fp) return a;
    }
  } catch {
    // fall through: any undecodable token is invalid
  }
  throw invalidParameter('The NextToken is not valid for this request.');
}
