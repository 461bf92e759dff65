import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedProfile } from '../../src/desired/types.js';
import type { LiveState } from '../../src/live/types.js';
import { computePlan } from '../../src/plan/planner.js';
import type { Call } from '../../src/plan/types.js';
import { LIMITS } from '../../src/vocabulary.js';
import { applyLikeConnect } from './apply-like-connect.js';
import { scenario } from './arbitraries.js';

const RUNS = { numRuns: 300 };

/** A seeded permutation (mulberry32), so a failing case shrinks and replays. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The same desired/live content with every array in another order. */
function reorder(desired: ResolvedProfile[], live: LiveState, seed: number): [ResolvedProfile[], LiveState] {
  return [
    shuffled(desired, seed).map((p, i) => ({
      ...p,
      mediaConcurrencies: shuffled(p.mediaConcurrencies, seed + i),
      ...(p.queues === undefined ? {} : { queues: shuffled(p.queues, seed + 2 * i) }),
    })),
    {
      ...live,
      queues: shuffled(live.queues, seed + 7),
      profiles: shuffled(live.profiles, seed + 11).map((p, i) => ({
        ...p,
        mediaConcurrencies: shuffled(p.mediaConcurrencies, seed + 3 * i),
        associatedQueueIds: shuffled(p.associatedQueueIds, seed + 5 * i),
        ...(p.queueConfigs === undefined ? {} : { queueConfigs: shuffled(p.queueConfigs, seed + 13 * i) }),
      })),
    },
  ];
}

function listSize(call: Call): number {
  switch (call.operation) {
    case 'CreateRoutingProfile':
      return call.input.QueueConfigs?.length ?? 0;
    case 'AssociateRoutingProfileQueues':
    case 'UpdateRoutingProfileQueues':
      return call.input.QueueConfigs?.length ?? 0;
    case 'DisassociateRoutingProfileQueues':
      return call.input.QueueReferences?.length ?? 0;
    default:
      return 0;
  }
}

describe('computePlan properties', () => {
  it('is deterministic, order-independent and does not mutate its inputs', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), ({ desired, live }, seed) => {
        const before = structuredClone({ desired, live });
        const plan = computePlan(desired, live);
        expect({ desired, live }).toEqual(before);
        expect(computePlan(desired, live)).toEqual(plan);
        const [d2, l2] = reorder(desired, live, seed);
        expect(computePlan(d2, l2)).toEqual(plan);
      }),
      RUNS,
    );
  });

  it('apply then plan is empty', () => {
    fc.assert(
      fc.property(scenario, ({ desired, live }) => {
        const applied = applyLikeConnect(computePlan(desired, live), live);
        const again = computePlan(desired, applied);
        expect(again.changes.filter((c) => c.action !== 'no-op')).toEqual([]);
        expect(again.summary.calls).toBe(0);
      }),
      RUNS,
    );
  });

  it('never sends more than 10 queue entries in one call, nor an empty list', () => {
    fc.assert(
      fc.property(scenario, ({ desired, live }) => {
        for (const change of computePlan(desired, live).changes) {
          for (const call of change.calls) {
            expect(listSize(call)).toBeLessThanOrEqual(LIMITS.queueConfigsPerCall);
            if (call.operation !== 'CreateRoutingProfile') expect(listSize(call) > 0 || !/Queues$/.test(call.operation)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('leaves undeclared live profiles out of the plan', () => {
    fc.assert(
      fc.property(scenario, ({ desired, live }) => {
        const declared = new Set(desired.map((p) => p.name));
        expect(computePlan(desired, live).changes.every((c) => declared.has(c.name))).toBe(true);
      }),
      RUNS,
    );
  });
});
