// Whatever Connect holds, no renderer prints a character a terminal or a bidi-aware viewer would obey: every
// user-supplied string of a plan or an apply result is drawn from hostile text and the outputs are scanned.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../src/apply/types.js';
import type { Change, Plan } from '../../src/plan/types.js';
import { renderApplyResultText } from '../../src/render/apply-result.js';
import { renderEnvironmentsJson, renderEnvironmentsMarkdown, renderEnvironmentsText, type EnvironmentOutcome } from '../../src/render/environments.js';
import { renderPlanJson } from '../../src/render/json.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { renderDriftText, renderPlanText } from '../../src/render/text.js';
import { diff, planOf, queue } from './fixtures.js';

const DANGEROUS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const hostileChar = fc.oneof(
  fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '|', '`', '<'),
);
const hostile = fc.array(hostileChar, { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));

function hostilePlanOf(s: string[]): Plan {
  const at = (i: number): string => s[i % s.length] ?? 'x';
  const q1 = queue(at(0), at(1), 'VOICE');
  const q2 = queue(at(2), at(1), 'CHAT');
  const update: Change = {
    action: 'update',
    name: at(3),
    routingProfileId: at(4),
    renamedFrom: at(5),
    agents: 3,
    blocked: { otherOwner: at(6) },
    diffs: [
      diff(['description'], at(7), at(8)),
      diff(['defaultOutboundQueue'], at(1), at(9)),
      diff(['mediaConcurrencies', 'TASK', 'workloadTypes', at(10), 'concurrency'], undefined, 2),
      diff(['mediaConcurrencies', 'TASK', 'workloadTypes', at(10), 'crossChannelWorkloadBehavior'], 'ROUTE_ANY_CHANNEL_ANY_WORKLOAD_TYPE', at(11)),
      diff(['queues', q1, 'priority'], 1, 2),
      diff(['queues', q2, 'priority'], undefined, 3),
      diff(['queues', q2, 'delay'], undefined, 0),
      diff(['manualAssignmentQueues', q1], undefined, true),
      diff(['tags', at(12)], at(13), at(14)),
      diff([at(15)], at(16), undefined),
    ],
    calls: [],
  };
  const remove: Change = { action: 'delete', name: at(17), routingProfileId: at(18), agents: 0, diffs: [diff(['description'], at(19), undefined)], calls: [] };
  return planOf([update, remove], {
    environment: at(20),
    scope: { changedSince: at(21), profiles: 1, declared: 2 },
    unmanaged: [{ name: at(22), routingProfileId: at(23), owned: true }],
    warnings: [at(24)],
    problems: [{ kind: 'other-owner', name: at(3), message: at(25) }],
  });
}

function hostileResult(s: string[]): ApplyResult {
  const at = (i: number): string => s[i % s.length] ?? 'x';
  const call = { operation: 'DeleteRoutingProfile', input: { InstanceId: 'i', RoutingProfileId: at(0) } } as const;
  return {
    changes: [
      { name: at(1), routingProfileId: at(2), action: 'delete', outcome: 'failed', calls: [{ status: 'failed', call, errorName: at(3), message: at(4), hint: at(5) }] },
      { name: at(6), action: 'delete', outcome: 'blocked', blocked: { otherOwner: at(7) }, calls: [] },
      { name: at(8), action: 'delete', outcome: 'skipped', calls: [{ status: 'skipped', call, reason: at(9) }] },
      { name: at(10), action: 'update', outcome: 'done', calls: [{ status: 'done', call, note: at(11) }] },
    ],
    converged: false,
    notConverged: [{ name: at(12), fields: [at(13)] }],
    interrupted: false,
    verification: { status: 'failed', error: at(14) },
  };
}

/** A run over two environments: one planned, one stopped by an error that quotes live data over several lines. */
function hostileOutcomes(plan: Plan, s: string[]): EnvironmentOutcome[] {
  const at = (i: number): string => s[i % s.length] ?? 'x';
  return [
    { environment: at(20), plan },
    { environment: at(0), error: { kind: 'aws', message: `${at(25)}\n${at(4)}`, hint: at(5) } },
  ];
}

describe('hostile live data in every renderer', () => {
  it('never reaches the output raw', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 26, maxLength: 26 }), (strings) => {
        const plan = hostilePlanOf(strings);
        const outcomes = hostileOutcomes(plan, strings);
        for (const out of [
          renderPlanText(plan),
          renderDriftText(plan),
          renderPlanMarkdown(plan),
          renderPlanJson(plan),
          renderApplyResultText(hostileResult(strings)),
          renderEnvironmentsText(outcomes, { color: false, purpose: 'plan' }),
          renderEnvironmentsMarkdown(outcomes, { purpose: 'drift' }),
          renderEnvironmentsJson(outcomes),
        ]) {
          expect(out).not.toMatch(DANGEROUS);
        }
      }),
      { numRuns: 200 },
    );
  });
});
