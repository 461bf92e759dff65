// A saved plan is applied only when it is exactly the plan the current files and live state give.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertSavedPlanApplies, readSavedPlan } from '../../src/cli/saved-plan.js';
import { StalePlanError, UserInputError } from '../../src/errors.js';
import { renderPlanJson } from '../../src/render/index.js';
import type { Plan } from '../../src/plan/types.js';

const plan: Plan = {
  formatVersion: 1,
  instanceId: 'inst-1',
  liveFingerprint: 'sha256:aaa',
  changes: [
    {
      action: 'update', agents: 0,
      name: 'Tier1',
      routingProfileId: 'rp-1',
      diffs: [{ field: 'description', path: ['description'], before: 'old', after: 'new' }],
      calls: [{ operation: 'UpdateRoutingProfileName', input: { InstanceId: 'inst-1', RoutingProfileId: 'rp-1', Name: 'Tier1', Description: 'new' } }],
    },
    { action: 'no-op', agents: 0, name: 'Sales', routingProfileId: 'rp-2', diffs: [], calls: [] },
  ],
  prune: false, unmanaged: [], warnings: [], problems: [], summary: { create: 0, update: 1, delete: 0, agents: 0, noOp: 1, calls: 1 },
};
const saved = (): Plan => JSON.parse(renderPlanJson(plan)) as Plan;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function file(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-plan-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'plan.json'), content);
  return join(dir, 'plan.json');
}

describe('assertSavedPlanApplies', () => {
  it('accepts the same plan', () => {
    expect(() => assertSavedPlanApplies(saved(), plan, 'profiles')).not.toThrow();
  });

  it('refuses a plan for another instance', () => {
    expect(() => assertSavedPlanApplies({ ...saved(), instanceId: 'inst-2' }, plan, 'profiles')).toThrow(/made for instance inst-2/);
  });

  it('refuses a stale plan and names the profile whose change moved', () => {
    const now: Plan = { ...plan, liveFingerprint: 'sha256:bbb', changes: [{ ...plan.changes[0], action: 'no-op', agents: 0, diffs: [], calls: [] }, plan.changes[1]], prune: false, unmanaged: [], warnings: [], problems: [], summary: { create: 0, update: 0, delete: 0, agents: 0, noOp: 2, calls: 0 } };
    const e = catchError(() => assertSavedPlanApplies(saved(), now, 'profiles'));
    expect(e).toBeInstanceOf(StalePlanError);
    expect(e.message).toMatch(/live instance changed/);
    expect((e as StalePlanError).changes).toEqual(['Tier1: planned "update description", now "no changes"']);
  });

  it('refuses a plan made from other files', () => {
    const now: Plan = { ...plan, changes: [plan.changes[0]], prune: false, unmanaged: [], warnings: [], problems: [], summary: { create: 0, update: 1, delete: 0, agents: 0, noOp: 0, calls: 1 } };
    const e = catchError(() => assertSavedPlanApplies(saved(), now, 'other'));
    expect(e.message).toBe('the saved plan was made from other profile files than those in other');
    expect((e as StalePlanError).changes).toEqual(['Sales: in the plan, not in the files']);
  });

  it('refuses a plan edited by hand, even with the right fingerprint', () => {
    const edited = saved();
    (edited.changes[0].calls[0].input as { RoutingProfileId: string }).RoutingProfileId = 'rp-2';
    const e = catchError(() => assertSavedPlanApplies(edited, plan, 'profiles'));
    expect(e.message).toMatch(/does not match the files in profiles: .*edited/);
  });
});

describe('readSavedPlan', () => {
  it('reads what plan --out writes', () => {
    expect(readSavedPlan(file(renderPlanJson(plan)))).toEqual(saved());
  });

  it.each([
    ['not json', /cannot read the saved plan/],
    ['{"formatVersion":2}', /no formatVersion 1/],
    ['{"formatVersion":1,"instanceId":"i","liveFingerprint":"x","changes":[null]}', /changes\[0\] is not a change/],
    ['{"formatVersion":1,"instanceId":"i","liveFingerprint":"x","changes":[{"name":"a","action":"update","diffs":[],"calls":[null]}]}', /calls\[0\] is not an operation/],
    ['{"formatVersion":1,"instanceId":"i","liveFingerprint":"x","changes":[{"name":"a","action":"update","diffs":[],"calls":[{"operation":"DropRoutingProfile","input":{}}]}]}', /calls\[0\] is not an operation/],
  ])('refuses %s as user input, not as a bug', (content, message) => {
    const e = catchError(() => readSavedPlan(file(content)));
    expect(e).toBeInstanceOf(UserInputError);
    expect(e.message).toMatch(message);
  });
});

function catchError(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}
