import { describe, expect, it } from 'vitest';
import { GITHUB_COMMENT_LIMIT, renderPlanMarkdown } from '../../src/render/markdown.js';
import type { Change, Plan } from '../../src/plan/types.js';
import { goldenPlan, noChangesPlan, planOf, prunePlan, scopedPlan } from './fixtures.js';

/** A 500-profile plan, each profile with many long diffs: far beyond one comment. */
function hugePlan(): Plan {
  return planOf(
    Array.from({ length: 500 }, (_, i): Change => ({
      action: 'update', agents: 0,
      name: `Profile ${String(i).padStart(3, '0')}`,
      routingProfileId: `rp-${i}`,
      diffs: Array.from({ length: 8 }, (_, j) => ({ field: `tags.key${j}`, path: ['tags', `key${j}`], before: 'x'.repeat(40), after: 'y'.repeat(40) })),
      calls: [{ operation: 'TagResource', input: { resourceArn: `arn:rp-${i}`, tags: { key0: 'y' } } }],
    })),
  );
}

describe('renderPlanMarkdown truncation', () => {
  it('keeps a 500-profile plan within GitHub’s limit and says how many profiles were left out', () => {
    const md = renderPlanMarkdown(hugePlan());
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const shown = (md.match(/<details>/g) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(500);
    expect(md).toContain(
      `… ${500 - shown} more profiles not shown (output truncated to fit GitHub's 65,536-character limit). Run \`connect-gitops plan\` to see the full plan.`,
    );
    // Whole sections only: every opened <details> is closed, and the closing summary is still there.
    expect((md.match(/<\/details>/g) ?? []).length).toBe(shown);
    expect(md.trimEnd().endsWith('Plan: 0 to create, 500 to update, 0 unchanged (500 API calls).')).toBe(true);
    // The table lists the same profiles as the sections.
    expect((md.match(/^\| `~` update \|/gm) ?? []).length).toBe(shown);
  });

  it('honours any maxLength, down to a few characters', () => {
    for (const maxLength of [5000, 2000, 300, 40, 3, 0]) {
      expect(renderPlanMarkdown(hugePlan(), { maxLength }).length).toBeLessThanOrEqual(maxLength);
    }
    expect(renderPlanMarkdown(hugePlan(), { maxLength: 5000 })).toContain("the 5,000-character limit");
  });

  it('does not truncate what fits', () => {
    const md = renderPlanMarkdown(goldenPlan());
    expect(md).not.toContain('not shown');
    expect((md.match(/<details>/g) ?? []).length).toBe(3);
    expect(renderPlanMarkdown(prunePlan())).not.toContain('not shown');
  });

  it('points a truncated drift report at the drift command', () => {
    expect(renderPlanMarkdown(hugePlan(), { purpose: 'drift' })).toContain('Run `connect-gitops drift` to see the full report.');
  });
});

describe('renderPlanMarkdown escaping', () => {
  const nasty = 'Sales | EU <script>alert(1)</script> `rm -rf` *bold* [link](x)';
  const md = renderPlanMarkdown(
    planOf([
      {
        action: 'update',
        agents: 0,
        name: nasty,
        routingProfileId: 'rp-1',
        diffs: [
          { field: 'description', path: ['description'], before: 'a | b', after: 'line one\nline two `x`' },
          { field: 'tags.k|ey', path: ['tags', 'k|ey'], before: undefined, after: '<b>v</b>' },
        ],
        calls: [{ operation: 'TagResource', input: { resourceArn: 'arn:rp-1', tags: { 'k|ey': '<b>v</b>' } } }],
      },
    ]),
    { title: 'Plan for <main> | prod' },
  );

  it('never lets a user value add a table column, open a tag or a code span', () => {
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('`rm');
    expect(md).not.toContain('`x`');
    expect(md).toContain('Sales &#124; EU &lt;script&gt;alert(1)&lt;/script&gt; &#96;rm -rf&#96; &#42;bold&#42; &#91;link&#93;(x)');
    expect(md).toContain('## Plan for &lt;main&gt; &#124; prod');
    // Every table row keeps exactly its own cell separators: the summary table has 4 columns, the tags table 3.
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((row) => row.split('|').length - 1)).toEqual([5, 4]);
    // Values are quoted like in the text plan, so a line break shows as \n rather than ending the row.
    expect(md).toContain('"line one&#92;nline two &#96;x&#96;"');
  });
});

describe('renderPlanMarkdown sections', () => {
  it('puts blocking problems first, as a caution, and the unmanaged list under No changes', () => {
    const prune = renderPlanMarkdown(prunePlan());
    expect(prune.indexOf('> [!CAUTION]')).toBeLessThan(prune.indexOf('| Action |'));
    expect(prune).toContain('| `-` delete (blocked) | Busy Team | 23 | 0 |');
    expect(prune).toContain('**Blocked:** 23 agents still use this profile.');
    expect(prune).toContain('**Blocked:** owned by "other-team".');
    const none = renderPlanMarkdown(noChangesPlan());
    expect(none).toContain('<summary>Not managed by these files: 2 live profiles</summary>');
    expect(none.trimEnd().split('\n').at(-1)).toBe('No changes. Routing profiles match the files.');
  });

  it('names the environment in its own heading, and leaves a caller’s title as given', () => {
    expect(renderPlanMarkdown(scopedPlan()).startsWith('## connect-gitops plan: prod\n')).toBe(true);
    expect(renderPlanMarkdown(scopedPlan(), { purpose: 'drift' }).startsWith('## connect-gitops drift report: prod\n')).toBe(true);
    expect(renderPlanMarkdown(scopedPlan(), { title: 'Environment prod' }).startsWith('## Environment prod\n')).toBe(true);
  });

  it('keeps every table within four columns besides the marker', () => {
    for (const plan of [goldenPlan(), prunePlan()]) {
      const widths = renderPlanMarkdown(plan)
        .split('\n')
        .filter((l) => l.startsWith('| '))
        .map((l) => l.split(' | ').length);
      expect(Math.max(...widths)).toBeLessThanOrEqual(5);
    }
  });

  it('lists at most 50 unmanaged profiles and says how many more there are', () => {
    const plan = noChangesPlan();
    plan.unmanaged = Array.from({ length: 60 }, (_, i) => ({ name: `P${i}`, routingProfileId: `rp-${i}`, owned: false }));
    const md = renderPlanMarkdown(plan);
    expect(md).toContain('- … and 10 more (the text and JSON plans list them all)');
    expect(md).toContain('<summary>Not managed by these files: 60 live profiles</summary>');
  });
});
