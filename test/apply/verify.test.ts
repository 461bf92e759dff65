import { describe, expect, it } from 'vitest';
import { verifyConverged } from '../../src/apply/verify.js';
import type { Change, Plan } from '../../src/plan/types.js';
import { VirtualClock } from '../connect/support/virtual-clock.js';

const planOf = (changes: Change[]): Plan => ({
  formatVersion: 1,
  instanceId: 'i',
  changes,
  prune: false, unmanaged: [], warnings: [], problems: [], summary: { create: 0, update: changes.length, delete: 0, agents: 0, noOp: 0, calls: 0 },
  liveFingerprint: 'f',
});
const lagging: Change = { action: 'update', agents: 0, name: 'A', routingProfileId: 'rp', diffs: [{ field: 'description', path: ['description'], before: 'a', after: 'b' }], calls: [] };
const same: Change = { action: 'no-op', agents: 0, name: 'B', diffs: [], calls: [] };

describe('verifyConverged', () => {
  it('retries while Search lags, then reports converged', async () => {
    const clock = new VirtualClock();
    let n = 0;
    const result = await verifyConverged(async () => planOf(++n < 3 ? [lagging, same] : [same]), { timeoutMs: 30_000, clock });
    expect(result).toEqual({ converged: true, notConverged: [], verification: { status: 'converged' } });
    expect(n).toBe(3);
  });

  it('reports the fields still different once the bound passes', async () => {
    const clock = new VirtualClock();
    let n = 0;
    const result = await verifyConverged(async () => (n++, planOf([lagging])), { timeoutMs: 5_000, clock });
    expect(result).toEqual({
      converged: false,
      notConverged: [{ name: 'A', fields: ['description'] }],
      verification: { status: 'not-converged', notConverged: [{ name: 'A', fields: ['description'] }] },
    });
    expect(clock.now()).toBeLessThanOrEqual(5_000);
    expect(n).toBeGreaterThan(1);
  });
});
