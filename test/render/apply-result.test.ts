import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../src/apply/types.js';
import { renderApplyResultText } from '../../src/render/apply-result.js';
import { goldenPlan, successfulApplyResult } from './fixtures.js';

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1) ?? '';
}

describe('renderApplyResultText', () => {
  it('closes with Apply complete when everything converged', () => {
    expect(lastLine(renderApplyResultText(successfulApplyResult(goldenPlan())))).toBe('Apply complete: 1 created, 2 updated, 0 failed (12 API calls).');
  });

  it('says an interrupted apply was interrupted and counts what was skipped', () => {
    const plan = goldenPlan();
    const tier2 = plan.changes.find((c) => c.name === 'Tier2 Support')!;
    const result: ApplyResult = {
      ...successfulApplyResult(plan),
      changes: [
        ...successfulApplyResult(plan).changes.filter((c) => c.name !== 'Tier2 Support'),
        { name: tier2.name, routingProfileId: tier2.routingProfileId, outcome: 'skipped', calls: tier2.calls.map((call) => ({ status: 'skipped', call, reason: 'apply was interrupted' })) },
      ],
      converged: false,
      interrupted: true,
    };
    const text = renderApplyResultText(result);
    expect(text).toContain('  - "Tier2 Support" (rp-tier2): skipped\n      - TagResource skipped (apply was interrupted)');
    expect(lastLine(text)).toBe(
      'Apply interrupted: 1 created, 1 updated, 0 failed, 1 skipped (11 API calls). Run apply again to finish; it carries on from what is live.',
    );
  });

  it('reports a nothing-to-do apply', () => {
    expect(renderApplyResultText({ changes: [], converged: true, notConverged: [], interrupted: false })).toBe('Apply complete: 0 created, 0 updated, 0 failed (0 API calls).\n');
  });
});
