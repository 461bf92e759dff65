import { describe, expect, it } from 'vitest';
import type { LiveProfile, LiveQueue } from '../../src/live/types.js';
import { planExport, profilesToRead, type Declaration, type ExportInput, type ExportItem } from '../../src/export/plan-export.js';
import { documentFromLive } from '../../src/export/from-live.js';
import { queueNames } from '../../src/export/queue-names.js';
import { emitProfileYaml } from '../../src/export/emit.js';
import { formatFields } from '../../src/export/format-fields.js';
import { collisionKey } from '../../src/export/slug.js';
import { parseProfileText } from '../../src/desired/parse-text.js';
import { exportedTier1Support } from './exported-file.js';

const QUEUES: LiveQueue[] = [
  { queueId: 'q-basic', arn: 'arn:aws:connect:us-east-1:1:instance/i/queue/q-basic', name: 'BasicQueue' },
  { queueId: 'q-yes', arn: 'arn:q-yes', name: 'yes' },
  { queueId: 'q-jp', arn: 'arn:q-jp', name: 'サポート' },
  { queueId: 'q-dup-1', arn: 'arn:q-dup-1', name: 'Twin' },
  { queueId: 'q-dup-2', arn: 'arn:q-dup-2', name: 'Twin' },
  { queueId: 'q-liar', arn: 'arn:q-liar', name: 'q-basic' },
];

function live(overrides: Partial<LiveProfile> = {}): LiveProfile {
  return {
    routingProfileId: 'rp-1',
    arn: 'arn:rp-1',
    name: 'Tier1 Support',
    description: 'Frontline agents',
    defaultOutboundQueueId: 'q-basic',
    mediaConcurrencies: [
      { channel: 'CHAT', concurrency: 3 },
      { channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_ANY_CHANNEL' },
    ],
    associatedQueueIds: ['q-jp', 'q-yes'],
    tags: { team: 'support', 'aws:cloudformation:stack-name': 's', 'connect-gitops:managed-by': 'connect-gitops' },
    described: true,
    agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
    queueConfigs: [
      { queueId: 'q-yes', queueArn: '', queueName: 'yes', channel: 'CHAT', priority: 2, delay: 30 },
      { queueId: 'q-jp', queueArn: '', queueName: 'サポート', channel: 'VOICE', priority: 1, delay: 0 },
      { queueId: 'q-yes', queueArn: '', queueName: 'yes', channel: 'VOICE', priority: 1, delay: 5 },
    ],
    manualQueueCount: 0,
    isDefault: false,
    associatedUsers: 0,
    ...overrides,
  };
}

function input(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    dir: 'profiles',
    live: [live()],
    queues: QUEUES,
    declared: new Map(),
    folderProfiles: [],
    existing: new Map(),
    force: false,
    format: { manualAssignmentQueues: false, workloadTypes: false },
    schemaPathFrom: () => '../schema/routing-profile.schema.json',
    ...overrides,
  };
}

function only(items: ExportItem[]): ExportItem {
  expect(items).toHaveLength(1);
  return items[0] as ExportItem;
}

describe('planExport', () => {
  it('writes every field, sorted, by queue name, without aws: or ownership tags', () => {
    const item = only(planExport(input()));
    expect(item).toMatchObject({ kind: 'write', name: 'Tier1 Support', file: 'profiles/tier1-support.yaml', replaces: false });
    // `yes` quoted, or YAML would read it back as true.
    expect(item.kind === 'write' && item.text).toBe(
      exportedTier1Support({
        agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
        queues: [
          ['"yes"', 'VOICE', 1, 5],
          ['"yes"', 'CHAT', 2, 30],
          ['サポート', 'VOICE', 1, 0],
        ],
      }),
    );
  });

  it('skips, rather than drops, a tag whose key the files refuse: a file without it would have plan remove it', () => {
    // An own "__proto__" key, as live data may hold one; an object literal would set the prototype instead.
    const item = only(planExport(input({ live: [live({ tags: Object.fromEntries([['__proto__', 'x'], ['team', 'support']]) as Record<string, string> })] })));
    expect(item).toEqual({ kind: 'skipped', name: 'Tier1 Support', reasons: [expect.stringMatching(/^line \d+: tag key "__proto__" is reserved/) as string] });
  });

  it('writes none as [] and {}, and leaves out a timer live does not have', () => {
    const item = only(planExport(input({ live: [live({ queueConfigs: [], tags: {}, agentAvailabilityTimer: undefined })] })));
    expect(item.kind === 'write' && item.text).toContain('queues: []\ntags: {}\n');
    expect(item.kind === 'write' && item.text).not.toContain('agentAvailabilityTimer');
  });

  it.each<[string, Partial<LiveProfile>, RegExp]>([
    ['a name with spaces at either end', { name: 'Tier1 ' }, /spaces at either end/],
    ['an ambiguous queue name', { defaultOutboundQueueId: 'q-dup-2' }, /queue name "Twin" is ambiguous: 2 queues have it \(IDs q-dup-1, q-dup-2\)/],
    ['a queue known only by its ID', { queueConfigs: [{ queueId: 'q-gone', queueArn: '', queueName: '', channel: 'VOICE', priority: 1, delay: 0 }] }, /"q-gone" is known only by its ID/],
    ['a queue named like another queue\'s ID', { defaultOutboundQueueId: 'q-liar' }, /"q-basic" is also the ID or ARN of queue "BasicQueue"/],
    ['a control character', { description: 'bell\u0007' }, /description contains U\+0007/],
    ['an escape sequence in a tag', { tags: { team: '\u001b[31mred' } }, /U\+001B/],
    ['a value the schema rejects', { tags: { team: 'x'.repeat(257) } }, /line \d+: .*256/],
    ['an empty description', { description: '' }, /line \d+: .*description/],
    ['a channel concurrency out of range', { mediaConcurrencies: [{ channel: 'VOICE', concurrency: 2 }] }, /VOICE concurrency must be exactly 1/],
  ])('skips a profile with %s, naming why', (_what, overrides, reason) => {
    const item = only(planExport(input({ live: [live(overrides)] })));
    expect(item.kind).toBe('skipped');
    expect(item.kind === 'skipped' && item.reasons.join('; ')).toMatch(reason);
  });

  it('leaves declared profiles alone, and with --force replaces only a file holding that one profile', () => {
    const declared = (d: Partial<Declaration>) => new Map([['Tier1 Support', [{ file: 'profiles/team/t1.yaml', name: 'Tier1 Support', byRenamedFrom: false, soleDocument: true, ...d }]]]);
    expect(only(planExport(input({ declared: declared({}) })))).toEqual({ kind: 'declared', name: 'Tier1 Support', file: 'profiles/team/t1.yaml', replaceable: true });
    expect(only(planExport(input({ declared: declared({ soleDocument: false }) })))).toMatchObject({ kind: 'declared', replaceable: false });
    expect(only(planExport(input({ declared: declared({}), force: true })))).toMatchObject({ kind: 'write', file: 'profiles/team/t1.yaml', replaces: true });
    const shared = only(planExport(input({ declared: declared({ soleDocument: false }), force: true })));
    expect(shared.kind === 'skipped' && shared.reasons[0]).toMatch(/together with other documents; --force replaces only a file that holds that one profile/);
    const renamed = only(planExport(input({ declared: declared({ byRenamedFrom: true, name: 'Tier 1' }), force: true })));
    expect(renamed.kind === 'skipped' && renamed.reasons[0]).toMatch(/former name of "Tier 1"/);
  });

  describe('with environments (export --env prod of dev and prod)', () => {
    const doc = (d: Partial<Declaration> = {}): Declaration => ({ file: 'profiles/t1.yaml', name: 'Tier1 Support', byRenamedFrom: false, soleDocument: true, ...d });
    const prod = (overrides: Partial<ExportInput>) => input({ environment: 'prod', environments: ['dev', 'prod'], ...overrides });
    const devOnly = doc({ environments: ['dev'] });
    const overlay = new Map([['Tier1 Support', [{ file: 'overlays/prod/t1.yaml', environments: ['prod'] }]]]);

    it.each<[string, Partial<ExportInput>, ExportItem]>([
      [
        'declared only for another environment: skipped, naming the file and what to do',
        { declared: new Map([['Tier1 Support', [devOnly]]]) },
        {
          kind: 'skipped',
          name: 'Tier1 Support',
          reasons: ['profiles/t1.yaml declares it only for environment "dev", not "prod", and export leaves that file alone: to manage it in "prod" too, add "prod" to that document\'s environments; then plan --env prod shows what differs'],
        },
      ],
      [
        'renamed from, only in other environments: skipped the same way',
        { declared: new Map([['Tier1 Support', [doc({ name: 'Tier 1', byRenamedFrom: true, soleDocument: false, environments: ['dev', 'test'] })]]]) },
        {
          kind: 'skipped',
          name: 'Tier1 Support',
          reasons: ['profiles/t1.yaml declares it as the former name of "Tier 1" only for environments "dev", "test", not "prod", and export leaves that file alone: to manage it in "prod" too, add "prod" to that document\'s environments; then plan --env prod shows what differs'],
        },
      ],
      ['declared for dev and, in another file, for prod: left alone', { declared: new Map([['Tier1 Support', [devOnly, doc({ file: 'profiles/t1-prod.yaml', environments: ['prod'] })]]]) }, { kind: 'declared', name: 'Tier1 Support', file: 'profiles/t1-prod.yaml', replaceable: false }],
      ['declared for every environment: left alone', { declared: new Map([['Tier1 Support', [doc()]]]) }, { kind: 'declared', name: 'Tier1 Support', file: 'profiles/t1.yaml', replaceable: true }],
      ['declared for every environment, changed by an overlay: left alone, --force would not replace it', { declared: new Map([['Tier1 Support', [doc()]]]), overlaid: overlay }, { kind: 'declared', name: 'Tier1 Support', file: 'profiles/t1.yaml', replaceable: false }],
      [
        '--force on a file limited to environments, this one among them',
        { declared: new Map([['Tier1 Support', [doc({ environments: ['prod'] })]]]), force: true },
        { kind: 'skipped', name: 'Tier1 Support', reasons: ['profiles/t1.yaml limits it to environment "prod"; --force does not replace such a file (the new one would drop that limit): edit it by hand, plan --env prod shows what differs'] },
      ],
      [
        '--force on a shared file an overlay changes',
        { declared: new Map([['Tier1 Support', [doc()]]]), overlaid: overlay, force: true },
        {
          kind: 'skipped',
          name: 'Tier1 Support',
          reasons: ['profiles/t1.yaml serves every environment and the overlay overlays/prod/t1.yaml (environment "prod") changes it; --force does not replace it with the live values of "prod", which would become every environment\'s: edit the file or the overlay by hand, plan --env prod shows what differs'],
        },
      ],
      [
        '--force on a profile declared only for another environment',
        { declared: new Map([['Tier1 Support', [devOnly]]]), force: true },
        { kind: 'skipped', name: 'Tier1 Support', reasons: [expect.stringMatching(/^profiles\/t1\.yaml declares it only for environment "dev", not "prod"/) as string] },
      ],
    ])('%s', (_what, overrides, expected) => {
      expect(only(planExport(prod(overrides)))).toEqual(expected);
    });

    it('--force replaces a shared file no overlay changes (an overlay of another profile does not count)', () => {
      const other = new Map([['Sales', [{ file: 'overlays/prod/sales.yaml', environments: ['prod'] }]]]);
      const item = only(planExport(prod({ declared: new Map([['Tier1 Support', [doc()]]]), overlaid: other, force: true })));
      expect(item).toMatchObject({ kind: 'write', file: 'profiles/t1.yaml', replaces: true });
      expect(item.kind === 'write' && item.text).not.toContain('environments');
    });

    it('limits a new file to the environment it was read from when the config defines others', () => {
      const item = only(planExport(prod({})));
      expect(item).toMatchObject({ kind: 'write', file: 'profiles/tier1-support.yaml', replaces: false });
      expect(item.kind === 'write' && item.text.split('\n').slice(1, 3)).toEqual(['name: Tier1 Support', 'environments: [prod]']);
      // The only environment: nothing else's state to keep apart, so the file is as without environments.
      expect(planExport(input({ environment: 'prod', environments: ['prod'] }))).toEqual(planExport(input()));
    });

    it('without environments, a document limited to some is a declaration as before, and --force ignores overlays', () => {
      expect(only(planExport(input({ declared: new Map([['Tier1 Support', [devOnly]]]) })))).toEqual({ kind: 'declared', name: 'Tier1 Support', file: 'profiles/t1.yaml', replaceable: true });
      expect(only(planExport(input({ declared: new Map([['Tier1 Support', [doc()]]]), overlaid: overlay, force: true })))).toMatchObject({ kind: 'write', replaces: true });
    });
  });

  it('checks the new files beside the folder\'s own with the loader\'s rules between documents', () => {
    const elsewhere = planExport(input({ live: [live({ name: 'Elsewhere' })] }));
    const loaded = parseProfileText('profiles/team/other.yaml', elsewhere[0]?.kind === 'write' ? elsewhere[0].text.replace('Elsewhere', 'Tier1 Support') : '');
    const item = only(planExport(input({ folderProfiles: loaded.profiles })));
    expect(item.kind === 'skipped' && item.reasons[0]).toMatch(/^duplicate routing profile name "Tier1 Support": also declared at profiles\/team\/other\.yaml:2:7/);
  });

  it('never writes over a file it did not write for that profile, even one differing only in case', () => {
    for (const force of [false, true]) {
      const item = only(planExport(input({ existing: new Map([[collisionKey('Tier1-Support.YAML'), 'Tier1-Support.YAML']]), force })));
      expect(item.kind === 'skipped' && item.reasons[0]).toMatch(/Tier1-Support\.YAML already exists/);
    }
  });

  it('names files from every live profile, so --name gives the same file names', () => {
    const profiles = [live({ name: 'Sales' }), live({ name: 'SALES!', routingProfileId: 'rp-2' })];
    const all = planExport(input({ live: profiles }));
    const one = planExport(input({ live: profiles, names: ['SALES!'] }));
    expect(one).toEqual(all.filter((i) => i.name === 'SALES!'));
    expect(all.map((i) => i.kind === 'write' && i.file)).toEqual([expect.stringMatching(/^profiles\/sales-[0-9a-f]{8}\.yaml$/), expect.stringMatching(/^profiles\/sales-[0-9a-f]{8}\.yaml$/)]);
  });
});

describe('profilesToRead', () => {
  const declaredAs = (name: string, d: Partial<Declaration> = {}) => new Map([[name, [{ file: 'profiles/t.yaml', name, byRenamedFrom: false, soleDocument: true, ...d }]]]);
  const names = ['Declared', 'Fresh', 'Shared', 'Taken'];
  const occupied = new Map([[collisionKey('taken.yaml'), 'taken.yaml']]);

  it('reads in full exactly the profiles planExport writes, whatever it leaves alone or skips for where they stand', () => {
    for (const force of [false, true]) {
      const declared = new Map([...declaredAs('Declared'), ...declaredAs('Shared', { soleDocument: false })]);
      const placement = input({ declared, existing: occupied, force, live: names.map((name, i) => live({ name, routingProfileId: `rp-${i}` })) });
      const written = planExport(placement).flatMap((item) => (item.kind === 'write' ? [item.name] : []));
      expect(profilesToRead(placement, names)).toEqual(written);
      expect(written).toEqual(force ? ['Declared', 'Fresh'] : ['Fresh']);
    }
  });

  it('reads only the --name profiles, and none declared for another environment', () => {
    const placement = input({ declared: declaredAs('Declared', { environments: ['dev'] }), environment: 'prod', environments: ['dev', 'prod'], force: true });
    expect(profilesToRead(placement, names, ['Fresh', 'Declared'])).toEqual(['Fresh']);
    expect(profilesToRead(placement, names, ['Declared'])).toEqual([]);
  });
});

describe('documentFromLive with the newer fields', () => {
  const names = queueNames(QUEUES);
  const both = { manualAssignmentQueues: true, workloadTypes: true };

  it('always states manual-assignment queues: [] when Search counts none, the list when read', () => {
    const none = documentFromLive(live(), names, both);
    expect(none.ok && none.document.manualAssignmentQueues).toEqual([]);
    const read = documentFromLive(
      live({ manualQueueCount: 2, manualQueues: [{ queueId: 'q-yes', queueArn: '', queueName: 'yes', channel: 'TASK' }, { queueId: 'q-basic', queueArn: '', queueName: 'BasicQueue', channel: 'CHAT' }] }),
      names,
      both,
    );
    expect(read.ok && read.document.manualAssignmentQueues).toEqual([{ queue: 'BasicQueue', channel: 'CHAT' }, { queue: 'yes', channel: 'TASK' }]);
    expect(read.ok && emitProfileYaml(read.document, 's')).toContain('manualAssignmentQueues:\n  - queue: BasicQueue\n    channel: CHAT\n  - queue: "yes"\n    channel: TASK\ntags:');
    const unread = documentFromLive(live({ manualQueueCount: 3 }), names, both);
    expect(!unread.ok && unread.reasons).toEqual(['its 3 manual-assignment queue(s) were not read (ListRoutingProfileManualAssignmentQueues)']);
  });

  it('states workload types where live has them, each with its behaviour', () => {
    const withTypes = live({
      mediaConcurrencies: [
        { channel: 'VOICE', concurrency: 1 },
        {
          channel: 'TASK',
          concurrency: 5,
          crossChannelBehavior: 'ROUTE_ANY_CHANNEL',
          workloadTypeConcurrencies: [
            { workloadType: 'returns', concurrency: 2, crossChannelWorkloadBehavior: 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY' },
            { workloadType: 'claims', concurrency: 1, crossChannelWorkloadBehavior: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' },
          ],
        },
        { channel: 'EMAIL', concurrency: 2, workloadTypeConcurrencies: [{ workloadType: 'x', concurrency: 1 }] },
      ],
    });
    const built = documentFromLive(withTypes, names, both);
    expect(built.ok && built.document.mediaConcurrencies).toEqual([
      { channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' },
      {
        channel: 'TASK',
        concurrency: 5,
        crossChannelBehavior: 'ROUTE_ANY_CHANNEL',
        workloadTypes: [
          { workloadType: 'claims', concurrency: 1, crossChannelWorkloadBehavior: 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE' },
          { workloadType: 'returns', concurrency: 2, crossChannelWorkloadBehavior: 'ROUTE_CURRENT_CHANNEL_ANY_WORKLOADTYPE_ONLY' },
        ],
      },
      // An entry without its behaviour cannot be stated: the channel's workload types stay unmanaged (kept live).
      { channel: 'EMAIL', concurrency: 2, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' },
    ]);
    expect(built.ok && emitProfileYaml(built.document, 's')).toContain(
      '    workloadTypes:\n      - workloadType: claims\n        concurrency: 1\n        crossChannelWorkloadBehavior: ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE\n      - workloadType: returns\n',
    );
  });

  it('writes only the fields the file format of this build holds', () => {
    const format = formatFields();
    const built = documentFromLive(live(), names, format);
    expect(built.ok && 'manualAssignmentQueues' in built.document).toBe(format.manualAssignmentQueues);
    expect(formatFields({ properties: { manualAssignmentQueues: {}, mediaConcurrencies: { items: { properties: { workloadTypes: {} } } } } })).toEqual(both);
    expect(formatFields({ properties: {} })).toEqual({ manualAssignmentQueues: false, workloadTypes: false });
  });
});
