import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResolvedProfile } from '../../src/desired/types.js';
import { UserInputError } from '../../src/errors.js';
import type { LiveState } from '../../src/live/types.js';
import { fieldOf } from '../../src/plan/diff.js';
import { computePlan } from '../../src/plan/planner.js';
import type { Call, Plan } from '../../src/plan/types.js';
import { DEFAULT_OWNER, LIMITS, OWNERSHIP_TAG_KEY } from '../../src/vocabulary.js';
import { applyLikeConnect } from './apply-like-connect.js';
import { type Scenario, scenario } from './arbitraries.js';

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
      mediaConcurrencies: shuffled(p.mediaConcurrencies, seed + i).map((m, j) => (m.workloadTypes === undefined ? m : { ...m, workloadTypes: shuffled(m.workloadTypes, seed + j) })),
      ...(p.queues === undefined ? {} : { queues: shuffled(p.queues, seed + 2 * i) }),
      ...(p.manualAssignmentQueues === undefined ? {} : { manualAssignmentQueues: shuffled(p.manualAssignmentQueues, seed + 17 * i) }),
    })),
    {
      ...live,
      queues: shuffled(live.queues, seed + 7),
      profiles: shuffled(live.profiles, seed + 11).map((p, i) => ({
        ...p,
        mediaConcurrencies: shuffled(p.mediaConcurrencies, seed + 3 * i).map((m, j) =>
          m.workloadTypeConcurrencies === undefined ? m : { ...m, workloadTypeConcurrencies: shuffled(m.workloadTypeConcurrencies, seed + j) },
        ),
        associatedQueueIds: shuffled(p.associatedQueueIds, seed + 5 * i),
        ...(p.queueConfigs === undefined ? {} : { queueConfigs: shuffled(p.queueConfigs, seed + 13 * i) }),
        ...(p.manualQueues === undefined ? {} : { manualQueues: shuffled(p.manualQueues, seed + 19 * i) }),
      })),
    },
  ];
}

/** Every list member of a call that carries queue entries, with its size. */
function listSizes(call: Call): number[] {
  const sizes = (...lists: (readonly unknown[] | undefined)[]): number[] => lists.filter((l) => l !== undefined).map((l) => l.length);
  switch (call.operation) {
    case 'CreateRoutingProfile':
    case 'AssociateRoutingProfileQueues':
      return sizes(call.input.QueueConfigs, call.input.ManualAssignmentQueueConfigs);
    case 'UpdateRoutingProfileQueues':
      return sizes(call.input.QueueConfigs);
    case 'DisassociateRoutingProfileQueues':
      return sizes(call.input.QueueReferences, call.input.ManualAssignmentQueueReferences);
    default:
      return [];
  }
}

/**
 * The scenarios the planner must refuse: a file's new name and an old name both live, or prune with nothing
 * declared (the arbitraries never claim one old name twice).
 */
function refused({ desired, live }: Scenario): boolean {
  const liveNames = new Set(live.profiles.map((p) => p.name));
  return desired.some((d) => liveNames.has(d.name) && (d.renamedFrom ?? []).some((old) => liveNames.has(old)));
}

/** Plans the scenario, or checks that it is one the planner must refuse (then returns undefined). */
function planOrRefusal(s: Scenario): Plan | undefined {
  if (!refused(s)) return computePlan(s.desired, s.live, s.options);
  expect(() => computePlan(s.desired, s.live, s.options)).toThrow(UserInputError);
  return undefined;
}

/** Checks `property` on every scenario the planner accepts (and that it refuses exactly the others). */
function forEveryPlan(property: (s: Scenario, plan: Plan) => void): void {
  fc.assert(
    fc.property(scenario, (s) => {
      const plan = planOrRefusal(s);
      if (plan !== undefined) property(s, plan);
    }),
    RUNS,
  );
}

describe('computePlan properties', () => {
  it('is deterministic, order-independent and does not mutate its inputs', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), (s, seed) => {
        const before = structuredClone(s);
        const plan = planOrRefusal(s);
        if (plan === undefined) return;
        expect(s).toEqual(before);
        expect(computePlan(s.desired, s.live, s.options)).toEqual(plan);
        const [d2, l2] = reorder(s.desired, s.live, seed);
        expect(computePlan(d2, l2, s.options)).toEqual(plan);
      }),
      RUNS,
    );
  });

  it('apply then plan is empty: manual queues, workload types, renames, stamps and deletes included', () => {
    forEveryPlan((s, plan) => {
      const applied = applyLikeConnect(plan, s.live);
      const again = computePlan(s.desired, applied, s.options);
      // What is left is only what the first plan could not do: blocked changes (another owner, agents).
      expect(again.summary.calls).toBe(0);
      expect(again.changes.filter((c) => c.action !== 'no-op' && c.blocked === undefined)).toEqual([]);
      const blockedBefore = plan.changes.filter((c) => c.blocked !== undefined).map((c) => c.name);
      expect(again.changes.filter((c) => c.action !== 'no-op').map((c) => c.name)).toEqual(blockedBefore);
      expect(again.problems.map((p) => p.kind).filter((k) => k !== 'profile-quota')).toEqual(plan.problems.map((p) => p.kind).filter((k) => k !== 'profile-quota'));
    });
  });

  it('prune never deletes an unowned, default or used profile, nor a declared one; without prune nothing is deleted', () => {
    forEveryPlan((s, plan) => {
      const owner = s.options.owner ?? DEFAULT_OWNER;
      const declared = new Set(s.desired.flatMap((d) => [d.name, ...(d.renamedFrom ?? [])]));
      const deleted = plan.changes.flatMap((c) => c.calls).filter((c) => c.operation === 'DeleteRoutingProfile');
      if (s.options.prune !== true) expect(deleted).toEqual([]);
      for (const call of deleted) {
        const target = s.live.profiles.find((p) => p.routingProfileId === call.input.RoutingProfileId);
        expect(target?.tags[OWNERSHIP_TAG_KEY]).toBe(owner);
        expect(target?.isDefault).toBe(false);
        expect(target?.associatedUsers).toBe(0);
        expect(declared.has(target?.name ?? '')).toBe(false);
      }
      // And it does delete every profile it may: ours, undeclared, not the default, unused.
      const deletable = s.live.profiles.filter((p) => s.options.prune === true && !declared.has(p.name) && p.tags[OWNERSHIP_TAG_KEY] === owner && !p.isDefault && p.associatedUsers === 0);
      expect(deleted.map((c) => c.input.RoutingProfileId).sort()).toEqual(deletable.map((p) => p.routingProfileId).sort());
      // Deletes come after every create and update.
      const firstDelete = plan.changes.findIndex((c) => c.action === 'delete');
      if (firstDelete !== -1) expect(plan.changes.slice(firstDelete).every((c) => c.action === 'delete')).toBe(true);
    });
  });

  it('never sends more than 10 entries in a list, an empty list, or an Associate/Disassociate without a list', () => {
    forEveryPlan((s, plan) => {
      for (const call of plan.changes.flatMap((c) => c.calls)) {
        const sizes = listSizes(call);
        for (const size of sizes) expect(size >= 1 && size <= LIMITS.queueConfigsPerCall).toBe(true);
        if (call.operation === 'AssociateRoutingProfileQueues' || call.operation === 'DisassociateRoutingProfileQueues') expect(sizes.length).toBeGreaterThan(0);
      }
    });
  });

  it('plans only declared profiles and deletes; every undeclared live profile is listed or deleted', () => {
    forEveryPlan((s, plan) => {
      const declared = new Set(s.desired.map((p) => p.name));
      expect(plan.changes.every((c) => declared.has(c.name) || c.action === 'delete')).toBe(true);
      const claimed = new Set(s.desired.flatMap((d) => [d.name, ...(d.renamedFrom ?? [])]));
      const undeclared = s.live.profiles.filter((p) => !claimed.has(p.name)).map((p) => p.name).sort();
      const accounted = [...plan.unmanaged.map((u) => u.name), ...plan.changes.filter((c) => c.action === 'delete').map((c) => c.name)].sort();
      expect(accounted).toEqual(undeclared);
    });
  });

  it('gives every diff a structured path whose one-string form is its field', () => {
    forEveryPlan((_s, plan) => {
      for (const diff of plan.changes.flatMap((c) => c.diffs)) expect(diff.field).toBe(fieldOf(diff.path));
    });
  });

  it('a scoped plan (--changed-since) is the full plan restricted to the names in scope', () => {
    const scoped = scenario.chain((s) =>
      fc.record({ s: fc.constant(s), names: fc.subarray([...new Set([...s.desired.map((d) => d.name), ...s.live.profiles.map((p) => p.name)])]) }),
    );
    fc.assert(
      fc.property(scoped, ({ s, names }) => {
        if (refused(s)) return;
        const inScope = new Set(names);
        const touched = s.desired.filter((d) => inScope.has(d.name) || (d.renamedFrom ?? []).some((old) => inScope.has(old)));
        const full = computePlan(s.desired, s.live, s.options);
        const plan = computePlan(touched, s.live, { ...s.options, scope: { changedSince: 'origin/main', names, declared: s.desired.length } });
        const touchedNames = new Set(touched.map((d) => d.name));
        expect(plan.changes).toEqual(full.changes.filter((c) => (c.action === 'delete' ? inScope.has(c.name) : touchedNames.has(c.name))));
        expect(plan.unmanaged).toEqual(full.unmanaged.filter((u) => inScope.has(u.name)));
        expect(plan.scope).toEqual({ changedSince: 'origin/main', profiles: names.length, declared: s.desired.length });
      }),
      RUNS,
    );
  });
});
