// What a run reads and plans: names from renamedFrom are read too; a scope keeps the documents it names.
import { describe, expect, it } from 'vitest';
import { inScope } from '../../src/cli/current-plan.js';
import { declaredProfiles } from '../../src/live/declared.js';
import type { DesiredProfile } from '../../src/desired/types.js';

const profile = (name: string, extra: Partial<DesiredProfile> = {}): DesiredProfile => ({
  name,
  description: 'd',
  defaultOutboundQueue: 'Q',
  mediaConcurrencies: [{ channel: 'VOICE', concurrency: 1 }],
  source: { file: 'p.yaml', line: 1, column: 1 },
  locations: {},
  ...extra,
});

describe('declaredProfiles, of the loaded profiles a run plans', () => {
  it('reads each profile under its name and every name it was renamed from, with the lists its file manages', () => {
    expect(
      declaredProfiles([
        profile('Frontline', { renamedFrom: ['Tier1', 'Tier 1'], queues: [], manualAssignmentQueues: [] }),
        profile('Sales'),
      ]),
    ).toEqual([
      { name: 'Frontline', managesQueues: true, managesManualQueues: true },
      { name: 'Tier1', managesQueues: true, managesManualQueues: true },
      { name: 'Tier 1', managesQueues: true, managesManualQueues: true },
      { name: 'Sales', managesQueues: false, managesManualQueues: false },
    ]);
  });
});

describe('inScope', () => {
  const scope = { changedSince: 'main', names: new Set(['Sales', 'Tier1']) };
  it.each([
    ['no scope: everything', profile('Other'), undefined, true],
    ['a touched name', profile('Sales'), scope, true],
    ['renamed from a touched name', profile('Frontline', { renamedFrom: ['Tier1'] }), scope, true],
    ['untouched', profile('Billing'), scope, false],
  ])('%s', (_what, p, s, expected) => {
    expect(inScope(p, s)).toBe(expected);
  });
});
