// The example profiles are documentation: they must load cleanly and use only the queues the demo seeds.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load, loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadDesiredPerEnvironment } from '../../src/desired/environments.js';
import { loadDesired } from '../../src/desired/load.js';
import type { DesiredProfile } from '../../src/desired/types.js';
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

// The walk-through of several environments (README, "Several environments"): every base profile is valid, each
// overlay document names a base profile, `environments:` names only environments the config defines, and each
// environment gets the profiles the README says it does. The overlay folder is never read as profiles.
describe('examples/environments', () => {
  const root = 'examples/environments';
  const config = load(readFileSync(join(root, 'connect-gitops.yaml'), 'utf8')) as {
    dir: string;
    defaultEnvironment: string;
    environments: Record<string, { instanceId: string; endpointUrl: string; overlay?: string }>;
  };
  const environments = Object.keys(config.environments);
  const overlayDirs = Object.values(config.environments).flatMap((e) => (e.overlay === undefined ? [] : [resolve(root, e.overlay)]));
  const base = (): ReturnType<typeof loadDesired> => loadDesired(root, { exclude: overlayDirs });

  it('defines dev and prod on two emulators, dev the default, prod with an overlay', () => {
    expect(environments).toEqual(['dev', 'prod']);
    expect(config.defaultEnvironment).toBe('dev');
    expect(Object.values(config.environments).map((e) => e.endpointUrl)).toEqual(['http://127.0.0.1:4566', 'http://127.0.0.1:4567']);
    expect(overlayDirs).toEqual([resolve(root, 'overlays/prod')]);
  });

  it('points each environment at the instance its demo seed starts, in its own account', () => {
    for (const name of environments) {
      const seed = load(readFileSync(join('demo/environments', name, 'emulator.yaml'), 'utf8')) as { instanceId: string; region: string; accountId: string };
      expect(config.environments[name]?.instanceId).toBe(`arn:aws:connect:${seed.region}:${seed.accountId}:instance/${seed.instanceId}`);
    }
  });

  it('loads the base profiles cleanly from the whole folder, the overlay folder left out', async () => {
    const state = await base();
    expect(state.skippedFiles).toEqual([]);
    expect(state.profiles.map((p) => p.name).sort()).toEqual(['Release Testers', 'Sales Agents', 'Support Agents']);
    expect(state.profiles.every((p) => p.source.file.startsWith(join(root, config.dir)))).toBe(true);
  });

  it('has one profile for dev only, and names no environment the config lacks', async () => {
    const { profiles } = await base();
    expect(profiles.filter((p) => p.environments !== undefined).map((p) => [p.name, p.environments])).toEqual([['Release Testers', ['dev']]]);
    for (const p of profiles) for (const e of p.environments ?? []) expect(environments).toContain(e);
  });

  it('has overlays that each name a base profile and set no name-like field', async () => {
    const names = new Set((await base()).profiles.map((p) => p.name));
    const docs = readdirSync(overlayDirs[0] ?? '')
      .filter((f) => /\.ya?ml$/.test(f))
      .flatMap((f) => loadAll(readFileSync(join(overlayDirs[0] ?? '', f), 'utf8')) as Record<string, unknown>[]);
    expect(docs.map((d) => d.name)).toEqual(['Support Agents', 'Sales Agents']);
    for (const d of docs) {
      expect(names.has(String(d.name))).toBe(true);
      expect(Object.keys(d)).not.toContain('environments');
      expect(Object.keys(d)).not.toContain('renamedFrom');
    }
  });

  it('gives each environment its profiles: the dev-only one in dev alone, the overlays in prod alone', async () => {
    const sources = Object.entries(config.environments).map(([name, e]) => (e.overlay === undefined ? { name } : { name, overlayDir: resolve(root, e.overlay) }));
    const states = await loadDesiredPerEnvironment(join(root, config.dir), sources);
    const byName = (env: string): Map<string, DesiredProfile> => new Map((states.get(env)?.profiles ?? []).map((p) => [p.name, p]));
    const [dev, prod] = [byName('dev'), byName('prod')];
    expect([...dev.keys()]).toEqual(['Release Testers', 'Sales Agents', 'Support Agents']);
    expect([...prod.keys()]).toEqual(['Sales Agents', 'Support Agents']);
    // Support Agents: prod replaces mediaConcurrencies whole and merges its tags over the base's.
    expect(dev.get('Support Agents')?.mediaConcurrencies.map((m) => [m.channel, m.concurrency])).toEqual([['VOICE', 1], ['CHAT', 2]]);
    expect(prod.get('Support Agents')?.mediaConcurrencies.map((m) => [m.channel, m.concurrency])).toEqual([['VOICE', 1], ['CHAT', 3]]);
    expect(prod.get('Support Agents')?.tags).toEqual({ ...dev.get('Support Agents')?.tags, 'cost-centre': 'CC-9001', stage: 'production' });
    expect(prod.get('Sales Agents')?.tags).toEqual({ ...dev.get('Sales Agents')?.tags, stage: 'production' });
    expect(prod.get('Sales Agents')?.mediaConcurrencies).toEqual(dev.get('Sales Agents')?.mediaConcurrencies);
  });

  it('resolve against the queues both demo seeds hold', async () => {
    const { profiles } = await base();
    for (const name of environments) {
      const seed = load(readFileSync(join('demo/environments', name, 'emulator.yaml'), 'utf8')) as { queues: { name: string }[] };
      const queues: LiveQueue[] = seed.queues.map((q, i) => ({ name: q.name, queueId: `q-${i}`, arn: `arn:aws:connect:eu-west-2:111122223333:instance/demo/queue/q-${i}` }));
      expect(() => resolveQueueReferences(profiles, queues)).not.toThrow();
    }
  });
});
