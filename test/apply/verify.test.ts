import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../src/apply/types.js';
import { verifyApply, verifyConverged } from '../../src/apply/verify.js';
import { AwsError } from '../../src/errors.js';
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

describe('verifyApply', () => {
  const applied = (over: Partial<ApplyResult> = {}): ApplyResult => ({
    changes: [{ name: 'A', action: 'update', routingProfileId: 'rp', outcome: 'done', calls: [] }],
    converged: false,
    notConverged: [],
    interrupted: false,
    ...over,
  });

  it('a re-read that fails keeps the report and says why, naming the operation', async () => {
    const result = await verifyApply(applied(), async () => {
      throw new AwsError('Rate exceeded (after 20 attempts over 300 s)', 'SearchRoutingProfiles', 'ThrottlingException', 'hint');
    });
    expect(result.changes).toEqual(applied().changes);
    expect(result.converged).toBe(false);
    expect(result.verification).toEqual({ status: 'failed', error: 'SearchRoutingProfiles failed: ThrottlingException: Rate exceeded (after 20 attempts over 300 s)' });
  });

  it.each([
    [{ interrupted: true }, 'apply was interrupted'],
    [{ unreachable: true }, 'Connect became unreachable during apply'],
  ])('%j: not run, and no re-read is attempted', async (over, reason) => {
    let reads = 0;
    const result = await verifyApply(applied(over), async () => (reads++, planOf([])));
    expect(reads).toBe(0);
    expect(result.verification).toEqual({ status: 'not-run', reason });
  });

  it('does not wait for a change the plan blocked', async () => {
    const clock = new VirtualClock();
    const blocked: ApplyResult['changes'][number] = { name: 'A', action: 'delete', outcome: 'blocked', calls: [] };
    const result = await verifyApply(applied({ changes: [blocked] }), async () => planOf([lagging]), { clock });
    expect(clock.now()).toBe(0);
    expect(result.verification).toEqual({ status: 'not-converged', notConverged: [{ name: 'A', fields: ['description'] }] });
  });
});
