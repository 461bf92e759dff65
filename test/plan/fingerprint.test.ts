import { describe, expect, it } from 'vitest';
import { changedProfiles, liveFingerprint, queueInventoryChanged, summariseLiveForPlan } from '../../src/plan/fingerprint.js';
import { computePlan } from '../../src/plan/planner.js';
import { desired, live, liveQueue, QUEUES, state } from './fixtures.js';

const base = state([live({ queueConfigs: [liveQueue(2), liveQueue(3, 'CHAT')], tags: { a: '1' } }), live({ name: 'Other', routingProfileId: 'rp-2', described: false })]);

describe('liveFingerprint', () => {
  it('is the fingerprint computePlan records', () => {
    expect(computePlan([desired(), desired({ name: 'New' })], base).liveFingerprint).toBe(liveFingerprint(base, ['Tier1', 'New']));
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
    expect(liveFingerprint(reordered, ['New', 'Tier1'])).toBe(liveFingerprint(base, ['Tier1', 'New']));
  });

  it('changes when a managed profile changes or appears, not when an undeclared one does', () => {
    const fp = liveFingerprint(base, ['Tier1', 'New']);
    const undeclaredChanged = state([base.profiles[0]!, { ...base.profiles[1]!, description: 'changed' }]);
    expect(liveFingerprint(undeclaredChanged, ['Tier1', 'New'])).toBe(fp);
    const managedChanged = state([{ ...base.profiles[0]!, description: 'changed' }, base.profiles[1]!]);
    expect(liveFingerprint(managedChanged, ['Tier1', 'New'])).not.toBe(fp);
    const appeared = state([...base.profiles, live({ name: 'New', routingProfileId: 'rp-3' })]);
    expect(liveFingerprint(appeared, ['Tier1', 'New'])).not.toBe(fp);
  });

  it('ignores aws: tags, which are never managed', () => {
    const withAws = state([{ ...base.profiles[0]!, tags: { a: '1', 'aws:x': 'y' } }, base.profiles[1]!]);
    expect(liveFingerprint(withAws, ['Tier1'])).toBe(liveFingerprint(base, ['Tier1']));
  });
});

describe('changedProfiles / queueInventoryChanged', () => {
  it('names the profiles whose snapshot differs, and reports queue inventory changes separately', () => {
    const before = summariseLiveForPlan(base, ['Tier1', 'New']);
    const afterState = state([
      { ...base.profiles[0]!, queueConfigs: [liveQueue(2, 'VOICE', 7), liveQueue(3, 'CHAT')] },
      base.profiles[1]!,
      live({ name: 'New', routingProfileId: 'rp-3' }),
    ]);
    const after = summariseLiveForPlan(afterState, ['Tier1', 'New']);
    expect(before.profiles.New).toBeNull();
    expect(changedProfiles(before, after)).toEqual(['New', 'Tier1']);
    expect(changedProfiles(before, before)).toEqual([]);
    expect(queueInventoryChanged(before, after)).toBe(false);
    const renamedQueue = summariseLiveForPlan({ ...base, queues: QUEUES.map((q, i) => (i === 0 ? { ...q, name: 'Renamed' } : q)) }, ['Tier1', 'New']);
    expect(queueInventoryChanged(before, renamedQueue)).toBe(true);
  });

  it('survives a JSON round trip (a snapshot may be stored)', () => {
    const snapshot = summariseLiveForPlan(base, ['Tier1', 'New']);
    expect(changedProfiles(JSON.parse(JSON.stringify(snapshot)), snapshot)).toEqual([]);
  });
});
