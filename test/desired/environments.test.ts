// The desired state per environment: the environment filter, overlays merged over base profiles, and every
// problem of every environment at once, each with the file, line and column a person would open.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDesiredPerEnvironment, type EnvironmentSource } from '../../src/desired/environments.js';
import { MINIMAL, problemsOf, tempDir, writeFiles } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/**
 * A temporary folder holding `folders` and `files` (paths relative to it), which is also the working directory
 * of messages. By default the overlay folders of dev and prod exist.
 */
async function tree(files: Record<string, string>, folders = ['overlays/dev', 'overlays/prod']): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  for (const folder of folders) await mkdir(path.join(dir, folder), { recursive: true });
  await writeFiles(dir, files);
  return dir;
}

/** dev and prod, each with its folder under overlays/. */
const devAndProd = (root: string): EnvironmentSource[] => [
  { name: 'dev', overlayDir: path.join(root, 'overlays/dev') },
  { name: 'prod', overlayDir: path.join(root, 'overlays/prod') },
];

const SALES = `name: Sales
description: Sales agents
defaultOutboundQueue: Sales
mediaConcurrencies:
  - channel: VOICE
    concurrency: 1
  - channel: CHAT
    concurrency: 2
queues:
  - {queue: Sales, channel: VOICE, priority: 1, delay: 0}
tags:
  team: sales
  cost-centre: "100"
`;

const load = (root: string, environments = devAndProd(root)) => loadDesiredPerEnvironment(path.join(root, 'profiles'), environments, { cwd: root });

describe('profiles per environment', () => {
  it('merges an overlay over its base profile in its environment only, tags key by key, in the order of the environments', async () => {
    const root = await tree({
      'profiles/sales.yaml': SALES,
      'overlays/dev/sales.yaml': 'name: Sales\ndescription: Sales (dev)\ntags: {cost-centre: dev, stage: dev}\n',
      'overlays/prod/.keep': '',
    });
    const desired = await load(root, [...devAndProd(root)].reverse());
    expect([...desired.keys()]).toEqual(['prod', 'dev']);
    const dev = desired.get('dev')?.profiles[0];
    const prod = desired.get('prod')?.profiles[0];
    expect(dev?.description).toBe('Sales (dev)');
    expect(dev?.tags).toEqual({ team: 'sales', 'cost-centre': 'dev', stage: 'dev' });
    expect(dev?.queues).toEqual(prod?.queues);
    expect(prod?.description).toBe('Sales agents');
    expect(prod?.tags).toEqual({ team: 'sales', 'cost-centre': '100' });
    // Later messages (queue resolution, plans) point where each value was written.
    expect(dev?.source).toEqual({ file: path.join('profiles', 'sales.yaml'), line: 1, column: 1 });
    expect(dev?.locations['/description']).toEqual({ file: path.join('overlays', 'dev', 'sales.yaml'), line: 2, column: 14 });
    expect(dev?.locations['/tags/stage']).toEqual({ file: path.join('overlays', 'dev', 'sales.yaml'), line: 3, column: 33 });
    expect(dev?.locations['/tags/team']).toEqual({ file: path.join('profiles', 'sales.yaml'), line: 12, column: 9 });
    expect(dev?.locations['/queues/0/queue']).toEqual({ file: path.join('profiles', 'sales.yaml'), line: 10, column: 13 });
  });

  it('replaces a list whole: the overlay list is what the environment gets', async () => {
    const root = await tree({
      'profiles/sales.yaml': SALES,
      'overlays/dev/sales.yaml': 'name: Sales\nqueues:\n  - {queue: Sales Dev, channel: CHAT, priority: 5, delay: 30}\n',
    });
    const dev = (await load(root)).get('dev')?.profiles[0];
    expect(dev?.queues).toEqual([{ queue: 'Sales Dev', channel: 'CHAT', priority: 5, delay: 30 }]);
    expect(dev?.locations['/queues/0/queue']).toEqual({ file: path.join('overlays', 'dev', 'sales.yaml'), line: 3, column: 13 });
    expect(dev?.locations['/queues/0/delay']).toEqual({ file: path.join('overlays', 'dev', 'sales.yaml'), line: 3, column: 59 });
  });

  it('keeps a profile with environments: to those, and lets one name serve environments that do not overlap', async () => {
    const root = await tree({
      'profiles/all.yaml': MINIMAL,
      'profiles/sales-dev.yaml': `${SALES.replace('Sales agents', 'Sales in dev')}environments: [dev]\n`,
      'profiles/sales-prod.yaml': `${SALES}environments: [prod]\n`,
      'overlays/dev/sales.yaml': 'name: Sales\ndescription: Sales (dev overlay)\n',
    });
    const desired = await load(root);
    expect(desired.get('dev')?.profiles.map((p) => [p.name, p.description])).toEqual([
      ['Tier1 Support', 'Frontline agents'],
      ['Sales', 'Sales (dev overlay)'],
    ]);
    expect(desired.get('prod')?.profiles.map((p) => [p.name, p.description])).toEqual([
      ['Tier1 Support', 'Frontline agents'],
      ['Sales', 'Sales agents'],
    ]);
    expect(desired.get('dev')?.profiles[1]?.source.file).toBe(path.join('profiles', 'sales-dev.yaml'));
  });

  it('never reads an overlay folder as profiles, even inside the profiles folder, and reads several documents per overlay file', async () => {
    const root = await tree({
      'profiles/sales.yaml': SALES,
      'profiles/tier1.yaml': MINIMAL,
      'profiles/overlays/dev/all.yaml': 'name: Sales\ndescription: Sales (dev)\n---\nname: Tier1 Support\nagentAvailabilityTimer: TIME_SINCE_LAST_INBOUND\n',
      'profiles/overlays/dev/empty.yaml': '# nothing for now\n',
    });
    const desired = await load(root, [{ name: 'dev', overlayDir: path.join(root, 'profiles/overlays/dev') }]);
    const dev = desired.get('dev');
    expect(dev?.profiles.map((p) => [p.name, p.description, p.agentAvailabilityTimer])).toEqual([
      ['Sales', 'Sales (dev)', undefined],
      ['Tier1 Support', 'Frontline agents', 'TIME_SINCE_LAST_INBOUND'],
    ]);
    expect(dev?.skippedFiles).toEqual([path.join('profiles', 'overlays', 'dev', 'empty.yaml')]);
  });

  it('reads a folder shared by two environments once, and merges it in each', async () => {
    const root = await tree({ 'profiles/sales.yaml': SALES, 'overlays/nonprod/sales.yaml': 'name: Sales\ndescription: Sales (nonprod)\n' });
    const shared = path.join(root, 'overlays/nonprod');
    const desired = await load(root, [
      { name: 'dev', overlayDir: shared },
      { name: 'test', overlayDir: shared },
      { name: 'prod' },
    ]);
    expect([...desired].map(([name, state]) => [name, state.profiles[0]?.description])).toEqual([
      ['dev', 'Sales (nonprod)'],
      ['test', 'Sales (nonprod)'],
      ['prod', 'Sales agents'],
    ]);
  });
});

const TIER1_DEV_ONLY = `${MINIMAL}environments: [dev]\n`;

/** Each case: files under a temporary root (profiles/, overlays/dev, overlays/prod), and every problem printed. */
const errorCases: { name: string; files: Record<string, string>; folders?: string[]; environments?: (root: string) => EnvironmentSource[]; problems: string[] }[] = [
  {
    name: 'an overlay naming no base profile, with close names',
    files: { 'profiles/sales.yaml': SALES, 'overlays/dev/sales.yaml': 'description: x\nname: Sale\n' },
    problems: [
      'overlays/dev/sales.yaml:2:7: overlay for routing profile "Sale", but no profile file declares it (an overlay changes a profile of the profiles folder, by its exact name); did you mean "Sales"?',
    ],
  },
  {
    name: 'an overlay naming a profile its environment excludes',
    files: { 'profiles/tier1.yaml': TIER1_DEV_ONLY, 'overlays/prod/tier1.yaml': 'name: Tier1 Support\ndescription: x\n' },
    problems: [
      'overlays/prod/tier1.yaml:1:7: overlay for routing profile "Tier1 Support", which exists only in environments "dev" (profiles/tier1.yaml:7:15), not in "prod"; remove this overlay, or add "prod" to the profile\'s environments',
    ],
  },
  {
    name: 'two overlays for one profile in one environment, in one file and across files',
    files: {
      'profiles/sales.yaml': SALES,
      'overlays/dev/a.yaml': 'name: Sales\ndescription: one\n---\nname: Sales\ndescription: two\n',
      'overlays/dev/b.yaml': '\n\nname: "Sales"\n',
    },
    problems: [
      'overlays/dev/a.yaml:4:7: a second overlay for routing profile "Sales": also changed at overlays/dev/a.yaml:1:7; merge the two documents into one',
      'overlays/dev/b.yaml:3:7: a second overlay for routing profile "Sales": also changed at overlays/dev/a.yaml:1:7; merge the two documents into one',
    ],
  },
  {
    name: 'a profile naming an environment that is not defined',
    files: { 'profiles/tier1.yaml': `${MINIMAL}environments:\n  - dev\n  - prd\n  - staging\n` },
    problems: [
      'profiles/tier1.yaml:9:5: environments[1]: environment "prd" is not defined in connect-gitops.yaml; did you mean "prod"? (defined: dev, prod)',
      'profiles/tier1.yaml:10:5: environments[2]: environment "staging" is not defined in connect-gitops.yaml (defined: dev, prod)',
    ],
  },
  {
    name: 'an overlay folder that does not exist, or is a file',
    files: { 'profiles/tier1.yaml': MINIMAL, 'overlays/prod': 'not a folder' },
    folders: [],
    problems: [
      'overlays/dev:1:1: the overlay folder of environment "dev" cannot be read (it does not exist); create it, or fix overlay: in connect-gitops.yaml',
      'overlays/prod:1:1: the overlay folder of environment "prod" cannot be read (it is not a folder); create it, or fix overlay: in connect-gitops.yaml',
    ],
  },
  {
    name: 'an overlay folder that is the profiles folder, or holds it',
    files: { 'profiles/tier1.yaml': MINIMAL },
    folders: [],
    environments: (root) => [
      { name: 'dev', overlayDir: path.join(root, 'profiles') },
      { name: 'prod', overlayDir: root },
    ],
    problems: [
      'profiles:1:1: the overlay folder of environment "dev" is the profiles folder or holds it; give overlays a folder of their own, beside or inside the profiles folder',
      '<root>:1:1: the overlay folder of environment "prod" is the profiles folder or holds it; give overlays a folder of their own, beside or inside the profiles folder',
    ],
  },
  {
    name: 'an overlay setting environments or renamedFrom, or a misspelt key',
    files: {
      'profiles/sales.yaml': SALES,
      'overlays/dev/sales.yaml': 'name: Sales\nenvironments: [dev]\nrenamedFrom: Old Sales\ndescripton: x\n',
    },
    problems: [
      'overlays/dev/sales.yaml:2:1: an overlay cannot set environments: it applies to its own environment only; say where the profile exists in the base profile file',
      'overlays/dev/sales.yaml:3:1: an overlay cannot set renamedFrom: a rename is the same in every environment; write it in the base profile file',
      'overlays/dev/sales.yaml:4:1: unknown key "descripton"; did you mean "description"? (allowed: name, description, defaultOutboundQueue, agentAvailabilityTimer, mediaConcurrencies, queues, manualAssignmentQueues, tags)',
    ],
  },
  {
    name: 'an overlay without a name, one that is not a mapping, and broken YAML',
    files: {
      'profiles/sales.yaml': SALES,
      'overlays/dev/a.yaml': 'description: x\n---\n- name: Sales\n',
      'overlays/dev/b.yaml': 'name: Sales\ndescription: [x\n',
    },
    problems: [
      'overlays/dev/a.yaml:1:1: missing required key "name"',
      'overlays/dev/a.yaml:3:1: each document must be a mapping describing changes to one routing profile, but this one is a list',
      'overlays/dev/b.yaml:3:1: YAML syntax error: deficient indentation',
    ],
  },
  {
    name: 'the merged profile breaking a rule: each problem at the file that wrote the value',
    files: {
      'profiles/sales.yaml': SALES,
      'overlays/dev/sales.yaml': [
        'name: Sales',
        'mediaConcurrencies:',
        '  - {channel: VOICE, concurrency: 2}',
        '  - {channel: TASK, concurrency: 1, workloadTypes: []}',
        'tags:',
        '  connect-gitops:managed-by: me',
        '',
      ].join('\n'),
    },
    problems: [
      'overlays/dev/sales.yaml:3:35: mediaConcurrencies[0].concurrency: VOICE concurrency must be exactly 1, not 2',
      'overlays/dev/sales.yaml:6:3: tag key "connect-gitops:managed-by" is reserved: connect-gitops sets it on the profiles it manages when prune is on (its value is the owner in connect-gitops.yaml); remove it',
    ],
  },
  {
    name: 'tags that are too many only once merged: at the overlay tags',
    files: {
      'profiles/sales.yaml': `${MINIMAL}tags:\n${Array.from({ length: 30 }, (_, i) => `  base${i}: x\n`).join('')}`,
      'overlays/prod/sales.yaml': `name: Tier1 Support\ntags:\n${Array.from({ length: 21 }, (_, i) => `  extra${i}: y\n`).join('')}`,
    },
    problems: ['overlays/prod/sales.yaml:3:3: tags has 51 entries; Connect allows at most 50'],
  },
  {
    name: 'problems in base files and overlays together; an overlay of an invalid profile is not reported as naming none',
    files: {
      'profiles/sales.yaml': SALES.replace('concurrency: 2', 'concurrency: 11'),
      'overlays/dev/sales.yaml': 'name: Sales\ndescription: ""\n',
      'overlays/prod/sales.yaml': 'name: Sales\n',
    },
    problems: [
      'profiles/sales.yaml:8:18: mediaConcurrencies[1].concurrency must be between 1 and 10, not 11',
      'overlays/dev/sales.yaml:2:14: description must not be empty',
    ],
  },
];

describe('problems of environments, overlays and the merged profiles', () => {
  it.each(errorCases)('$name', async ({ files, folders, environments, problems }) => {
    const root = await tree(files, folders);
    const printed = await problemsOf(() => load(root, environments?.(root)));
    // The working directory itself is shown as it is given: absolute, and different on every run.
    expect(printed.map((line) => line.replace(root, '<root>').split(path.sep).join('/'))).toEqual(problems);
  });

  it('reports a problem an overlay shared by two environments causes once', async () => {
    const root = await tree({ 'profiles/sales.yaml': SALES, 'overlays/nonprod/sales.yaml': 'name: Sales\nmediaConcurrencies: [{channel: VOICE, concurrency: 3}]\n' });
    const shared = path.join(root, 'overlays/nonprod');
    const printed = await problemsOf(() => load(root, [{ name: 'dev', overlayDir: shared }, { name: 'test', overlayDir: shared }]));
    expect(printed.map((line) => line.split(path.sep).join('/'))).toEqual([
      'overlays/nonprod/sales.yaml:2:52: mediaConcurrencies[0].concurrency: VOICE concurrency must be exactly 1, not 3',
    ]);
  });
});
