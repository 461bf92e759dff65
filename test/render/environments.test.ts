import { describe, expect, it } from 'vitest';
import {
  environmentResult,
  environmentsSummary,
  type EnvironmentOutcome,
  renderEnvironmentsJson,
  renderEnvironmentsMarkdown,
  renderEnvironmentsText,
} from '../../src/render/environments.js';
import { shareBudget } from '../../src/render/environments-markdown.js';
import { renderPlanJson } from '../../src/render/json.js';
import { GITHUB_COMMENT_LIMIT } from '../../src/render/markdown.js';
import { renderPlanText } from '../../src/render/text.js';
import type { Plan } from '../../src/plan/types.js';
import { createChange, emptyPlan, goldenPlan, noChangesPlan, planOf, prunePlan } from './fixtures.js';
import { threeEnvironments } from './environment-fixtures.js';

const failed = (environment: string): EnvironmentOutcome => ({ environment, error: { kind: 'aws', message: 'denied', hint: 'Check the credentials.' } });

describe('environmentsSummary', () => {
  it('sums up a plan run: changes, none, failed, in run order', () => {
    expect(environmentsSummary(threeEnvironments(), 'plan')).toBe('3 environments: dev 3 to change, test no changes, prod failed.');
  });

  it('uses drift words in a drift report', () => {
    expect(environmentsSummary(threeEnvironments(), 'drift')).toBe('3 environments: dev 3 out of sync, test no drift, prod failed.');
  });

  it('counts deletes as changes and names blocking problems, so a blocked plan never reads clean', () => {
    expect(environmentsSummary([{ environment: 'prod', plan: prunePlan() }], 'plan')).toBe('1 environment: prod 4 to change, 2 blocking problems.');
    const oneProblem = { ...emptyPlan(), problems: [{ kind: 'profile-quota' as const, message: 'quota reached' }] };
    expect(environmentResult({ environment: 'dev', plan: oneProblem }, 'plan')).toBe('no changes, 1 blocking problem');
  });

  it('says so when no environment ran', () => {
    expect(environmentsSummary([], 'plan')).toBe('0 environments.');
  });

  it('escapes every name like any live value', () => {
    expect(environmentsSummary([failed('a\u001b[2Jb')], 'plan')).toBe('1 environment: a\\u001b[2Jb failed.');
  });
});

describe('shareBudget', () => {
  it('serves small sections whole and splits the rest evenly', () => {
    expect(shareBudget([100, 5000, 5000], 3100)).toEqual([100, 1500, 1500]);
  });

  it('gives what a small section leaves to the larger ones', () => {
    expect(shareBudget([2000, 10, 900], 2100)).toEqual([1190, 10, 900]);
  });

  it('serves every section whole when they fit together', () => {
    expect(shareBudget([7, 900, 13], 920)).toEqual([7, 900, 13]);
    expect(shareBudget([5, 5, 5], 1000)).toEqual([5, 5, 5]);
  });

  it('never gives more than the budget, nor less than nothing', () => {
    const shares = shareBudget([7, 9, 11], 20);
    expect(shares.reduce((n, s) => n + s, 0)).toBeLessThanOrEqual(20);
    // 20 over three: the smallest gets a third (6), the next half of the 14 left (7), the last the rest (7).
    expect(shares).toEqual([6, 7, 7]);
    expect(shareBudget([7, 9], -5)).toEqual([0, 0]);
  });
});

/** A plan creating `count` profiles: about 1,600 characters of Markdown each. */
function bigPlan(count: number): Plan {
  return planOf(Array.from({ length: count }, (_, i) => ({ ...createChange(), name: `Profile ${String(i).padStart(3, '0')}` })));
}

describe('renderEnvironmentsMarkdown', () => {
  it('keeps a comment over many large plans within GitHub’s limit, every environment still listed', () => {
    const names = ['dev', 'test', 'stage', 'prod', 'dr'];
    const outcomes: EnvironmentOutcome[] = [...names.map((environment) => ({ environment, plan: bigPlan(60) })), failed('eu')];
    const text = renderEnvironmentsMarkdown(outcomes, { purpose: 'plan' });
    expect(text.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    for (const name of [...names, 'eu']) {
      expect(text).toContain(`| ${name} | `);
      expect(text).toContain(`<summary><strong>${name}</strong>`);
    }
    expect(text).toContain('Run `connect-gitops plan --env prod` to see the full plan.');
    expect(text.match(/^<details/gm)?.length).toBe(text.match(/^<\/details>/gm)?.length);
  });

  it('writes the rerun command copyable: an environment name inside a code span is not entity-escaped', () => {
    const outcomes: EnvironmentOutcome[] = [{ environment: 'dev_eu__1', plan: bigPlan(60) }, { environment: 'prod', plan: bigPlan(60) }];
    const text = renderEnvironmentsMarkdown(outcomes, { purpose: 'drift', maxLength: 20_000 });
    expect(text).toContain('Run `connect-gitops drift --env dev_eu__1` to see the full report.');
  });

  it('keeps a hostile environment name inert in the rerun command: control characters escaped, no backtick to end the span', () => {
    const outcomes: EnvironmentOutcome[] = [{ environment: 'a\u001b[2J`b', plan: bigPlan(60) }];
    const text = renderEnvironmentsMarkdown(outcomes, { purpose: 'plan', maxLength: 20_000 });
    expect(text).toContain("Run `connect-gitops plan --env a\\u001b[2J'b` to see the full plan.");
  });

  it('shows every plan whole when the comment fits', () => {
    const text = renderEnvironmentsMarkdown([{ environment: 'dev', plan: bigPlan(3) }], { purpose: 'plan' });
    expect(text).not.toContain('not shown');
    expect(text.match(/<strong>Profile \d+<\/strong>/g)).toHaveLength(3);
  });

  it('holds the bound even when the headings alone exceed it', () => {
    const outcomes = Array.from({ length: 50 }, (_, i) => failed(`env-${i}`));
    expect(renderEnvironmentsMarkdown(outcomes, { purpose: 'plan', maxLength: 2000 }).length).toBeLessThanOrEqual(2000);
  });

  it('has one level-2 heading, the comment’s own; each environment’s plan heading is level 3', () => {
    const text = renderEnvironmentsMarkdown(threeEnvironments(), { purpose: 'plan' });
    expect(text.match(/^## .*$/gm)).toEqual(['## connect-gitops plan: 3 environments']);
    expect(text.match(/^### .*$/gm)).toEqual(['### Environment dev', '### Environment test', '### Environment prod']);
  });
});

describe('renderEnvironmentsJson', () => {
  it('nests each planned environment as exactly its single-environment plan document', () => {
    const outcomes = threeEnvironments();
    const document = JSON.parse(renderEnvironmentsJson(outcomes)) as { formatVersion: number; environments: unknown[] };
    expect(document.formatVersion).toBe(1);
    const dev = outcomes[0] as { environment: string; plan: Plan };
    expect(document.environments[0]).toEqual(JSON.parse(renderPlanJson({ ...dev.plan, environment: 'dev' })));
    // Same keys in the same order at every depth, which toEqual does not compare: one reader serves both.
    expect(JSON.stringify(document.environments[0])).toBe(JSON.stringify(JSON.parse(renderPlanJson({ ...dev.plan, environment: 'dev' }))));
    expect(Object.keys(document.environments[0] as object).slice(0, 4)).toEqual(['formatVersion', 'instanceId', 'environment', 'prune']);
    expect(document.environments[2]).toEqual({
      environment: 'prod',
      instanceId: 'inst-prod',
      error: { kind: 'aws', message: expect.stringContaining('AccessDeniedException') as unknown, hint: expect.any(String) as unknown },
    });
  });

  it('names each plan after its outcome, whatever the plan carried', () => {
    const document = JSON.parse(renderEnvironmentsJson([{ environment: 'test', plan: { ...noChangesPlan(), environment: 'dev' } }])) as {
      environments: { environment: string }[];
    };
    expect(document.environments.map((e) => e.environment)).toEqual(['test']);
  });
});

describe('renderEnvironmentsText', () => {
  it('is each environment’s usual plan text under its heading, then the summary', () => {
    const plan = { ...goldenPlan(), environment: 'dev' };
    const text = renderEnvironmentsText([{ environment: 'dev', plan }, failed('prod')], { color: false, purpose: 'plan' });
    expect(text).toBe(
      `== Environment dev (instance inst-1) ==\n\n${renderPlanText(plan)}\n` +
        '== Environment prod: failed ==\n\nError: denied\nCheck the credentials.\n\n' +
        '2 environments: dev 3 to change, prod failed.\n',
    );
  });

  it('paints only when asked', () => {
    expect(renderEnvironmentsText(threeEnvironments(), { color: false, purpose: 'plan' })).not.toContain('\u001b');
    expect(renderEnvironmentsText(threeEnvironments(), { color: true, purpose: 'plan' })).toContain('\u001b[31m== Environment prod (instance inst-prod): failed ==\u001b[0m');
  });
});
