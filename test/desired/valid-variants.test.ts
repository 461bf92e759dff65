// Every spelling YAML allows for the same profile (BOM, CRLF, flow style, quoted keys, anchors and merge keys,
// document markers, several documents) loads to exactly the values of the plain reference files.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesired, loadDesiredFiles } from '../../src/desired/load.js';
import type { DesiredProfile } from '../../src/desired/types.js';

const VALID = 'test/fixtures/valid';

type Values = Omit<DesiredProfile, 'source' | 'locations'>;

function values(profile: DesiredProfile): Values {
  const { source: _source, locations: _locations, ...rest } = profile;
  return rest;
}

async function reference(name: string): Promise<Values> {
  const { profiles } = await loadDesiredFiles([path.join(VALID, 'reference', `${name}.yaml`)]);
  expect(profiles).toHaveLength(1);
  return values(profiles[0]);
}

/** `# same-as: a, b` in a variant names the reference files it must equal, in order. */
function sameAs(file: string): string[] {
  const match = /# same-as: (.+)/.exec(readFileSync(file, 'utf8'));
  if (match === null) throw new Error(`${file} has no "# same-as:" line`);
  return match[1].trim().split(/\s*,\s*/);
}

const variants = readdirSync(path.join(VALID, 'variants')).sort();

describe('valid variants', () => {
  it('covers BOM, CRLF, several documents, flow style, quoted keys and anchors', () => {
    expect(variants).toEqual(
      expect.arrayContaining(['bom.yaml', 'crlf.yaml', 'several-documents.yaml', 'flow-style.yaml', 'quoted-keys.yaml', 'anchors-and-merge-keys.yaml']),
    );
  });

  it.each(variants)('%s loads to the same values as its reference', async (name) => {
    const file = path.join(VALID, 'variants', name);
    const expected = await Promise.all(sameAs(file).map(reference));
    const { profiles, skippedFiles } = await loadDesiredFiles([file]);
    expect(skippedFiles).toEqual([]);
    expect(profiles.map(values)).toStrictEqual(expected);
  });

  it('really has a BOM and CRLF line endings where it says so', () => {
    const bom = readFileSync(path.join(VALID, 'variants', 'bom-crlf.yaml'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.toString('utf8')).toContain('\r\n');
  });

  it('counts lines in CRLF files as editors do', async () => {
    const { profiles } = await loadDesiredFiles([path.join(VALID, 'variants', 'crlf.yaml')]);
    expect(profiles[0].locations['/defaultOutboundQueue']).toMatchObject({ line: 4, column: 23 });
  });

  it('skips empty and comment-only files, and lists them', async () => {
    const state = await loadDesired(path.join(VALID, 'skipped'));
    expect(state.profiles).toEqual([]);
    expect(state.skippedFiles).toEqual([
      path.join(VALID, 'skipped', 'comments-only.yml'),
      path.join(VALID, 'skipped', 'empty.yaml'),
      path.join(VALID, 'skipped', 'markers-only.yaml'),
    ]);
  });

  it('loads one name in documents whose environments do not overlap as one profile per document', async () => {
    const { profiles } = await loadDesired(path.join(VALID, 'environments'));
    expect(profiles.map((p) => [p.name, p.environments, p.renamedFrom])).toEqual([
      ['Sales', ['dev', 'test'], undefined],
      ['Sales', ['prod'], ['Sales Team']],
      ['SALES', ['staging'], ['Sales Team']],
    ]);
  });
});
