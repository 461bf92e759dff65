// The environments bench case's pure parts: the ratios it reports and the pacing bound it compares them with.
import { describe, expect, it } from 'vitest';
import { allOverSlower, allOverSum, type PairingResult } from '../../bench/environments-case.js';
import { pacingBoundSeconds, renderEnvironmentsReport, SIDE_BY_SIDE_TARGET } from '../../bench/environments-report.js';

function pairing(pairingKind: PairingResult['pairing'], dev: number, prod: number, all: number): PairingResult {
  const selection = (name: 'dev' | 'prod' | 'all', wallMs: number) => ({
    selection: name,
    wallMs,
    wallRunsMs: [wallMs],
    requests: { dev: name === 'prod' ? 0 : 122, prod: name === 'dev' ? 0 : 122 },
    calls: name === 'all' ? { DescribeRoutingProfile: 120, ListRoutingProfileQueues: 120 } : { DescribeRoutingProfile: 60, ListRoutingProfileQueues: 60 },
    maxThrottled: 0,
  });
  return {
    pairing: pairingKind,
    accounts: { dev: '111111111111', prod: pairingKind === 'same-account' ? '111111111111' : '222222222222' },
    selections: [selection('dev', dev), selection('prod', prod), selection('all', all)],
  };
}

describe('environments bench: ratios', () => {
  it('all over the slower environment, and over the sum', () => {
    const p = pairing('different-accounts', 5000, 6000, 6600);
    expect(allOverSlower(p)).toBeCloseTo(1.1, 9);
    expect(allOverSum(p)).toBeCloseTo(0.6, 9);
  });

  it("pacing bound: 60 Describe calls at 97 % of 10/s after a burst of 8; twice the calls on shared buckets", () => {
    // Burst 10 less a reserve of 2 (200 ms at 10/s); rate 9.7/s.
    expect(pacingBoundSeconds({ DescribeRoutingProfile: 60, ListRoutingProfileQueues: 60 }, 1)).toBeCloseTo(52 / 9.7, 9);
    expect(pacingBoundSeconds({ DescribeRoutingProfile: 120 }, 1)).toBeCloseTo(112 / 9.7, 9);
    expect(pacingBoundSeconds({ DescribeRoutingProfile: 120 }, 4)).toBeCloseTo(112 / 9.7 / 4, 9);
  });

  it('the report gives the verdict against the target for two accounts, the expectation for one', () => {
    const machine = { cpu: 'test', cores: 2, memoryGb: 1, node: 'v20', date: '2026-01-01' };
    const fast = renderEnvironmentsReport(
      { size: 60, runs: 1, timeScale: 1, pairings: [pairing('different-accounts', 5000, 5000, 5200), pairing('same-account', 5000, 5000, 10_000)] },
      { machine, args: ['--cases', 'environments'] },
    );
    expect(fast).toContain(`all / slower: **1.04** (target ≤ ${SIDE_BY_SIDE_TARGET} ✓)`);
    expect(fast).toMatch(/all \/ slower: \*\*2\.00\*\* \(shared buckets: expected about 2\.15, /);
    expect(fast).toContain('`npm run bench -- --cases environments`');
    const slow = renderEnvironmentsReport({ size: 60, runs: 1, timeScale: 1, pairings: [pairing('different-accounts', 5000, 5000, 9000)] }, { machine, args: [] });
    expect(slow).toContain(`all / slower: **1.80** (target ≤ ${SIDE_BY_SIDE_TARGET} ✗)`);
  });
});
