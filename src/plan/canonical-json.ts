// A JSON text that depends only on the value, not on how it was built: object keys sorted, undefined members
// dropped (as JSON.stringify does). Used for hashes, where key order would otherwise change the digest.
import { compareStrings } from './order.js';

function canonicalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonicalise(v)));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort(compareStrings)) {
      if (record[key] !== undefined) sorted[key] = canonicalise(record[key]);
    }
    return sorted;
  }
  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalise(value));
}
