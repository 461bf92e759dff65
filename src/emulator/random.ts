// A small seeded generator so that fault injection and generated IDs repeat exactly for a given seed.
import { randomUUID } from 'node:crypto';

/** mulberry32: 32-bit state, uniform in [0, 1). Enough for test fault rates; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Connect IDs are UUIDs; with a seed they are version-4-shaped UUIDs drawn from the seeded generator. */
export function uuidGenerator(seed?: number): () => string {
  if (seed === undefined) return () => randomUUID();
  const next = seededRandom(seed ^ 0x5eed1d5);
  return () => {
    const bytes = Array.from({ length: 16 }, () => Math.floor(next() * 256));
    // RFC 4122 version 4 and variant bits.
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
