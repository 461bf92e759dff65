import { describe, expect, it } from 'vitest';
import { changedProfiles, liveFingerprint, managedScope, queueInventoryChanged, summariseLiveForPlan, type ManagedScope } from '../../src/plan/fingerprint.js';
import { computePlan } from '../../src/plan/planner.js';
import { desired, live, liveQueue, QUEUES, state } from './fixtures.js';

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
