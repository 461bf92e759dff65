// A profile's life: renamed (renamedFrom), stamped and retired (prune with the ownership tag), what the plan
// leaves alone (unmanaged), and the checks around them (quota peak, look-alike names, scope, agents).
import { describe, expect, it } from 'vitest';
import type { ResolvedProfile } from '../../src/desired/types.js';
import { UserInputError } from '../../src/errors.js';
import type { LiveProfile } from '../../src/live/types.js';
import { computePlan, type PlanOptions } from '../../src/plan/index.js';
import type { Call, Change, Plan } from '../../src/plan/types.js';
import { DEFAULT_OWNER, OWNERSHIP_TAG_KEY } from '../../src/vocabulary.js';
import { desired, INSTANCE_ID, live, liveQueue, profileArn, queueId, state } from './fixtures.js';
import { problemsOf } from '../desired/helpers.js';

const OURS = { [OWNERSHIP_TAG_KEY]: DEFAULT_OWNER };

function plan(d: ResolvedProfile[], l: LiveProfile[], options?: PlanOptions): Plan {
  return computePlan(d, state(l), options);
}

function only(p: Plan): Change {
  expect(p.changes).toHaveLength(1);
  return p.changes[0] as Change;
}

/** A live profile no file declares: read by Search only (not described, queues not listed). */
function undeclared(name: string, id: string, overrides: Partial<LiveProfile> = {}): LiveProfile {
  return live({ name, routingProfileId: id, arn: profileArn(id), described: false, agentAvailabilityTimer: undefined, ...overrides });
}

const renamed = (overrides: Partial<ResolvedProfile> = {}): ResolvedProfile =>
  desired({
    name: 'Frontline Support',
    renamedFrom: ['Tier1 Support'],
    locations: { '/renamedFrom/0': { file: 'profiles/tier1.yaml', line: 4, column: 3 } },
    ...overrides,
  });

describe('rename (renamedFrom)', () => {
  it('renames the live profile of an old name: one UpdateRoutingProfileName on the same ID, name diff first', () => {
    const change = only(plan([renamed()], [live({ name: 'Tier1 Support' })]));
    expect(change).toMatchObject({ action: 'update', name: 'Frontline Support', routingProfileId: 'rp-1', renamedFrom: 'Tier1 Support' });
    expect(change.calls).toEqual<Call[]>([
      { operation: 'UpdateRoutingProfileName', input: { InstanceId: INSTANCE_ID, RoutingProfileId: 'rp-1', Name: 'Frontline Support', Description: 'Frontline agents' } },
    ]);
    expect(change.diffs).toEqual([{ field: 'name', path: ['name'], before: 'Tier1 Support', after: 'Frontline Support' }]);
  });

  it('diffs every other field against the renamed profile', () => {
    const change = only(plan([renamed({ description: 'New words', queues: [] })], [live({ name: 'Tier1 Support', queueConfigs: [liveQueue(3)] })]));
    expect(change.calls.map((c) => c.operation)).toEqual(['UpdateRoutingProfileName', 'DisassociateRoutingProfileQueues']);
    expect(change.diffs.map((d) => d.field)).toEqual(['name', 'description', 'queues.Queue03/VOICE.priority', 'queues.Queue03/VOICE.delay']);
  });

  it('is simply in sync when only the new name is live, and the old name is not listed as unmanaged', () => {
    const p = plan([renamed()], [live({ name: 'Frontline Support' })]);
    expect(only(p)).toMatchObject({ action: 'no-op', calls: [] });
    expect(only(p).renamedFrom).toBeUndefined();
    expect(p.unmanaged).toEqual([]);
  });

  it('creates the profile when neither name is live', () => {
    expect(only(plan([renamed()], [])).action).toBe('create');
  });

  it('refuses both the new and the old name live, naming both and the file and line', async () => {
    const l = [live({ name: 'Frontline Support' }), live({ name: 'Tier1 Support', routingProfileId: 'rp-2' })];
    expect(() => plan([renamed()], l)).toThrow(UserInputError);
    expect(await problemsOf(() => plan([renamed()], l))).toEqual([
      'profiles/tier1.yaml:4:3: renamedFrom: both "Frontline Support" (rp-1) and its old name "Tier1 Support" (rp-2) are live; rename cannot merge them: delete one of them, or drop "Tier1 Support" from renamedFrom',
    ]);
  });

  it('refuses one old name claimed by two files, and two old names both live', async () => {
    const a = renamed({ name: 'A', source: { file: 'profiles/a.yaml', line: 1, column: 1 }, locations: { '/renamedFrom/0': { file: 'profiles/a.yaml', line: 3, column: 3 } } });
    const b = renamed({ name: 'B', source: { file: 'profiles/b.yaml', line: 1, column: 1 }, locations: { '/renamedFrom/0': { file: 'profiles/b.yaml', line: 5, column: 3 } } });
    expect(await problemsOf(() => plan([b, a], []))).toEqual([
      'profiles/b.yaml:5:3: renamedFrom: "Tier1 Support" is also claimed by "A" at profiles/a.yaml:3; one live profile can become only one',
    ]);
    const two = renamed({ renamedFrom: ['Old A', 'Old B'], locations: {} });
    expect(await problemsOf(() => plan([two], [live({ name: 'Old A' }), live({ name: 'Old B', routingProfileId: 'rp-2' })]))).toEqual([
      'profiles/tier1.yaml:1:1: renamedFrom: 2 old names of "Frontline Support" are live ("Old A", "Old B"); only one of them can be renamed to it',
    ]);
  });

  it('refuses an old name that another document declares', async () => {
    expect(await problemsOf(() => plan([renamed(), desired({ name: 'Tier1 Support', source: { file: 'profiles/old.yaml', line: 1, column: 1 } })], []))).toEqual([
      'profiles/tier1.yaml:4:3: renamedFrom: "Tier1 Support" is the name of the profile declared at profiles/old.yaml:1; an old name cannot also be declared',
    ]);
  });
});

describe('prune: the ownership tag', () => {
  it('stamps a create with the tag, visibly', () => {
    const change = only(plan([desired({ tags: { team: 'a' } })], [], { prune: true }));
    expect(change.calls[0]?.input).toMatchObject({ Tags: { [OWNERSHIP_TAG_KEY]: DEFAULT_OWNER, team: 'a' } });
    expect(change.diffs.filter((d) => d.path[0] === 'tags')).toEqual([
      { field: 'tags.team', path: ['tags', 'team'], before: undefined, after: 'a' },
      { field: `tags.${OWNERSHIP_TAG_KEY}`, path: ['tags', OWNERSHIP_TAG_KEY], before: undefined, after: DEFAULT_OWNER },
    ]);
  });

  it('stamps an existing profile lacking it with one TagResource, shared with its own tag changes', () => {
    expect(only(plan([desired()], [live()], { prune: true })).calls).toEqual<Call[]>([
      { operation: 'TagResource', input: { resourceArn: profileArn('rp-1'), tags: { [OWNERSHIP_TAG_KEY]: DEFAULT_OWNER } } },
    ]);
    expect(only(plan([desired({ tags: { team: 'b' } })], [live({ tags: { team: 'a' } })], { prune: true, owner: 'team-x' })).calls).toEqual<Call[]>([
      { operation: 'TagResource', input: { resourceArn: profileArn('rp-1'), tags: { [OWNERSHIP_TAG_KEY]: 'team-x', team: 'b' } } },
    ]);
  });

  it('is never drift and never removed by tags:', () => {
    expect(only(plan([desired({ tags: {} })], [live({ tags: { ...OURS, old: '1' } })], { prune: true })).calls).toEqual<Call[]>([
      { operation: 'UntagResource', input: { resourceArn: profileArn('rp-1'), tagKeys: ['old'] } },
    ]);
    expect(only(plan([desired({ tags: {} })], [live({ tags: OURS })])).action).toBe('no-op');
    expect(only(plan([desired({ tags: {} })], [live({ tags: OURS })], { prune: true })).action).toBe('no-op');
  });

  it('without prune, nothing is stamped', () => {
    const p = plan([desired()], [live()]);
    expect(only(p).action).toBe('no-op');
    expect(p.prune).toBe(false);
  });

  it('blocks a declared profile tagged by another owner, with or without prune', () => {
    for (const prune of [true, false]) {
      const p = plan([desired({ description: 'changed' })], [live({ tags: { [OWNERSHIP_TAG_KEY]: 'billing-team' } })], { prune });
      expect(only(p)).toMatchObject({ action: 'update', calls: [], blocked: { otherOwner: 'billing-team' } });
      expect(only(p).diffs.map((d) => d.field)).toEqual(['description']);
      expect(p.problems).toEqual([
        {
          kind: 'other-owner',
          name: 'Tier1',
          message: `routing profile "Tier1" carries ${OWNERSHIP_TAG_KEY}="billing-team", not "connect-gitops": another owner manages it, so it is left unchanged`,
        },
      ]);
      expect(p.summary.calls).toBe(0);
    }
  });
});

describe('prune: deletes and what is left alone', () => {
  const declared = [desired({ name: 'Kept', description: 'new' }), desired({ name: 'New' })];
  const liveProfiles = [
    live({ name: 'Kept', tags: OURS }),
    undeclared('Owned Old', 'rp-2', { tags: { ...OURS, team: 'x' }, associatedQueueIds: [queueId(2)] }),
    undeclared('Not Ours', 'rp-3'),
    undeclared('Other Owner', 'rp-4', { tags: { [OWNERSHIP_TAG_KEY]: 'someone-else' } }),
    undeclared('Basic Routing Profile', 'rp-5', { tags: OURS, isDefault: true }),
    undeclared('Busy', 'rp-6', { tags: OURS, associatedUsers: 12 }),
  ];

  it('deletes owned undeclared profiles after every create and update, never unowned, default or used ones', () => {
    const p = plan(declared, liveProfiles, { prune: true });
    expect(p.prune).toBe(true);
    expect(p.changes.map((c) => [c.action, c.name])).toEqual([
      ['update', 'Kept'],
      ['create', 'New'],
      ['delete', 'Busy'],
      ['delete', 'Owned Old'],
    ]);
    const owned = p.changes[3] as Change;
    expect(owned).toMatchObject({ routingProfileId: 'rp-2', agents: 0 });
    expect(owned.calls).toEqual<Call[]>([{ operation: 'DeleteRoutingProfile', input: { InstanceId: INSTANCE_ID, RoutingProfileId: 'rp-2' } }]);
    // Every value it has, going away; behaviours are left out, since an undeclared profile is not described.
    expect(owned.diffs.map((d) => [d.field, d.before, d.after])).toEqual([
      ['name', 'Owned Old', undefined],
      ['description', 'Frontline agents', undefined],
      ['defaultOutboundQueue', 'Queue01', undefined],
      ['mediaConcurrencies.VOICE.concurrency', 1, undefined],
      ['mediaConcurrencies.CHAT.concurrency', 2, undefined],
      ['tags.team', 'x', undefined],
    ]);
    expect(p.changes[2]).toMatchObject({ action: 'delete', name: 'Busy', calls: [], blocked: { associatedUsers: 12 }, agents: 12 });
    expect(p.unmanaged).toEqual([
      { name: 'Basic Routing Profile', routingProfileId: 'rp-5', owned: true },
      { name: 'Not Ours', routingProfileId: 'rp-3', owned: false },
      { name: 'Other Owner', routingProfileId: 'rp-4', owned: false },
    ]);
    expect(p.problems).toEqual([
      {
        kind: 'profile-in-use',
        name: 'Busy',
        message: 'routing profile "Busy" is no longer declared and would be deleted, but 12 agents still use it; move them to another routing profile, then run again',
      },
    ]);
    expect(p.warnings).toEqual([
      `routing profile "Basic Routing Profile" carries our ownership tag but is the instance's default routing profile: it is never deleted`,
    ]);
    expect(p.summary).toEqual({ create: 1, update: 1, delete: 2, noOp: 0, calls: 3, agents: 12 });
  });

  it('without prune deletes nothing but still lists every undeclared profile, the owned ones marked', () => {
    const p = plan(declared, liveProfiles);
    expect(p.changes.map((c) => c.action)).toEqual(['update', 'create']);
    expect(p.unmanaged.map((u) => [u.name, u.owned])).toEqual([
      ['Basic Routing Profile', true],
      ['Busy', true],
      ['Not Ours', false],
      ['Other Owner', false],
      ['Owned Old', true],
    ]);
    expect(p.problems).toEqual([]);
    expect(p.summary.delete).toBe(0);
  });

  it('deletes for its own owner only', () => {
    const p = plan(declared, liveProfiles, { prune: true, owner: 'someone-else' });
    expect(p.changes.filter((c) => c.action === 'delete').map((c) => c.name)).toEqual(['Other Owner']);
    // Our former stamp now names another owner: "Kept" is blocked rather than re-stamped.
    expect(p.changes[0]).toMatchObject({ name: 'Kept', blocked: { otherOwner: DEFAULT_OWNER } });
  });

  it('refuses prune with zero declared profiles (a wrong --dir must not delete everything)', () => {
    expect(() => plan([], liveProfiles, { prune: true })).toThrow(UserInputError);
    expect(() => plan([], liveProfiles, { prune: true, scope: { changedSince: 'main', names: ['Owned Old'], declared: 0 } })).toThrow(UserInputError);
    expect(() => plan([], liveProfiles)).not.toThrow();
  });
});

describe('quota, agents, look-alike names, scope, environment', () => {
  it('reports a peak of live + creates above the quota, naming the numbers', () => {
    const l = [live({ name: 'A' }), live({ name: 'B', routingProfileId: 'rp-2' }), live({ name: 'C', routingProfileId: 'rp-3', tags: OURS })];
    const d = [desired({ name: 'A' }), desired({ name: 'B' }), desired({ name: 'D' }), desired({ name: 'E' })];
    expect(plan(d, l, { profileQuota: 5 }).problems).toEqual([]);
    // Deleting C does not help: deletes run last.
    expect(plan(d, l, { profileQuota: 4, prune: true }).problems).toContainEqual({
      kind: 'profile-quota',
      message: "the plan creates 2 routing profiles beside 3 live: 5 at the peak (deletes run last), above the instance's quota of 4; raise the quota or create fewer",
    });
  });

  it('says how many agents each change reaches and totals them, leaving no-ops out', () => {
    const p = plan(
      [desired({ name: 'A', description: 'new' }), desired({ name: 'B' }), desired({ name: 'C' })],
      [live({ name: 'A', associatedUsers: 230 }), live({ name: 'B', routingProfileId: 'rp-2', associatedUsers: 7 })],
    );
    expect(p.changes.map((c) => [c.name, c.action, c.agents])).toEqual([
      ['A', 'update', 230],
      ['B', 'no-op', 7],
      ['C', 'create', 0],
    ]);
    expect(p.summary.agents).toBe(230);
  });

  it('warns when a create or a rename looks like a live name (NFC, trimming, case folding)', () => {
    const l = [live({ name: 'Team 05' }), live({ name: 'Cafe\u0301', routingProfileId: 'rp-2' }), live({ name: 'STRASSE', routingProfileId: 'rp-3' }), live({ name: 'Old', routingProfileId: 'rp-4' })];
    const p = plan([desired({ name: 'team 05' }), desired({ name: ' Café ' }), desired({ name: 'straße', renamedFrom: ['Old'] }), desired({ name: 'Other' })], l);
    expect(p.warnings).toEqual([
      'would create " Café " beside live "Cafe\u0301"',
      'would create "team 05" beside live "Team 05"',
      'would rename "Old" to "straße" beside live "STRASSE"',
    ]);
  });

  it('does not warn about a case-only rename of the profile itself', () => {
    expect(plan([desired({ name: 'Team 05', renamedFrom: ['team 05'] })], [live({ name: 'team 05' })]).warnings).toEqual([]);
  });

  it('scoped: records the scope and looks for unmanaged profiles and deletes only among its names', () => {
    const l = [undeclared('Removed In PR', 'rp-2', { tags: OURS }), undeclared('Elsewhere', 'rp-3', { tags: OURS }), live({ name: 'Tier1' })];
    const p = plan([desired()], l, { prune: true, scope: { changedSince: 'origin/main', names: ['Tier1', 'Removed In PR'], declared: 500 } });
    expect(p.scope).toEqual({ changedSince: 'origin/main', profiles: 2, declared: 500 });
    expect(p.changes.map((c) => [c.action, c.name])).toEqual([
      ['update', 'Tier1'],
      ['delete', 'Removed In PR'],
    ]);
    expect(p.unmanaged).toEqual([]);
    expect(plan([desired()], l).scope).toBeUndefined();
  });

  it('records the environment', () => {
    expect(plan([desired()], [], { environment: 'prod' }).environment).toBe('prod');
    expect('environment' in plan([desired()], [])).toBe(false);
  });
});
