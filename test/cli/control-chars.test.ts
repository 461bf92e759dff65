// Live names are hostile: every control character is made visible, everything else is left as it is.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeControlDeep, escapeControlLines } from '../../src/cli/control-chars.js';
import { readFileSync } from 'node:fs';
import { REPO_ROOT } from '../e2e/harness.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('escaping what the CLI writes', () => {
  it('never leaves a control character in a line, a summary or a log record', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(CONTROL.test(escapeControlLines(s).replace(/\n/g, ''))).toBe(false);
        for (const [key, [value]] of Object.entries(escapeControlDeep({ [s]: [s] }) as Record<string, string[]>)) {
          expect(key).not.toMatch(CONTROL);
          expect(value).not.toMatch(CONTROL);
        }
      }),
    );
  });

  it('keeps line breaks of multi-line text, and reaches strings and keys of nested records', () => {
    expect(escapeControlLines('a\u001b\nb\tc\u202e')).toBe('a\\u001b\nb\\tc\\u202e');
    expect(escapeControlDeep({ ['k\u202e']: ['v\u0007', { n: 1, s: '\u009b' }] })).toEqual({ 'k\\u202e': ['v\\u0007', { n: 1, s: '\\u009b' }] });
  });

  it('is one escaping, the renderers\', and loads nothing else: every command imports it at start-up', () => {
    const imports = (file: string) => [...readFileSync(`${REPO_ROOT}/${file}`, 'utf8').matchAll(/^import .* from '(.+)';$/gm)].map((m) => m[1]);
    expect(imports('src/cli/control-chars.ts')).toEqual(['../render/escape.js']);
    expect(imports('src/render/escape.ts')).toEqual([]);
  });
});
