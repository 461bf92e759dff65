// The saved-plan codec (plan --out writes, apply --plan and show read) and the staleness check on what it reads.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertPlanForEnvironment, decodeSavedPlan, encodeSavedPlan } from '../../src/cli/saved-plan.js';
import { assertSavedPlanApplies } from '../../src/cli/stale-plan.js';
import { StalePlanError, UserInputError } from '../../src/errors.js';
import { renderPlanJson } from '../../src/render/index.js';
import type { LiveSnapshot, ProfileSnapshot } from '../../src/plan/fingerprint.js';
import { CALL_ORDER, type Plan } from '../../src/plan/types.js';
import { REPO_ROOT } from '../e2e/harness.js';

const FINGERPRINT_A = `sha256:${'a'.repeat(64)}`;
const FINGERPRINT_B = `sha256:${'b'.repeat(64)}`;

const plan: Plan = {
  formatVersion: 1,
  instanceId: 'inst-1',
  liveFingerprint: FINGERPRINT_A,
  changes: [
    {
      action: 'update',
      agents: 0,
      name: 'Tier1',
      routingProfileId: 'rp-1',
      diffs: [{ field: 'description', path: ['description'], before: 'old', after: 'new' }],
      calls: [{ operation: 'UpdateRoutingProfileName', input: { InstanceId: 'inst-1', RoutingProfileId: 'rp-1', Name: 'Tier1', Description: 'new' } }],
    },
    { action: 'no-op', agents: 0, name: 'Sales', routingProfileId: 'rp-2', diffs: [], calls: [] },
  ],
  prune: false,
  unmanaged: [],
  warnings: [],
  problems: [],
  summary: { create: 0, update: 1, delete: 0, agents: 0, noOp: 1, calls: 1 },
};

function profile(id: string, name: string, description: string): ProfileSnapshot {
  return {
    routingProfileId: id,
    arn: `arn:aws:connect:us-east-1:111122223333:instance/inst-1/routing-profile/${id}`,
    described: true,
    profile: { name, description, defaultOutboundQueueId: 'q-1', mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1, crossChannelBehavior: 'ROUTE_CURRENT_CHANNEL_ONLY' }] },
    workloadTypeConcurrencies: {},
  };
}

const live: LiveSnapshot = {
  instanceId: 'inst-1',
  queues: [{ queueId: 'q-1', arn: 'arn:q-1', name: 'Support' }],
  profiles: { Sales: profile('rp-2', 'Sales', 'sales'), Tier1: profile('rp-1', 'Tier1', 'old') },
};

describe('saved-plan codec', () => {
  it('writes the plan JSON exactly as plan --format json prints it, then the live snapshot', async () => {
    const text = encodeSavedPlan({ plan, live });
    const json = JSON.parse(text) as Record<string, unknown>;
    const { live: stored, ...planPart } = json;
    expect(planPart).toEqual(JSON.parse(renderPlanJson(plan)));
    expect(Object.keys(json).at(-1)).toBe('live');
    expect(stored).toEqual(live);
    const back = await decodeSavedPlan(text, 'plan.json');
    expect(back).toEqual({ plan: JSON.parse(renderPlanJson(plan)), live });
  });

  it('records the environment and prune, and is applied only to that environment', async () => {
    const back = await decodeSavedPlan(encodeSavedPlan({ plan: { ...plan, environment: 'dev', prune: true }, live }), 'dev.plan.json');
    expect(back.plan).toMatchObject({ environment: 'dev', prune: true });
    expect(() => assertPlanForEnvironment(back, 'dev.plan.json', 'dev')).not.toThrow();
    expect(() => assertPlanForEnvironment(back, 'dev.plan.json', 'prod')).toThrow(
      new UserInputError(
        'dev.plan.json was planned for environment dev, and this run is for environment prod: nothing was sent',
        [],
        'Apply it with --env dev, or plan --env prod --out FILE and apply that.',
      ),
    );
    expect(() => assertPlanForEnvironment(back, 'dev.plan.json', undefined)).toThrow(/dev.plan.json was planned for environment dev, and this run has no environment/);
    const plain = await decodeSavedPlan(encodeSavedPlan({ plan, live }), 'plan.json');
    expect(() => assertPlanForEnvironment(plain, 'plan.json', 'prod')).toThrow(/plan.json was planned without an environment, and this run is for environment prod/);
  });

  it('says what a multi-environment document is, rather than a schema error', async () => {
    const several = JSON.stringify({ formatVersion: 1, environments: [{ environment: 'dev', ...plan }] });
    await expect(decodeSavedPlan(several, 'all.json')).rejects.toThrow(
      new UserInputError(
        'all.json holds the plans of several environments (plan --env all --format json), not one saved plan',
        [],
        "Save each environment's plan with connect-gitops plan --env NAME --out FILE; show and apply take one of those.",
      ),
    );
  });

  it('keeps the names a scoped plan covers, sorted', async () => {
    const back = await decodeSavedPlan(encodeSavedPlan({ plan, live, scopedProfiles: ['Tier1', 'Old Name'] }), 'plan.json');
    expect(back.scopedProfiles).toEqual(['Old Name', 'Tier1']);
  });

  it('its schema names exactly the operations a plan can hold', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema/saved-plan.schema.json'), 'utf8')) as {
      definitions: { change: { properties: { calls: { items: { properties: { operation: { enum: string[] } } } } } } };
    };
    expect([...schema.definitions.change.properties.calls.items.properties.operation.enum].sort()).toEqual([...CALL_ORDER].sort());
  });

  const valid = JSON.parse(encodeSavedPlan({ plan, live })) as Record<string, unknown>;
  const withChange = (change: unknown) => JSON.stringify({ ...valid, changes: [change] });
  it.each([
    ['not json', /not JSON/],
    [JSON.stringify({ ...valid, formatVersion: 2 }), /formatVersion is 2, not 1/],
    [JSON.stringify({ formatVersion: 1 }), /the file must have required property/],
    [withChange(null), /changes\.0 must be object/],
    [withChange({ name: 'a', action: 'update', diffs: [], calls: [{ operation: 'DropRoutingProfile', input: {} }] }), /changes\.0\.calls\.0\.operation must be equal to one of the allowed values/],
    [JSON.stringify({ ...valid, live: undefined }), /must have required property 'live'/],
    [JSON.stringify({ ...valid, liveFingerprint: 'sha256:zz' }), /liveFingerprint must match pattern/],
    [JSON.stringify({ ...valid, smuggled: true }), /must NOT have additional properties/],
  ])('refuses %s as user input, not as a bug', async (content, message) => {
    const e = await decodeSavedPlan(content, 'plan.json').then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(e).toBeInstanceOf(UserInputError);
    expect(e?.message).toMatch(/^(plan\.json is not a connect-gitops saved plan|cannot read the saved plan plan\.json)/);
    expect(e?.message).toMatch(message);
  });
});

describe('assertSavedPlanApplies', () => {
  it('accepts the same plan', async () => {
    const saved = await decodeSavedPlan(encodeSavedPlan({ plan, live }), 'p');
    expect(() => assertSavedPlanApplies(saved, plan, live, 'profiles')).not.toThrow();
  });

  it('refuses a plan for another instance', async () => {
    const saved = await decodeSavedPlan(encodeSavedPlan({ plan: { ...plan, instanceId: 'inst-2' }, live }), 'p');
    expect(() => assertSavedPlanApplies(saved, plan, live, 'profiles')).toThrow(/made for instance inst-2/);
  });

  it('refuses a stale plan and says what moved, with the values then and now', async () => {
    const saved = await decodeSavedPlan(encodeSavedPlan({ plan, live }), 'p');
    // Someone set the description in the console to the file's value, and renamed a queue.
    const nowLive: LiveSnapshot = {
      ...live,
      queues: [{ queueId: 'q-1', arn: 'arn:q-1', name: 'Support (old)' }],
      profiles: { ...live.profiles, Tier1: profile('rp-1', 'Tier1', 'new') },
    };
    const now: Plan = {
      ...plan,
      liveFingerprint: FINGERPRINT_B,
      changes: [{ ...plan.changes[0], action: 'no-op', diffs: [], calls: [] }, plan.changes[1]],
      summary: { create: 0, update: 0, delete: 0, agents: 0, noOp: 2, calls: 0 },
    };
    const e = catching(() => assertSavedPlanApplies(saved, now, nowLive, 'profiles'));
    expect(e).toBeInstanceOf(StalePlanError);
    expect(e.message).toMatch(/live instance changed/);
    expect((e as StalePlanError).changes).toEqual(['queue q-1: name "Support" -> "Support (old)"', '"Tier1": description "old" -> "new"']);
  });

  it('says when a profile the plan would create appeared live', async () => {
    const creating: Plan = {
      ...plan,
      changes: [{ action: 'create', agents: 0, name: 'New', diffs: [], calls: [] }],
      summary: { create: 1, update: 0, delete: 0, agents: 0, noOp: 0, calls: 0 },
    };
    const before: LiveSnapshot = { ...live, profiles: { New: null } };
    const saved = await decodeSavedPlan(encodeSavedPlan({ plan: creating, live: before }), 'p');
    const after: LiveSnapshot = { ...live, profiles: { New: profile('rp-9', 'New', 'x') } };
    const e = catching(() => assertSavedPlanApplies(saved, { ...creating, liveFingerprint: FINGERPRINT_B }, after, 'profiles'));
    expect((e as StalePlanError).changes).toEqual(['"New": now live (rp-9)']);
  });

  it('refuses a plan made from other files', async () => {
    const saved = await decodeSavedPlan(encodeSavedPlan({ plan, live }), 'p');
    const now: Plan = { ...plan, changes: [plan.changes[0]], summary: { create: 0, update: 1, delete: 0, agents: 0, noOp: 0, calls: 1 } };
    const e = catching(() => assertSavedPlanApplies(saved, now, live, 'other'));
    expect(e.message).toBe('the saved plan was made from other profile files than those in other');
    expect((e as StalePlanError).changes).toEqual(['Sales: in the plan, not in the files']);
  });

  it('refuses a plan edited by hand, even with the right fingerprint', async () => {
    const saved = await decodeSavedPlan(encodeSavedPlan({ plan, live }), 'p');
    (saved.plan.changes[0].calls[0].input as { RoutingProfileId: string }).RoutingProfileId = 'rp-2';
    const e = catching(() => assertSavedPlanApplies(saved, plan, live, 'profiles'));
    expect(e.message).toMatch(/does not match the files in profiles: .*edited/);
  });
});

function catching(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}
