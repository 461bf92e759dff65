// The example profiles are documentation: they must load cleanly and use only the queues the demo seeds.
import { describe, expect, it } from 'vitest';
import { loadDesired } from '../../src/desired/load.js';
import { resolveQueueReferences } from '../../src/plan/resolve-queues.js';
import type { LiveQueue } from '../../src/live/types.js';
import { CHANNELS } from '../../src/vocabulary.js';

const DEMO_QUEUES = ['BasicQueue', 'Sales', 'Support', 'Billing', 'Escalations', 'Email Inbound', 'Callbacks'];

describe('profiles/ examples', () => {
  it('load cleanly, with nothing skipped', async () => {
    const state = await loadDesired('profiles');
    expect(state.skippedFiles).toEqual([]);
    expect(state.profiles.length).toBeGreaterThanOrEqual(5);
    expect(new Set(state.profiles.map((p) => p.name)).size).toBe(state.profiles.length);
  });

  it('show every feature: each channel, cross-channel behaviour, timers, tags, and unmanaged queues', async () => {
    const { profiles } = await loadDesired('profiles');
    const channels = new Set(profiles.flatMap((p) => p.mediaConcurrencies.map((m) => m.channel)));
    expect([...channels].sort()).toEqual([...CHANNELS].sort());
    const behaviours = profiles.flatMap((p) => p.mediaConcurrencies.map((m) => m.crossChannelBehavior));
    expect(behaviours).toContain('ROUTE_ANY_CHANNEL');
    expect(behaviours).toContain(undefined);
    expect(profiles.some((p) => p.agentAvailabilityTimer !== undefined)).toBe(true);
    expect(profiles.some((p) => p.agentAvailabilityTimer === undefined)).toBe(true);
    expect(profiles.some((p) => p.tags !== undefined)).toBe(true);
    expect(profiles.some((p) => p.tags === undefined)).toBe(true);
    expect(profiles.some((p) => p.queues === undefined)).toBe(true);
    expect(new Set(profiles.map((p) => p.source.file)).size).toBeLessThan(profiles.length); // a file with two documents
  });

  it('resolve against the queues the demo seeds', async () => {
    const { profiles } = await loadDesired('profiles');
    const queues: LiveQueue[] = DEMO_QUEUES.map((name, i) => ({ name, queueId: `q-${i}`, arn: `arn:aws:connect:eu-west-2:111122223333:instance/demo/queue/q-${i}` }));
    expect(() => resolveQueueReferences(profiles, queues)).not.toThrow();
  });
});
