// apply and validate results as data: versioned, keys in a fixed order (golden files), counted as a user reads them.
import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../src/apply/types.js';
import type { Call } from '../../src/plan/types.js';
import { renderApplyResultJson } from '../../src/render/apply-result-json.js';
import { renderValidateJson } from '../../src/render/validate-json.js';
import { expectCliGolden } from './golden.js';

const update: Call = { operation: 'UpdateRoutingProfileName', input: { InstanceId: 'i-1', RoutingProfileId: 'rp-1', Name: 'Tier1', Description: 'new' } };
const create: Call = {
  operation: 'CreateRoutingProfile',
  input: { InstanceId: 'i-1', Name: 'Sales', Description: 'd', DefaultOutboundQueueId: 'q-1', MediaConcurrencies: [{ Channel: 'VOICE', Concurrency: 1 }] },
};
const tag: Call = { operation: 'TagResource', input: { resourceArn: 'arn:rp-3', tags: { team: 'x' } } };
const del: Call = { operation: 'DeleteRoutingProfile', input: { InstanceId: 'i-1', RoutingProfileId: 'rp-9' } };

const mixed: ApplyResult = {
  changes: [
    { name: 'Sales', action: 'create', routingProfileId: 'rp-2', outcome: 'adopted', calls: [{ status: 'adopted', call: create, routingProfileId: 'rp-2', note: 'created by an earlier attempt' }] },
    { name: 'Tier1', action: 'update', routingProfileId: 'rp-1', outcome: 'done', calls: [{ status: 'done', call: update }] },
    {
      name: 'Billing',
      action: 'update',
      routingProfileId: 'rp-3',
      outcome: 'failed',
      calls: [
        { status: 'failed', call: update, errorName: 'InvalidParameterException', message: 'bad', hint: 'fix the file' },
        { status: 'skipped', call: tag, reason: 'not sent: UpdateRoutingProfileName failed earlier for this profile' },
      ],
    },
    { name: 'Old Team', action: 'delete', routingProfileId: 'rp-9', outcome: 'blocked', calls: [] },
    { name: 'Quiet', action: 'no-op', routingProfileId: 'rp-5', outcome: 'unchanged', calls: [] },
    { name: 'Gone', action: 'delete', routingProfileId: 'rp-8', outcome: 'done', calls: [{ status: 'done', call: del }] },
  ],
  converged: false,
  notConverged: [{ name: 'Billing', fields: ['description'] }],
  interrupted: false,
  verification: { status: 'not-converged', notConverged: [{ name: 'Billing', fields: ['description'] }] },
};

describe('renderApplyResultJson', () => {
  it('every outcome, in a fixed key order (golden)', () => {
    expectCliGolden('apply-result-mixed.json', renderApplyResultJson(mixed, { instanceId: 'i-1', environment: 'prod' }));
  });

  it('counts an adopted create as adopted, not created; unchanged profiles are counted, not listed', () => {
    const json = JSON.parse(renderApplyResultJson(mixed, { instanceId: 'i-1' })) as { succeeded: boolean; changes: { name: string }[]; summary: Record<string, number> };
    expect(json.succeeded).toBe(false);
    expect(json.summary).toEqual({ created: 0, adopted: 1, updated: 1, deleted: 1, unchanged: 1, failed: 1, skipped: 0, blocked: 1, calls: 4 });
    expect(json.changes.map((c) => c.name)).toEqual(['Sales', 'Tier1', 'Billing', 'Old Team', 'Gone']);
  });

  it('a verification that could not run is data too', () => {
    const r: ApplyResult = { changes: [], converged: false, notConverged: [], interrupted: true, unreachable: true, verification: { status: 'not-run', reason: 'apply was interrupted' } };
    const json = JSON.parse(renderApplyResultJson(r, { instanceId: 'i-1' })) as Record<string, unknown>;
    expect(json).toMatchObject({ succeeded: false, interrupted: true, unreachable: true, verification: { status: 'not-run', reason: 'apply was interrupted' } });
    expect(JSON.parse(renderApplyResultJson({ ...r, verification: undefined }, { instanceId: 'i-1' }))).toMatchObject({ verification: null });
  });
});

describe('renderValidateJson', () => {
  it('the problems with their positions, keys in a fixed order (golden)', () => {
    expectCliGolden(
      'validate-invalid.json',
      renderValidateJson({
        profiles: 0,
        files: 2,
        problems: [
          { file: 'profiles/a.yaml', line: 6, column: 18, message: 'mediaConcurrencies[0].concurrency: VOICE concurrency must be exactly 1, not 2' },
          { file: 'profiles/b.yaml', line: 1, column: 1, message: 'name: required' },
        ],
      }),
    );
    expect(JSON.parse(renderValidateJson({ profiles: 3, files: 2, problems: [] }))).toEqual({ formatVersion: 1, valid: true, profiles: 3, files: 2, problems: [] });
  });
});
