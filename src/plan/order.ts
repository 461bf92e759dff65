// Deterministic orderings shared by the planner, the fingerprint and the renderers.
// Plans are compared byte for byte (golden files, saved plans), so nothing may depend on the host's locale:
// strings are ordered by UTF-16 code unit, never with localeCompare.
import { CHANNELS, type Channel } from '../vocabulary.js';

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Channels in vocabulary order (VOICE, CHAT, TASK, EMAIL), the order users see them documented in. */
export function compareChannels(a: Channel, b: Channel): number {
  return CHANNELS.indexOf(a) - CHANNELS.indexOf(b);
}

/** Splits a list into consecutive batches of at most `size` items (Connect's per-call list limits). */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
