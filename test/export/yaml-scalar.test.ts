import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { doubleQuoted, isPlainSafe, yamlString } from '../../src/export/yaml-scalar.js';
import { parseProfileText } from '../../src/desired/parse-text.js';

/** What js-yaml's default reader makes of `key: <scalar>`. */
function readBack(scalar: string): unknown {
  return (load(`key: ${scalar}\n`) as { key: unknown }).key;
}

/** What the project's own loader makes of a profile whose description is the scalar: the value, or its refusal. */
function loaderReads(scalar: string): { description: string } | { problems: string } {
  const text = `name: n\ndescription: ${scalar}\ndefaultOutboundQueue: q\nmediaConcurrencies:\n  - channel: VOICE\n    concurrency: 1\n`;
  const parsed = parseProfileText('t.yaml', text);
  const loaded = parsed.profiles[0];
  return loaded === undefined ? { problems: parsed.problems.map((p) => p.message).join('; ') } : { description: loaded.description };
}

const TRICKY = [
  'yes', 'no', 'Yes', 'NO', 'on', 'Off', 'y', 'n', 'true', 'False', 'null', 'Null', '~', '', ' ', '0123', '0x1F', '0o17', '1e3', '1_000',
  '.5', '-1', '+1', '.inf', '-.inf', '.nan', '2024-01-01', '12:30', '1:20:30', '- a: b', 'a: b', 'a:b', '#x', 'a #x', '&anchor', '*alias',
  '!tag', '!!str', '|', '>', '%YAML', '@at', '`tick', "'single'", '"double"', "'", '"', 'trailing ', ' leading', 'a  b', '[1, 2]', '{a: 1}',
  '? q', '<<', '=', 'サポート', 'Поддержка', 'الدعم', 'सहायता', '客服 🎧', '👩‍💻 Desk', 'e\u0301', 'tab\there', 'new\nline', 'cr\r',
  'nul\u0000', 'esc\u001b[31m', 'del\u007f', 'c1\u0085', 'nbsp\u00a0', 'rlo\u202e', 'zwj\u200d', 'bom\ufeff', 'ls\u2028', 'back\\slash',
  'lone\ud800', 'low\udc00x', '𝔘𝔫𝔦',
];

describe('yamlString', () => {
  it.each(TRICKY.map((s) => [s]))('%j reads back as itself', (value) => {
    expect(readBack(yamlString(value))).toBe(value);
  });

  it.each(['Tier1 Support', 'BasicQueue', 'Email Inbound', 'team', 'cost-centre', 'サポート', 'a/b.c@d_e'])('writes %j plain', (value) => {
    expect(yamlString(value)).toBe(value);
  });

  it.each(['yes', 'null', '0123', '1e3', '- a: b', '#x', "'q'", 'a: b', ' lead', 'trail ', '~', '', '🎧 Queue', 'a  b'])('quotes %j', (value) => {
    expect(isPlainSafe(value)).toBe(false);
    expect(yamlString(value).startsWith('"')).toBe(true);
  });

  it('escapes what a reviewer could not see', () => {
    expect(doubleQuoted('a\u202eb\u200dc\u0007\u001b\u0085')).toBe('"a\\u202Eb\\u200Dc\\a\\e\\x85"');
    expect(doubleQuoted('👩‍💻')).toBe('"👩\\u200D💻"');
  });

  it('round-trips any string through js-yaml and through the project loader', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 40 }), (value) => {
        expect(readBack(yamlString(value))).toBe(value);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        expect(readBack(yamlString(value))).toBe(value);
      }),
      { numRuns: 500 },
    );
    // The loader also rejects what must not be in a description; whatever it accepts is exactly the value.
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (value) => {
        const read = loaderReads(yamlString(value));
        // Never another string: the value itself, or a refusal that names why.
        if ('description' in read) expect(read.description).toBe(value);
        else expect(read.problems).toMatch(/description|control|character|must NOT/);
      }),
      { numRuns: 300 },
    );
  });
});
