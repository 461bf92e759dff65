// Names across documents: duplicates, look-alikes, environments that keep two documents apart, former names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateNameProblems } from '../../src/desired/duplicate-names.js';
import { lookAlikeKey } from '../../src/desired/name-key.js';
import { parseProfileText } from '../../src/desired/parse-text.js';
import type { DesiredProfile } from '../../src/desired/types.js';
import { MINIMAL, render } from './helpers.js';

/** One document per entry, each in its own file `profiles/<n>.yaml`, with the name on line 1. */
function documents(...extras: { name: string; lines?: string }[]): DesiredProfile[] {
  return extras.flatMap(({ name, lines = '' }, index) => {
    const parsed = parseProfileText(`profiles/${index + 1}.yaml`, `${MINIMAL.replace('name: Tier1 Support', `name: ${JSON.stringify(name)}`)}${lines}`);
    expect(parsed.problems).toEqual([]);
    return parsed.profiles;
  });
}

const problems = (...extras: { name: string; lines?: string }[]): string[] => duplicateNameProblems(documents(...extras)).map(render);

describe('names across documents', () => {
  it('refuses one name declared twice, naming both places', () => {
    expect(problems({ name: 'Team 05' }, { name: 'Team 05' })).toEqual([
      'profiles/2.yaml:1:7: duplicate routing profile name "Team 05": also declared at profiles/1.yaml:1:7; names must be unique',
    ]);
  });

  it.each([
    ['case', 'Team 05', 'team 05'],
    ['Unicode composition', 'Caf\u00e9 Desk', 'Cafe\u0301 Desk'],
    ['case folding beyond lower case', 'Straße Team', 'STRASSE TEAM'],
    ['final and medial sigma', 'ΟΔΟΣ', 'οδος'],
  ])('refuses names that differ only in %s', (_what, first, second) => {
    expect(problems({ name: first }, { name: second })).toEqual([
      `profiles/2.yaml:1:7: routing profile name ${JSON.stringify(second)} looks like ${JSON.stringify(first)} declared at profiles/1.yaml:1:7 (equal once case, spaces at the ends and Unicode composition are set aside); rename one so people can tell them apart`,
    ]);
  });

  it('accepts names that only look related', () => {
    expect(problems({ name: 'Team 05' }, { name: 'Team 5' }, { name: 'Team 05 Night' })).toEqual([]);
  });

  it('accepts one name in documents whose environments do not overlap', () => {
    expect(problems({ name: 'Sales', lines: 'environments: [dev, test]\n' }, { name: 'Sales', lines: 'environments: [prod]\n' }, { name: 'sales', lines: 'environments: [staging]\n' })).toEqual([]);
  });

  it('refuses one name in documents whose environments overlap, or where one has none (every environment)', () => {
    expect(problems({ name: 'Sales', lines: 'environments: [dev, test]\n' }, { name: 'Sales', lines: 'environments: [test, prod]\n' })).toEqual([
      'profiles/2.yaml:1:7: duplicate routing profile name "Sales": also declared at profiles/1.yaml:1:7; names must be unique within an environment',
    ]);
    expect(problems({ name: 'Sales', lines: 'environments: [dev]\n' }, { name: 'Sales' })).toEqual([
      'profiles/2.yaml:1:7: duplicate routing profile name "Sales": also declared at profiles/1.yaml:1:7; names must be unique within an environment',
    ]);
    expect(problems({ name: 'Sales' }, { name: 'SALES', lines: 'environments: [prod]\n' })).toEqual([
      'profiles/2.yaml:1:7: routing profile name "SALES" looks like "Sales" declared at profiles/1.yaml:1:7 (equal once case, spaces at the ends and Unicode composition are set aside); rename one so people can tell them apart',
    ]);
  });

  it('refuses a former name claimed by two documents', () => {
    expect(problems({ name: 'Frontline', lines: 'renamedFrom: Tier1\n' }, { name: 'Frontline Night', lines: 'renamedFrom: [Tier0, Tier1]\n' })).toEqual([
      'profiles/2.yaml:7:22: renamedFrom "Tier1" is also claimed at profiles/1.yaml:7:14; one former profile can be renamed into only one profile',
    ]);
  });

  it('accepts one former name claimed in environments that do not overlap', () => {
    expect(
      problems({ name: 'Frontline', lines: 'renamedFrom: Tier1\nenvironments: [dev]\n' }, { name: 'Frontline', lines: 'renamedFrom: Tier1\nenvironments: [prod]\n' }),
    ).toEqual([]);
  });

  it('refuses a former name that another document still declares', () => {
    expect(problems({ name: 'Frontline', lines: 'renamedFrom: Tier1\n' }, { name: 'Tier1' })).toEqual([
      'profiles/1.yaml:7:14: renamedFrom "Tier1" is the name of a profile declared at profiles/2.yaml:1:7; a profile that is still declared cannot also be renamed, remove one of the two',
    ]);
  });

  it('compares former names exactly: a rename may change only case', () => {
    expect(problems({ name: 'Frontline', lines: 'renamedFrom: tier1\n' }, { name: 'Tier1' })).toEqual([]);
    expect(problems({ name: 'Tier1', lines: 'renamedFrom: TIER1\n' })).toEqual([]);
  });

  it('look-alike keys ignore case, spaces at the ends and composition, and nothing else', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'e\u0301', 'ß', ' ', '1', 'Σ') });
    fc.assert(
      fc.property(name, (s) => {
        expect(lookAlikeKey(` ${s.toUpperCase()} `)).toBe(lookAlikeKey(s.toLowerCase()));
        expect(lookAlikeKey(s.normalize('NFD'))).toBe(lookAlikeKey(s.normalize('NFC')));
        expect(lookAlikeKey(`${s}2`)).not.toBe(lookAlikeKey(`${s}1`));
      }),
    );
    expect(lookAlikeKey(' Team 05 ')).toBe(lookAlikeKey('team 05'));
    expect(lookAlikeKey('Cafe\u0301')).toBe(lookAlikeKey('CAFÉ'));
    expect(lookAlikeKey('Straße')).toBe(lookAlikeKey('STRASSE'));
    expect(lookAlikeKey('Team 05')).not.toBe(lookAlikeKey('Team 5'));
  });

  it('stays fast for thousands of documents of one name in distinct environments', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `${MINIMAL}environments: [e${i}]\n`).join('---\n');
    const { profiles } = parseProfileText('profiles/many.yaml', text);
    expect(profiles).toHaveLength(2000);
    const started = performance.now();
    expect(duplicateNameProblems(profiles)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
