import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../src/apply/types.js';
import { renderApplyResultText } from '../../src/render/apply-result.js';
import { completeApplyResult, createChange, HOSTILE, verificationFailedApplyResult } from './fixtures.js';

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}

describe('renderApplyResultText', () => {
  it('closes with Apply complete only when everything was done and verified', () => {
    expect(lastLine(renderApplyResultText(completeApplyResult()))).toBe('Apply complete: 1 created, 1 adopted, 2 updated, 1 deleted, 0 failed (15 API calls).');
  });

  it('counts an adopted create as adopted, also when only its call says so', () => {
    const create = createChange();
    const result: ApplyResult = {
      changes: [
        {
          name: create.name,
          routingProfileId: 'rp-x',
          outcome: 'done',
          calls: create.calls.map((call, i) => (i === 0 ? { status: 'adopted', call, routingProfileId: 'rp-x' } : { status: 'done', call })),
        },
      ],
      converged: true,
      notConverged: [],
      interrupted: false,
    };
    const text = renderApplyResultText(result);
    expect(text).toContain('  + "Sales Inbound" (rp-x): adopted (a profile of that name already existed; 2 API calls)\n');
    expect(lastLine(text)).toBe('Apply complete: 0 created, 1 adopted, 0 updated, 0 failed (2 API calls).');
  });

  it('prints the report before saying the verification could not run', () => {
    const text = renderApplyResultText(verificationFailedApplyResult());
    expect(text.indexOf('created (2 API calls)')).toBeLessThan(text.indexOf('The verification could not run: SearchRoutingProfiles failed'));
    expect(lastLine(text)).toMatch(/^Apply unverified: 1 created, 1 updated, 0 failed \(3 API calls\)\./);
  });

  it('says an interrupted apply was interrupted and counts what was skipped', () => {
    const create = createChange();
    const result: ApplyResult = {
      changes: [{ name: create.name, action: 'create', outcome: 'skipped', calls: create.calls.map((call) => ({ status: 'skipped', call, reason: 'apply was interrupted' })) }],
      converged: false,
      notConverged: [],
      interrupted: true,
      verification: { status: 'not-run', reason: 'apply was interrupted' },
    };
    const text = renderApplyResultText(result);
    expect(text).toContain('  - "Sales Inbound": skipped\n      - CreateRoutingProfile skipped (apply was interrupted)');
    expect(text).toContain('The verification did not run: apply was interrupted.');
    expect(lastLine(text)).toBe('Apply interrupted: 0 created, 0 updated, 0 failed, 1 skipped (0 API calls). Run apply again to finish; it carries on from what is live.');
  });

  it('escapes names and Connect’s messages', () => {
    const create = createChange();
    const text = renderApplyResultText({
      changes: [
        {
          name: HOSTILE.ansi,
          action: 'create',
          outcome: 'failed',
          calls: [{ status: 'failed', call: create.calls[0]!, errorName: 'X\u009b', message: HOSTILE.bidi, hint: HOSTILE.del }],
        },
      ],
      converged: false,
      notConverged: [{ name: HOSTILE.isolate, fields: [`tags.${HOSTILE.c1}`] }],
      interrupted: false,
    });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200f]/);
    expect(text).toContain('"Sales\\u001b[2J\\u001b[31mEvil": failed after 1 of 1 API call');
  });

  it('reports a nothing-to-do apply', () => {
    expect(renderApplyResultText({ changes: [], converged: true, notConverged: [], interrupted: false })).toBe(
      'Verified: live routing profiles match the files.\n\nApply complete: 0 created, 0 updated, 0 failed (0 API calls).\n',
    );
  });
});
