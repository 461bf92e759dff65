import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControl, escapeJsonText, quoted } from '../../src/render/escape.js';
import { escapeMarkdown } from '../../src/render/markdown-escape.js';

// Everything a terminal or a bidi-aware viewer would obey, per the escaping contract.
const DANGEROUS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Strings rich in what matters: controls, bidi, surrogate halves, Markdown metacharacters, plain text.
const hostileChar = fc.oneof(
  fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u061c', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\ud800', '\udc00', '😀', 'é', '表'),
  fc.constantFrom('|', '`', '*', '_', '[', ']', '<', '>', '&', '\\', '~', '#', '@', ':', '/', '.', 'w', '-', '1'),
);
const hostile = fc.array(hostileChar, { maxLength: 30 }).map((cs) => cs.join(''));

describe('escapeControl', () => {
  it('leaves nothing a terminal or a bidi algorithm would obey', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = escapeControl(s);
        expect(out).not.toMatch(DANGEROUS);
        expect(out).not.toMatch(LONE_SURROGATE);
      }),
    );
  });

  it('changes nothing in ordinary text, ZWJ and ZWNJ included (Indic, Arabic and emoji names need them)', () => {
    for (const s of ['Tier1 Support', 'क्‍ष', 'می‌خواهم', '👩‍💻 Team', 'Ünïcödé ☎ 表']) expect(escapeControl(s)).toBe(s);
  });

  it('writes what it escapes the JSON way', () => {
    expect(escapeControl('a\u001b[31mb\nc\u007fd\u009be\u202ef\u2066g\u200fh')).toBe('a\\u001b[31mb\\nc\\u007fd\\u009be\\u202ef\\u2066g\\u200fh');
  });
});

describe('quoted and escapeJsonText', () => {
  it('are valid JSON for the very same string, with nothing dangerous left raw', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const q = quoted(s);
        expect(JSON.parse(q)).toBe(s);
        expect(q).not.toMatch(DANGEROUS);
        expect(JSON.parse(escapeJsonText(JSON.stringify({ [s]: [s] })))).toEqual({ [s]: [s] });
      }),
    );
  });
});

function decodeEntities(html: string): string {
  return html.replace(/&#(\d+);|&(amp|lt|gt);/g, (_, code: string | undefined, name: string | undefined) =>
    code !== undefined ? String.fromCodePoint(Number(code)) : ({ amp: '&', lt: '<', gt: '>' } as Record<string, string>)[name ?? ''] ?? '',
  );
}

describe('escapeMarkdown', () => {
  it('never lets a value add a table cell, a line, a tag, a code span, emphasis, a link, a mention or a block', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = escapeMarkdown(s);
        expect(out).not.toMatch(DANGEROUS);
        expect(out).not.toMatch(/[|`<>*[\]~\\]/);
        // Mentions, issue links and autolinks are found by GitHub in the decoded text.
        const decoded = decodeEntities(out);
        expect(decoded).not.toMatch(/[@#][\p{L}\p{N}_]/u);
        expect(decoded).not.toMatch(/:\/\/|www\./i);
        expect(out).not.toMatch(/^[#+\-=>]|^\d+[.)]/);
      }),
    );
  });

  it('keeps enum values legible and escapes the rest as inert entities', () => {
    expect(escapeMarkdown('ROUTE_ANY_CHANNEL')).toBe('ROUTE_ANY_CHANNEL');
    expect(escapeMarkdown('a|b<c>d&e`f\\g_h_ _i_ ~j~')).toBe('a&#124;b&lt;c&gt;d&amp;e&#96;f&#92;g_h&#95; &#95;i&#95; &#126;j&#126;');
    expect(escapeMarkdown('raw\nbreak')).toBe('raw&#92;nbreak');
    expect(escapeMarkdown('ping @octo-org/team about #12')).toBe('ping @&#8203;octo-org/team about #&#8203;12');
    expect(escapeMarkdown('see https://x.example or www.x.example')).toBe('see https:&#8203;//x.example or www&#8203;.x.example');
    expect(escapeMarkdown('# Heading')).toBe('&#35; Heading');
    expect(escapeMarkdown('12. item')).toBe('&#49;&#50;. item');
  });
});
