import { describe, expect, it } from 'vitest';
import { renderPlanJson } from '../../src/render/json.js';
import { renderDriftText, renderPlanText } from '../../src/render/text.js';
import { formatValue } from '../../src/render/format.js';
import { goldenPlan, noChangesPlan } from './fixtures.js';

describe('renderPlanText', () => {
  it('has no colour unless asked', () => {
    expect(renderPlanText(goldenPlan())).not.toContain('\u001b[');
    expect(renderPlanText(goldenPlan(), { color: true })).toContain('\u001b[32m+ create\u001b[0m');
  });

  it('ends with Terraform’s closing line', () => {
    expect(renderPlanText(goldenPlan()).trimEnd().split('\n').at(-1)).toBe('Plan: 1 to create, 2 to update, 1 unchanged (12 API calls).');
    expect(renderPlanText(noChangesPlan())).toBe('No changes. Routing profiles match the files.\n');
    expect(renderDriftText(noChangesPlan())).toBe('No drift. Routing profiles match the files.\n');
  });

  it('cannot be repainted by a control character in a user value', () => {
    const plan = goldenPlan();
    const change = plan.changes.find((c) => c.action === 'update')!;
    change.diffs = [{ field: 'description', path: ['description'], before: 'ok', after: 'evil\u001b[2J\n' }];
    expect(renderPlanText(plan)).toContain('"evil\\u001b[2J\\n"');
  });

  it('formats values compactly', () => {
    expect(formatValue(['a', 1])).toBe('["a", 1]');
    expect(formatValue({ k: 'v' })).toBe('{"k": "v"}');
    expect(formatValue(undefined)).toBe('(none)');
  });
});

describe('renderPlanJson', () => {
  it('has design.md’s shape and key order, 2-space indent and a trailing newline', () => {
    const text = renderPlanJson(goldenPlan());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "formatVersion": 1,\n  "instanceId": "inst-1",\n  "changes": [')).toBe(true);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['formatVersion', 'instanceId', 'changes', 'summary', 'liveFingerprint']);
    const changes = json.changes as Record<string, unknown>[];
    expect(changes.map((c) => Object.keys(c))).toEqual([
      ['action', 'name', 'routingProfileId', 'diffs', 'calls'],
      ['action', 'name', 'diffs', 'calls'],
      ['action', 'name', 'routingProfileId', 'diffs', 'calls'],
      ['action', 'name', 'routingProfileId', 'diffs', 'calls'],
    ]);
    expect(Object.keys(json.summary as object)).toEqual(['create', 'update', 'noOp', 'calls']);
    const create = changes[1] as { diffs: { field: string; before: unknown; after: unknown }[]; calls: { operation: string }[] };
    expect(create.diffs[0]).toEqual({ field: 'name', before: null, after: 'Sales Inbound' });
    expect(create.calls.map((c) => c.operation)).toEqual(['CreateRoutingProfile', 'AssociateRoutingProfileQueues']);
  });

  it('carries the calls exactly as planned', () => {
    const plan = goldenPlan();
    const json = JSON.parse(renderPlanJson(plan)) as { changes: { calls: unknown[] }[] };
    expect(json.changes.map((c) => c.calls)).toEqual(plan.changes.map((c) => c.calls));
  });
});
