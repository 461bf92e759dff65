// Live data is hostile: a routing profile or queue name in Connect may hold ANSI escape sequences, C1 controls
// or bidi overrides that repaint a terminal, hide text in a CI log or reorder a line in a step summary. Every
// string from Connect that reaches a log, an annotation or the step summary goes through the renderers'
// escaping (src/render/escape.ts); these apply it to the shapes the CLI writes.
import { escapeControl } from '../render/escape.js';

/** Multi-line text (a report, a Markdown summary): each line escaped, the line breaks kept. */
export function escapeControlLines(text: string): string {
  return text.split('\n').map(escapeControl).join('\n');
}

/** Every string of a log record (keys included), leaving other values as they are. */
export function escapeControlDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return escapeControl(value);
  // Log records are shallow; the bound only guards against a cycle in something logged by mistake.
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => escapeControlDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[escapeControl(k)] = escapeControlDeep(v, depth + 1);
  return out;
}
