// Live names are hostile: every control character is made visible, everything else is left as it is.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeControlChars, escapeControlDeep, escapeControlLines } from '../../src/cli/control-chars.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('escapeControlChars', () => {
  it('makes ANSI escapes, C1 controls and bidi overrides visible', () => {
    expect(escapeControlChars('\u001b[31mred\u009b2J\u202Eevil\u2066')).toBe('\\u001b[31mred\\u009b2J\\u202eevil\\u2066');
  });

  it('never leaves a control character, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeControlChars(s);
        expect(CONTROL.test(out)).toBe(false);
        if (!CONTROL.test(s)) expect(out).toBe(s);
      }),
    );
  });

  it('keeps line breaks of multi-line text, and reaches strings and keys of nested records', () => {
    expect(escapeControlLines('a\u001b\nb\tc')).toBe('a\\u001b\nb\\u0009c');
    expect(escapeControlDeep({ ['k\u202e']: ['v\u0007', { n: 1, s: '\u009b' }] })).toEqual({ 'k\\u202e': ['v\\u0007', { n: 1, s: '\\u009b' }] });
  });
});
