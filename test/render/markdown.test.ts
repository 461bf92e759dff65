import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/markdown-escape.js';
import { GITHUB_COMMENT_LIMIT, renderPlanMarkdown } from '../../src/render/markdown.js';
import type { Change, Plan } from '../../src/plan/types.js';
import { goldenPlan } from './fixtures.js';

function planOf(changes: Change[]): Plan {
  return {
    formatVersion: 1,
    instanceId: 'inst-1',
    changes,
    prune: false, unmanaged: [], warnings: [], problems: [], summary: {
      create: changes.filter((c) => c.action === 'create').length,
      update: changes.filter((c) => c.action === 'update').length,
      delete: 0, agents: 0, noOp: changes.filter((c) => c.action === 'no-op').length,
      calls: changes.reduce((n, c) => n + c.calls.length, 0),
    },
    liveFingerprint: 'sha256:0',
  };
}

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
        action: 'update', agents: 0,
        name: nasty,
        routingProfileId: 'rp-1',
        diffs: [
          { field: 'description', path: ['description'], before: 'a | b', after: 'line one\nline two `x`' },
          { field: 'tags.k|ey', path: ['tags.k|ey'], before: undefined, after: '<b>v</b>' },
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
    // Every table row (both tables have four columns) keeps exactly its own cell separators.
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.split('|').length - 1).toBe(5);
    // Values are quoted like in the text plan, so a line break shows as \n rather than ending the row.
    expect(md).toContain('"line one&#92;nline two &#96;x&#96;"');
    expect(escapeMarkdown('raw\nbreak')).toBe('raw<br>break');
  });

  it('escapes every character that could break Markdown or HTML', () => {
    expect(escapeMarkdown('a|b<c>d&e`f\\g_h_ _i_ ~j~')).toBe('a&#124;b&lt;c&gt;d&amp;e&#96;f&#92;g_h&#95; &#95;i&#95; &#126;j&#126;');
    expect(escapeMarkdown('ROUTE_ANY_CHANNEL')).toBe('ROUTE_ANY_CHANNEL');
  });
});
