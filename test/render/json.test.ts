import { describe, expect, it } from 'vitest';
import { renderPlanJson } from '../../src/render/json.js';
import { goldenPlan, HOSTILE, hostilePlan, prunePlan, scopedPlan } from './fixtures.js';

type Json = Record<string, unknown>;

describe('renderPlanJson', () => {
  it('keeps formatVersion 1 and the documented key order, 2-space indent and a trailing newline', () => {
    const text = renderPlanJson(goldenPlan());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "formatVersion": 1,\n  "instanceId": "inst-1",\n  "prune": false,\n  "changes": [')).toBe(true);
    const json = JSON.parse(text) as Json;
    expect(Object.keys(json)).toEqual(['formatVersion', 'instanceId', 'prune', 'changes', 'unmanaged', 'warnings', 'problems', 'summary', 'liveFingerprint']);
    const changes = json.changes as Json[];
    expect(changes.map((c) => Object.keys(c))).toEqual([
      ['action', 'name', 'agents', 'diffs', 'calls'],
      ['action', 'name', 'routingProfileId', 'agents', 'diffs', 'calls'],
      ['action', 'name', 'routingProfileId', 'renamedFrom', 'agents', 'diffs', 'calls'],
      ['action', 'name', 'routingProfileId', 'agents', 'diffs', 'calls'],
    ]);
    expect(json.summary).toEqual({ create: 1, update: 2, delete: 0, noOp: 1, calls: 12, agents: 231 });
    expect(Object.keys(json.summary as Json)).toEqual(['create', 'update', 'delete', 'noOp', 'calls', 'agents']);
    const create = changes[0] as { diffs: Json[] };
    expect(create.diffs[0]).toEqual({ field: 'name', path: ['name'], before: null, after: 'Sales Inbound' });
  });

  it('writes a queue segment of a path as {queueId, queue, channel}', () => {
    const update = (JSON.parse(renderPlanJson(goldenPlan())) as { changes: { diffs: Json[] }[] }).changes[1];
    const sales = update?.diffs.find((d) => d.field === 'queues.Sales/VOICE.priority');
    expect(sales).toEqual({
      field: 'queues.Sales/VOICE.priority',
      path: ['queues', { queueId: 'q-sales-eu', queue: 'Sales', channel: 'VOICE' }, 'priority'],
      before: 1,
      after: 2,
    });
    expect(JSON.stringify(sales?.path)).toBe('["queues",{"queueId":"q-sales-eu","queue":"Sales","channel":"VOICE"},"priority"]');
  });

  it('carries environment, scope, blocked, unmanaged, warnings and problems in order', () => {
    const scoped = JSON.parse(renderPlanJson(scopedPlan())) as Json;
    expect(Object.keys(scoped).slice(0, 5)).toEqual(['formatVersion', 'instanceId', 'environment', 'prune', 'scope']);
    expect(scoped.scope).toEqual({ changedSince: 'origin/main', profiles: 2, declared: 500 });
    const prune = JSON.parse(renderPlanJson(prunePlan())) as { changes: Json[]; unmanaged: Json[]; problems: Json[]; summary: Json };
    const busy = prune.changes.find((c) => c.name === 'Busy Team') as Json;
    expect(Object.keys(busy)).toEqual(['action', 'name', 'routingProfileId', 'agents', 'blocked', 'diffs', 'calls']);
    expect(busy.blocked).toEqual({ associatedUsers: 23 });
    expect(busy.calls).toEqual([]);
    expect((busy.diffs as Json[]).every((d) => d.after === null)).toBe(true);
    expect(prune.changes.find((c) => c.name === 'Partner Desk')?.blocked).toEqual({ otherOwner: 'other-team' });
    expect(prune.unmanaged[1]).toEqual({ name: 'Busy Team', routingProfileId: 'rp-busy', owned: true });
    expect(Object.keys(prune.problems[0] as Json)).toEqual(['kind', 'name', 'message']);
    expect(prune.summary.delete).toBe(2);
  });

  it('carries the calls exactly as planned', () => {
    const plan = goldenPlan();
    const json = JSON.parse(renderPlanJson(plan)) as { changes: { calls: unknown[] }[] };
    expect(json.changes.map((c) => c.calls)).toEqual(plan.changes.map((c) => c.calls));
  });

  it('prints no raw control or bidi character, yet parses back to the very same strings', () => {
    const text = renderPlanJson(hostilePlan());
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
    const json = JSON.parse(text) as { changes: { name: string; renamedFrom: string }[]; unmanaged: { name: string }[] };
    expect(json.changes[0]?.name).toBe(HOSTILE.ansi);
    expect(json.changes[0]?.renamedFrom).toBe(HOSTILE.c1);
    expect(json.unmanaged[0]?.name).toBe(HOSTILE.bidi);
  });
});
