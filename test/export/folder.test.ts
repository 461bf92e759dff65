import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readExportFolder, schemaPathFinder } from '../../src/export/folder.js';
import { collisionKey } from '../../src/export/slug.js';
import { escapeHidden, shownName } from '../../src/export/shown.js';
import { UserInputError } from '../../src/errors.js';
import { tempTrees } from '../temp-tree.js';

const doc = (name: string) => `name: ${name}\ndescription: d\ndefaultOutboundQueue: q\nmediaConcurrencies:\n  - channel: VOICE\n    concurrency: 1\n`;

const tree = tempTrees('cg-export-folder-');

describe('readExportFolder', () => {
  it('knows which profiles the folder declares, where, and whether alone in their file', async () => {
    const root = tree({ 'profiles/a.yaml': doc('Alpha'), 'profiles/team/b.yaml': `${doc('Bravo')}---\n${doc('Charlie')}`, 'profiles/Notes.TXT': 'x' });
    const folder = await readExportFolder('profiles', root);
    expect([...folder.declared.values()]).toEqual([
      [{ file: 'profiles/a.yaml', name: 'Alpha', byRenamedFrom: false, soleDocument: true }],
      [{ file: 'profiles/team/b.yaml', name: 'Bravo', byRenamedFrom: false, soleDocument: false }],
      [{ file: 'profiles/team/b.yaml', name: 'Charlie', byRenamedFrom: false, soleDocument: false }],
    ]);
    expect(folder.profiles.map((p) => p.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(folder.existing.get(collisionKey('notes.txt'))).toBe('Notes.TXT');
    expect(folder.existing.get(collisionKey('TEAM'))).toBe('team');
  });

  it('lists every document of a name with its environments, and what each overlay folder changes', async () => {
    const root = tree({
      'profiles/testers-dev.yaml': `${doc('Testers')}environments: [dev]\n`,
      'profiles/testers-prod.yaml': `${doc('Testers')}environments: [prod]\nrenamedFrom: Old Testers\n`,
      'profiles/overlays/prod/sales.yaml': 'name: Sales\ndescription: prod\n',
      'profiles/sales.yaml': doc('Sales'),
    });
    const environments = [{ name: 'dev' }, { name: 'prod', overlayDir: join(root, 'profiles', 'overlays', 'prod') }];
    const folder = await readExportFolder('profiles', root, environments);
    expect(folder.declared.get('Testers')).toEqual([
      { file: 'profiles/testers-dev.yaml', name: 'Testers', byRenamedFrom: false, soleDocument: true, environments: ['dev'] },
      { file: 'profiles/testers-prod.yaml', name: 'Testers', byRenamedFrom: false, soleDocument: true, environments: ['prod'] },
    ]);
    expect(folder.declared.get('Old Testers')).toEqual([{ file: 'profiles/testers-prod.yaml', name: 'Testers', byRenamedFrom: true, soleDocument: false, environments: ['prod'] }]);
    expect([...folder.overlaid]).toEqual([['Sales', [{ file: 'profiles/overlays/prod/sales.yaml', environments: ['prod'] }]]]);
    expect(folder.profiles.map((p) => p.name).sort()).toEqual(['Sales', 'Testers', 'Testers']);
  });

  it('is empty for a folder that does not exist yet, and refuses one whose files are broken', async () => {
    const root = tree({ 'broken/a.yaml': 'name: [' });
    expect(await readExportFolder('profiles', root)).toEqual({ declared: new Map(), profiles: [], existing: new Map(), overlaid: new Map() });
    await expect(readExportFolder('broken', root)).rejects.toThrow(UserInputError);
  });
});

describe('schemaPathFinder', () => {
  it('points at the nearest schema above the folder, else at schema/ beside the profiles folder', () => {
    const withSchema = tree({ 'schema/routing-profile.schema.json': '{}', 'profiles/.keep': '' });
    expect(schemaPathFinder(withSchema, 'profiles')('profiles')).toBe('../schema/routing-profile.schema.json');
    expect(schemaPathFinder(withSchema, 'profiles')('profiles/team/east')).toBe('../../../schema/routing-profile.schema.json');
    const installed = tree({ 'node_modules/connect-gitops/schema/routing-profile.schema.json': '{}' });
    expect(schemaPathFinder(installed, 'ops/profiles')('ops/profiles')).toBe('../../node_modules/connect-gitops/schema/routing-profile.schema.json');
    const bare = tree({});
    expect(schemaPathFinder(bare, 'profiles')('profiles')).toBe('../schema/routing-profile.schema.json');
    expect(schemaPathFinder(bare, 'profiles')(join('profiles', 'team'))).toBe('../../schema/routing-profile.schema.json');
  });
});

describe('shownName', () => {
  it('quotes a live name and spells out what a terminal would act on or hide', () => {
    expect(shownName('Tier1 Support')).toBe('"Tier1 Support"');
    expect(shownName('a\u001b[31mb\u202ec\u0085')).toBe('"a\\u001b[31mb\\u202ec\\u0085"');
    expect(escapeHidden('x\u0007y')).toBe('x\\u0007y');
  });
});
