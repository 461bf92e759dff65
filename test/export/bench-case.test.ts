import { describe, expect, it } from 'vitest';
import { exportLowerBound, renderExportSection } from '../../bench/export-case.js';
import { quotaBound } from '../../bench/quota-bound.js';
import { defaultQuotaFor } from '../../src/connect/quotas.js';

describe('the export bench case', () => {
  it('bounds a 500-profile export by Describe and ListRoutingProfileQueues side by side', () => {
    const bound = exportLowerBound(500, 5, 25);
    expect(bound).toEqual({ ListQueues: 1, SearchRoutingProfiles: 1, DescribeRoutingProfile: 500, ListRoutingProfileQueues: 500 });
    expect(quotaBound(bound, defaultQuotaFor).seconds).toBeCloseTo(49, 9);
    expect(exportLowerBound(501, 101, 1001)).toMatchObject({ ListQueues: 2, SearchRoutingProfiles: 2, ListRoutingProfileQueues: 1002 });
  });

  it('renders calls against the bound and the time ratio', () => {
    const lowerBound = exportLowerBound(2, 5, 25);
    const text = renderExportSection({
      size: 2,
      runs: 1,
      timeScale: 2,
      median: { code: 0, files: 2, calls: { ...lowerBound }, throttled: 0, readMs: 100, wallMs: 900 },
      lowerBound,
      quotaBoundSeconds: 1,
      connectSeconds: 1.5,
    });
    expect(text).toContain('| 2 | 2 | DescribeRoutingProfile 2/2, ListQueues 1/1, ListRoutingProfileQueues 2/2, SearchRoutingProfiles 1/1 ✓ | 0 | 1.5 | 0.2 | 1.0 | 0.20 | 0.8 | 0.90 |');
  });
});
