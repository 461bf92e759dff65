// The fault soak: for each seed, 30 profiles' worth of differences reconciled through the real SDK over HTTP
// while the emulator throttles 30 % of requests, fails 5 % with a 500 and drops the connection after 5 % of
// committed writes, with search lag on. At default settings (no retry or pacing override), each seed must
// converge in ONE apply: no read gives up, no write fails for good, no duplicate profile, live equal to the
// files field by field, unmanaged profiles untouched, and an empty plan once faults are off.
// Time runs 100x faster on both sides (client clock and emulator timeScale) so quotas, backoff and lag keep
// their proportions while the whole soak fits in `npm test`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyPlan } from '../../src/apply/apply.js';
import { verifyApply } from '../../src/apply/verify.js';
import { createConnectClient, transportFor } from '../../src/connect/client.js';
import { createLiveReader } from '../../src/connect/reader.js';
import { createConnectWriter } from '../../src/connect/writer.js';
import type { LiveReader } from '../../src/connect/read-types.js';
import { loadDesired } from '../../src/desired/load.js';
import { resolveQueueReferences } from '../../src/plan/resolve-queues.js';
import type { DesiredState } from '../../src/desired/types.js';
import { startEmulator } from '../../src/emulator/index.js';
import { declaredProfiles } from '../../src/live/declared.js';
import { readLive } from '../../src/live/read.js';
import { computePlan } from '../../src/plan/planner.js';
import type { Plan } from '../../src/plan/types.js';
import { toYaml } from '../e2e/fixtures.js';
import { countFaults, duplicateNames, expectLiveEqualsFiles, fastClock, scenario, seeded, SOAK_QUEUES, stubFakeCredentials, type FaultCounts } from './support.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const PROFILES = 30;
const TIME_SCALE = 100;
const FAULTS = { throttleRate: 0.3, internalErrorRate: 0.05, dropAfterCommitRate: 0.05, searchLagMs: 3_000 } as const;
interface SeedFigures extends FaultCounts {
  seed: number;
  adopted: number;
  /** What the client saw: throttled answers, retries, and the pacing wait they cost (client statistics). */
  clientThrottles: number;
  retries: number;
  /** Virtual seconds the apply took (scaled clock), first read to verified. */
  seconds: number;
}

const figures: SeedFigures[] = [];

beforeAll(() => {
  // The SDK's default credential chain reads these; nothing from the developer's own setup is used.
  stubFakeCredentials();
});

afterAll(() => {
  vi.unstubAllEnvs();
  if (figures.length === 0) return;
  const sum = (k: Exclude<keyof SeedFigures, 'seed'>) => figures.reduce((n, f) => n + f[k], 0);
  const slowest = Math.max(...figures.map((f) => f.seconds));
  console.log(
    `soak at default settings: ${figures.length} seeds x ${PROFILES} profiles, 1 apply per seed; ${sum('requests')} requests (${sum('writes')} writes); ` +
      `faults injected: ${sum('throttled')} throttled (429), ${sum('internalErrors')} internal errors (500), ${sum('dropped')} connections dropped after commit; ` +
      `client saw ${sum('clientThrottles')} throttles and made ${sum('retries')} retries; ${sum('adopted')} creates adopted; ` +
      `slowest seed ${slowest.toFixed(0)} s of scaled time; duplicates 0; every final plan empty`,
  );
});

async function planNow(reader: LiveReader, instanceId: string, desired: DesiredState): Promise<Plan> {
  const declared = declaredProfiles(desired.profiles);
  const live = await readLive(reader, instanceId, declared);
  return computePlan(resolveQueueReferences(desired.profiles, live.queues), live);
}

const changed = (plan: Plan) => plan.changes.filter((c) => c.action !== 'no-op');

describe('fault soak', () => {
  it.each(SEEDS)('seed %i: converges in one apply at default settings under throttling, 5xx, lost answers and search lag', async (seed) => {
    const s = scenario(seed, PROFILES);
    const emu = await startEmulator({
      seed: { queues: SOAK_QUEUES.map((name) => ({ name })), profiles: s.live },
      // Connect's own quotas, on the scaled clock: the client must pace, and what slips through is throttled.
      quotas: 'connect-defaults',
      timeScale: TIME_SCALE,
      faults: { ...FAULTS, randomSeed: seed },
    });
    const root = mkdtempSync(join(tmpdir(), 'cg-soak-'));
    const clock = fastClock(TIME_SCALE);
    const client = createConnectClient({ region: emu.region, endpoint: emu.endpoint, clock, random: seeded(seed) });
    try {
      writeFileSync(join(root, 'profiles.yaml'), toYaml(...s.desired));
      const desired = await loadDesired(root);
      const before = emu.snapshot();
      const reader = createLiveReader(client);
      const writer = createConnectWriter(client);

      // One apply at default settings: read, plan, apply, verify. A read that gives up would throw here.
      const started = clock.now();
      const plan = await planNow(reader, emu.instanceId, desired);
      // Every one of the 30 profiles differed at the start: 10 creates and 20 updates.
      expect(changed(plan)).toHaveLength(PROFILES);
      const applied = await applyPlan(plan, writer, reader, { clock });
      const result = await verifyApply(applied, () => planNow(reader, emu.instanceId, desired), { clock });
      const seconds = (clock.now() - started) / 1000;
      const failed = result.changes.flatMap((c) => c.calls.filter((o) => o.status === 'failed').map((o) => `${c.name}: ${JSON.stringify(o)}`));
      expect(failed, `seed ${seed}: calls failed in its one apply`).toEqual([]);
      expect(result.changes.filter((c) => !['done', 'adopted', 'unchanged'].includes(c.outcome)).map((c) => [c.name, c.outcome])).toEqual([]);
      expect(result.verification, `seed ${seed}: ${JSON.stringify(result.verification)}`).toEqual({ status: 'converged' });
      const adopted = result.changes.filter((c) => c.outcome === 'adopted').length;
      const stats = transportFor(client).stats.snapshot();

      const faulted = countFaults(emu.requestLog);
      // Faults off, lag gone: the fresh plan is empty and live equals the files, field by field.
      emu.setFaults({});
      const after = emu.snapshot();
      expect(duplicateNames(after)).toEqual([]);
      expect(after.profiles).toHaveLength(before.profiles.length + s.creates);
      expectLiveEqualsFiles(after, s.desired);
      // Profiles the files do not manage are exactly as they were.
      for (const name of s.unmanaged) {
        expect(after.profiles.find((p) => p.name === name)).toEqual(before.profiles.find((p) => p.name === name));
      }
      const final = await planNow(reader, emu.instanceId, desired);
      expect(changed(final)).toEqual([]);

      figures.push({ seed, adopted, clientThrottles: stats.throttles, retries: stats.retries, seconds, ...faulted });
      // The faults must actually have happened, or the soak proves nothing.
      expect(faulted.throttled).toBeGreaterThan(0);
      expect(faulted.internalErrors).toBeGreaterThan(0);
    } finally {
      client.destroy();
      await emu.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the scenarios cover every kind of change', () => {
    const all = SEEDS.map((seed) => scenario(seed, PROFILES));
    for (const s of all) {
      expect(s.desired).toHaveLength(PROFILES);
      expect(s.createsOver10Queues).toBeGreaterThan(0);
      for (const n of Object.values(s.kinds)) expect(n).toBeGreaterThan(0);
    }
  });
});
