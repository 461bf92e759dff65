import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collisionKey, fileNamesFor, MAX_SLUG_LENGTH, slugOf } from '../../src/export/slug.js';

/** What Windows, macOS and Linux all accept as a file name. */
function portable(fileName: string): void {
  expect(fileName).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f]/u);
  expect(fileName).not.toMatch(/[. ]$/);
  expect(fileName.startsWith('.')).toBe(false);
  expect(fileName.replace(/\..*$/, '')).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/iu);
  expect(Buffer.byteLength(fileName)).toBeLessThanOrEqual(255);
}

describe('slugOf', () => {
  it.each([
    ['Tier1 Support', 'tier1-support'],
    ['Sales Agents (EMEA)', 'sales-agents-emea'],
    ['  Billing -- Day  ', 'billing-day'],
    ['a<b>c:d"e/f\\g|h?i*j', 'a-b-c-d-e-f-g-h-i-j'],
    ['サポート 一次', 'サポート-一次'],
    ['सहायता टीम', 'सहायता-टीम'],
    ['Ça va', 'ça-va'],
    ['🎧🎧', 'profile'],
    ['', 'profile'],
    ['...', 'profile'],
    ['CON', 'con-profile'],
    ['lpt1', 'lpt1-profile'],
    ['Com²', 'com²-profile'],
    ['connect-gitops', 'connect-gitops-profile'],
    ['null', 'null'],
  ])('%j -> %j', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });

  it('is bounded in characters and bytes', () => {
    expect([...slugOf('word '.repeat(100))].length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(Buffer.byteLength(slugOf('𝔘'.repeat(127)))).toBeLessThanOrEqual(180);
    expect(slugOf('x'.repeat(127))).toBe('x'.repeat(MAX_SLUG_LENGTH));
  });

  it('gives a portable file name for any name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 127 }), (name) => {
        const files = fileNamesFor([name]);
        portable(files.get(name) as string);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fileNamesFor', () => {
  it('keeps a slug only one profile has, and suffixes every profile of a shared one with a hash of its name', () => {
    const files = fileNamesFor(['Sales', 'sales', 'SALES ', 'Support', '🎧', '📞']);
    expect(files.get('Support')).toBe('support.yaml');
    const shared = ['Sales', 'sales', 'SALES '].map((n) => files.get(n) as string);
    for (const f of shared) expect(f).toMatch(/^sales-[0-9a-f]{8}\.yaml$/);
    expect(new Set(shared).size).toBe(3);
    expect(files.get('🎧')).toMatch(/^profile-[0-9a-f]{8}\.yaml$/);
    expect(files.get('🎧')).not.toBe(files.get('📞'));
  });

  it('is deterministic and independent of input order', () => {
    const names = ['Sales', 'sales', 'Support', 'サポート', 'ｓａｌｅｓ'];
    const a = fileNamesFor(names);
    const b = fileNamesFor([...names].reverse());
    expect([...a].sort()).toEqual([...b].sort());
    // Full-width letters are taken as the same name (compatibility folding), so both get a hash.
    expect(a.get('ｓａｌｅｓ')).toMatch(/^ｓａｌｅｓ-[0-9a-f]{8}\.yaml$/);
    expect(a.get('Sales')).toMatch(/^sales-[0-9a-f]{8}\.yaml$/);
  });

  it('never gives two profiles names a case-insensitive disk would store as one', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.constantFrom('Sales', 'sales', 'SALES', 'Ｓales', 'ß', 'SS', 'ss', 'é', 'e\u0301', 'CON', 'con'), fc.string({ maxLength: 6 })), { maxLength: 30 }),
        (names) => {
          const files = fileNamesFor(names);
          const keys = [...files.values()].map(collisionKey);
          expect(new Set(keys).size).toBe(files.size);
          for (const f of files.values()) portable(f);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('lengthens the hash when a suffixed name meets a profile named like one', () => {
    const first = fileNamesFor(['Sales', 'sales']);
    const lookalike = (first.get('Sales') as string).replace(/\.yaml$/, '');
    const files = fileNamesFor(['Sales', 'sales', lookalike]);
    expect(new Set([...files.values()]).size).toBe(3);
    expect(files.get(lookalike)).toBe(`${lookalike}.yaml`);
  });
});
