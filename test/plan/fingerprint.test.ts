import { describe, expect, it } from 'vitest';
import { changedProfiles, fingerprintOf, liveFingerprint, managedScope, queueInventoryChanged, summariseLiveForPlan, type ManagedScope } from '../../src/plan/fingerprint.js';
import { describeLiveChanges } from '../../src/plan/live-changes.js';
import { computePlan, liveSnapshotForPlan } from '../../src/plan/planner.js';
import { DEFAULT_OWNER, OWNERSHIP_TAG_KEY } from '../../src/vocabulary.js';
import { desired, live, liveManual, liveQueue, QUEUES, resolvedManual, state } from './fixtures.js';

const base = state([live({ queueConfigs: [liveQueue(2), liveQueue(3, 'CHAT')], tags: { a: '1' } }), live({ name: 'Other', routingProfileId: 'rp-2', described: false })]);

/** Profiles whose files manage every optional field. */
const all = (...names: string[]): ManagedScope[] => names.map((name) => ({ name, agentAvailabilityTimer: true, queues: true, tags: true }));

describe('liveFingerprint', () => {
  it('is the fingerprint computePlan records', () => {
    const files = [desired(), desired({ name: 'New' })];
    expect(computePlan(files, base).liveFingerprint).toBe(liveFingerprint(base, files.map(managedScope)));
  });

  it('does not depend on the order Connect returned things in, nor on the order of names', () => {
    const reordered = state([
      live({ name: 'Other', routingProfileId: 'rp-2', described: false }),
      live({
        queueConfigs: [liveQueue(3, 'CHAT'), liveQueue(2)],
        tags: { a: '1' },
        mediaConcurrencies: [...live().mediaConcurrencies].reverse(),
      }),
    ]);
    reordered.queues = [...QUEUES].reverse();
    expect(liveFingerprint(reordered, all('New', 'Tier1'))).toBe(liveFingerprint(base, all('Tier1', 'New')));
  });

  it('changes when a managed profile changes or appears, not when an undeclared one does', () => {
    const fp = liveFingerprint(base, all('Tier1', 'New'));
    const undeclaredChanged = state([base.profiles[0]!, { ...base.profiles[1]!, description: 'changed' }]);
    expect(liveFingerprint(undeclaredChanged, all('Tier1', 'New'))).toBe(fp);
    const managedChanged = state([{ ...base.profiles[0]!, description: 'changed' }, base.profiles[1]!]);
    expect(liveFingerprint(managedChanged, all('Tier1', 'New'))).not.toBe(fp);
    const appeared = state([...base.profiles, live({ name: 'New', routingProfileId: 'rp-3' })]);
    expect(liveFingerprint(appeared, all('Tier1', 'New'))).not.toBe(fp);
  });

  it('ignores fields the files leave unmanaged: a console edit there changes nothing apply would send', () => {
    const unmanaged: ManagedScope[] = [{ name: 'Tier1', agentAvailabilityTimer: false, queues: false, tags: false }];
    const fp = liveFingerprint(base, unmanaged);
    const edited = state([{ ...base.profiles[0]!, tags: { a: '2' }, agentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND', associatedQueueIds: ['q-9'], queueConfigs: [] }, base.profiles[1]!]);
    expect(liveFingerprint(edited, unmanaged)).toBe(fp);
    // The same edits do move the fingerprint of a plan that manages those fields.
    expect(liveFingerprint(edited, all('Tier1'))).not.toBe(liveFingerprint(base, all('Tier1')));
  });

  it('ignores aws: tags, which are never managed', () => {
    const withAws = state([{ ...base.profiles[0]!, tags: { a: '1', 'aws:x': 'y' } }, base.profiles[1]!]);
    expect(liveFingerprint(withAws, all('Tier1'))).toBe(liveFingerprint(base, all('Tier1')));
  });
});

describe('changedProfiles / queueInventoryChanged', () => {
  it('names the profiles whose snapshot differs, and reports queue inventory changes separately', () => {
    const before = summariseLiveForPlan(base, all('Tier1', 'New'));
    const afterState = state([
      { ...base.profiles[0]!, queueConfigs: [liveQueue(2, 'VOICE', 7), liveQueue(3, 'CHAT')] },
      base.profiles[1]!,
      live({ name: 'New', routingProfileId: 'rp-3' }),
    ]);
    const after = summariseLiveForPlan(afterState, all('Tier1', 'New'));
    expect(before.profiles.New).toBeNull();
    expect(changedProfiles(before, after)).toEqual(['New', 'Tier1']);
    expect(changedProfiles(before, before)).toEqual([]);
    expect(queueInventoryChanged(before, after)).toBe(false);
    const renamedQueue = summariseLiveForPlan({ ...base, queues: QUEUES.map((q, i) => (i === 0 ? { ...q, name: 'Renamed' } : q)) }, all('Tier1', 'New'));
    expect(queueInventoryChanged(before, renamedQueue)).toBe(true);
  });

  it('survives a JSON round trip (a snapshot may be stored)', () => {
    const snapshot = summariseLiveForPlan(base, all('Tier1', 'New'));
    expect(changedProfiles(JSON.parse(JSON.stringify(snapshot)), snapshot)).toEqual([]);
  });
});

describe('the fingerprint covers the newer managed parts, never agents', () => {
  const manualProfile = desired({ manualAssignmentQueues: [resolvedManual(2)] });
  const withManual = state([live({ manualQueues: [liveManual(2)] })]);

  it('manual-assignment queues count only when the file states them', () => {
    const moved = state([live({ manualQueues: [liveManual(3)] })]);
    expect(liveFingerprint(moved, [managedScope(manualProfile)])).not.toBe(liveFingerprint(withManual, [managedScope(manualProfile)]));
    expect(liveFingerprint(moved, [managedScope(desired())])).toBe(liveFingerprint(withManual, [managedScope(desired())]));
  });

  it('workload types of a channel whose file states them', () => {
    const wt = (concurrency: number) =>
      state([live({ mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' }, { channel: 'TASK', concurrency: 2, workloadTypeConcurrencies: [{ workloadType: 'W', concurrency }] }] })]);
    const managing = managedScope(desired({ mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1 }, { channel: 'TASK', concurrency: 2, workloadTypes: [] }] }));
    expect(managing.workloadTypes).toEqual(['TASK']);
    expect(liveFingerprint(wt(1), [managing])).not.toBe(liveFingerprint(wt(2), [managing]));
  });

  it('the profiles named by renamedFrom, and the ownership tag', () => {
    const renaming = [managedScope(desired({ name: 'New', renamedFrom: ['Tier1'] }))];
    expect(liveFingerprint(base, renaming)).not.toBe(liveFingerprint(state([base.profiles[1]!]), renaming));
    const tagged = state([{ ...base.profiles[0]!, tags: { a: '1', [OWNERSHIP_TAG_KEY]: 'x' } }, base.profiles[1]!]);
    expect(liveFingerprint(tagged, all('Tier1'))).not.toBe(liveFingerprint(base, all('Tier1')));
  });

  it('with prune on, the owned undeclared profiles in scope (prune would delete them)', () => {
    const owned = state([base.profiles[0]!, { ...base.profiles[1]!, tags: { [OWNERSHIP_TAG_KEY]: DEFAULT_OWNER } }]);
    const prune = { owner: DEFAULT_OWNER };
    expect(liveFingerprint(owned, all('Tier1'), prune)).not.toBe(liveFingerprint(base, all('Tier1'), prune));
    expect(liveFingerprint(owned, all('Tier1'))).toBe(liveFingerprint(base, all('Tier1')));
    expect(liveFingerprint(owned, all('Tier1'), { ...prune, names: ['Tier1'] })).toBe(liveFingerprint(base, all('Tier1'), { ...prune, names: ['Tier1'] }));
  });

  it('never agents: users move between profiles all day', () => {
    const busy = state(base.profiles.map((p) => ({ ...p, associatedUsers: 40, tags: { ...p.tags, [OWNERSHIP_TAG_KEY]: DEFAULT_OWNER } })));
    const idle = state(base.profiles.map((p) => ({ ...p, tags: { ...p.tags, [OWNERSHIP_TAG_KEY]: DEFAULT_OWNER } })));
    expect(liveFingerprint(busy, all('Tier1'), { owner: DEFAULT_OWNER })).toBe(liveFingerprint(idle, all('Tier1'), { owner: DEFAULT_OWNER }));
  });

  it('liveSnapshotForPlan is what computePlan hashes, prune and scope included', () => {
    const files = [desired({ renamedFrom: ['Gone'] })];
    const options = { prune: true, scope: { changedSince: 'main', names: ['Tier1', 'Other'], declared: 3 } };
    expect(computePlan(files, base, options).liveFingerprint).toBe(fingerprintOf(liveSnapshotForPlan(files, base, options)));
    expect(Object.keys(liveSnapshotForPlan(files, base, options).profiles)).toEqual(['Gone', 'Tier1']);
  });

  it('keeps a profile named "__proto__" as an ordinary entry', () => {
    const odd = state([live({ name: '__proto__' })]);
    const snapshot = summariseLiveForPlan(odd, all('__proto__'));
    expect(Object.keys(snapshot.profiles)).toEqual(['__proto__']);
    expect(changedProfiles(snapshot, summariseLiveForPlan(state([]), all('__proto__')))).toEqual(['__proto__']);
  });
});

describe('describeLiveChanges: what moved, with values', () => {
  const files = [desired({ queues: [], tags: {}, manualAssignmentQueues: [] }), desired({ name: 'New' })];
  const before = state([live({ queueConfigs: [liveQueue(2)], manualQueues: [liveManual(4)], tags: { a: '1' } })]);

  it('is empty for equal snapshots, also across a JSON round trip', () => {
    const snapshot = liveSnapshotForPlan(files, before);
    expect(describeLiveChanges(JSON.parse(JSON.stringify(snapshot)), snapshot)).toEqual([]);
  });

  it('names each moved value of each profile, the queue inventory and prune candidates', () => {
    const after = state([
      live({ description: 'Edited in the console', queueConfigs: [liveQueue(2, 'VOICE', 7)], manualQueues: [liveManual(5)], tags: { a: '2' } }),
      live({ name: 'New', routingProfileId: 'rp-9' }),
      live({ name: 'Retired', routingProfileId: 'rp-7', tags: { [OWNERSHIP_TAG_KEY]: DEFAULT_OWNER } }),
    ]);
    after.queues = QUEUES.map((q) => (q.queueId === 'q-01' ? { ...q, name: 'Main' } : q));
    const lines = describeLiveChanges(liveSnapshotForPlan(files, before, { prune: true }), liveSnapshotForPlan(files, after, { prune: true }));
    expect(lines).toEqual([
      'queue q-01: name "Queue01" -> "Main"',
      '"New": now live (rp-9)',
      '"Retired": now carries our ownership tag and is undeclared: prune would delete it (rp-7)',
      '"Tier1": description "Frontline agents" -> "Edited in the console"',
      '"Tier1": queues.Queue02/VOICE.priority 1 -> 7',
      '"Tier1": manualAssignmentQueues.Queue04/CHAT removed',
      '"Tier1": manualAssignmentQueues.Queue05/CHAT added',
      '"Tier1": tags.a "1" -> "2"',
    ]);
  });

  it('says when a profile is gone', () => {
    expect(describeLiveChanges(liveSnapshotForPlan(files, before), liveSnapshotForPlan(files, state([])))).toEqual(['"Tier1": no longer live (was rp-1)']);
  });
});
