// "Did you mean ...?" for unknown keys, enum values and queue references.

/** Strings longer than this are never compared: suggestions are for typos, and the cost is quadratic. */
const MAX_SUGGESTION_INPUT = 256;

/** Levenshtein distance (insert, delete, substitute each cost 1), two-row dynamic programming. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      // Indices stay within 0..b.length, which both rows hold.
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/**
 * Candidates close enough to `input` to be what was meant, closest first (ties in candidate order).
 * Comparison ignores case, so `Voice` suggests `VOICE`; "close" is at most a third of the longer string's
 * length (at least 1, at most 3 edits), which catches typos without suggesting unrelated words.
 */
export function closestMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  if (input.length === 0 || input.length > MAX_SUGGESTION_INPUT) return [];
  const needle = input.toLowerCase();
  const scored: { candidate: string; distance: number; order: number }[] = [];
  let order = 0;
  for (const candidate of candidates) {
    order++;
    if (candidate === input || candidate.length > MAX_SUGGESTION_INPUT) continue;
    const allowed = Math.min(3, Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3)));
    if (Math.abs(candidate.length - needle.length) > allowed) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance <= allowed) scored.push({ candidate, distance, order });
  }
  scored.sort((x, y) => x.distance - y.distance || x.order - y.order);
  return [...new Set(scored.map((s) => s.candidate))].slice(0, limit);
}

/** `; did you mean "a" or "b"?`, or '' when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>, quote = true): string {
  const matches = closestMatches(input, candidates).map((m) => (quote ? JSON.stringify(m) : m));
  if (matches.length === 0) return '';
  const list = matches.length === 1 ? matches[0] : `${matches.slice(0, -1).join(', ')} or ${matches.at(-1)}`;
  return `; did you mean ${list}?`;
}
