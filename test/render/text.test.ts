import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { renderPlanJson } from '../../src/render/json.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { renderDriftText, renderPlanText } from '../../src/render/text.js';
import { formatValue } from '../../src/render/format.js';
import { displayWidth, textTable } from '../../src/render/text-table.js';
import { createChange, diff, emptyPlan, goldenPlan, hostilePlan, noChangesPlan, planOf, prunePlan, queue, scopedPlan, updateChange } from './fixtures.js';

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

describe('renderPlanText', () => {
  it('has no colour unless asked', () => {
    expect(renderPlanText(goldenPlan())).not.toContain('\u001b[');
    expect(renderPlanText(goldenPlan(), { color: true })).toContain('\u001b[32m+ create\u001b[0m');
  });

  it('ends with Terraform’s closing line, with deletes and agents only when there are some', () => {
    expect(lastLine(renderPlanText(goldenPlan()))).toBe('Plan: 1 to create, 2 to update, 1 unchanged (12 API calls; reaches 231 agents).');
    expect(lastLine(renderPlanText(prunePlan()))).toBe('Plan: 0 to create, 2 to update, 2 to delete, 1 unchanged (2 API calls; reaches 34 agents).');
    expect(lastLine(renderPlanText(planOf([createChange()])))).toBe('Plan: 1 to create, 0 to update, 0 unchanged (2 API calls).');
    expect(renderPlanText(emptyPlan())).toBe('No changes. Routing profiles match the files.\n');
    expect(renderDriftText(emptyPlan())).toBe('No drift. Routing profiles match the files.\n');
  });

  it('lists the live profiles no file declares even when nothing changes, closing line last', () => {
    const text = renderPlanText(noChangesPlan());
    expect(text).toContain('Not managed by these files: 2 live profiles\n  "Basic Routing Profile" (rp-basic)\n  "Team 01" (rp-team01) (owned)\n');
    expect(lastLine(text)).toBe('No changes. Routing profiles match the files.');
  });

  it('counts a prune delete as drift', () => {
    expect(lastLine(renderDriftText(prunePlan()))).toBe('Drift: 0 missing, 2 drifted, 2 undeclared, 1 in sync (2 API calls to reconcile; reaches 34 agents).');
  });

  it('cannot be repainted by a control character in a user value', () => {
    const change = updateChange();
    change.diffs = [diff(['description'], 'ok', 'evil\u001b[2J\n')];
    expect(renderPlanText(planOf([change]))).toContain('"evil\\u001b[2J\\n"');
  });

  it('shows one row per queue: priority and delay together, the ID only when two queues share a name', () => {
    const text = renderPlanText(planOf([updateChange()]));
    expect(text).toContain('        ~ Sales (q-sales-eu)  VOICE    1 -> 2    0\n');
    expect(text).toContain('        - Billing             CHAT     1         30\n');
    expect(text).not.toContain('Billing (q-billing)');
    expect(text).not.toContain('queues.');
  });

  it('keeps every line of a profile block with short values within 100 characters', () => {
    for (const plan of [goldenPlan(), prunePlan()]) {
      const block = renderPlanText(plan).split('\n').filter((l) => l.startsWith('  ') && !l.includes('✗'));
      expect(block.length).toBeGreaterThan(40);
      for (const line of block) expect(line.length, line).toBeLessThanOrEqual(100);
    }
  });

  it('groups by the structured path, not by the field string', () => {
    // A queue whose name looks like a path: the field string would mislead a parser, the path cannot.
    const odd = queue('q-odd', 'tags.x/VOICE.priority', 'CHAT');
    const change = { ...updateChange(), diffs: [diff(['queues', odd, 'priority'], 1, 2)], calls: [] };
    expect(renderPlanText(planOf([change]))).toContain('        ~ tags.x/VOICE.priority  CHAT     1 -> 2\n');
  });

  it('renders a plan read back from its JSON (absent sides as null) exactly like the plan itself', () => {
    for (const plan of [goldenPlan(), prunePlan(), scopedPlan(), hostilePlan(), noChangesPlan()]) {
      const saved = JSON.parse(renderPlanJson(plan)) as Plan;
      expect(renderPlanText(saved)).toBe(renderPlanText(plan));
      expect(renderPlanMarkdown(saved)).toBe(renderPlanMarkdown(plan));
    }
  });

  it('formats values compactly', () => {
    expect(formatValue(['a', 1])).toBe('["a", 1]');
    expect(formatValue({ k: 'v' })).toBe('{"k": "v"}');
    expect(formatValue(undefined)).toBe('(none)');
  });
});

describe('textTable', () => {
  it('aligns columns by terminal width: wide characters take two columns, joiners none', () => {
    const lines = textTable('', ['queue', 'channel'], [{ cells: ['販売', 'VOICE'] }, { cells: ['👩‍💻 Desk', 'CHAT'] }, { cells: ['Sales', 'TASK'] }]);
    expect(lines).toEqual(['queue    channel', '販売     VOICE', '👩‍💻 Desk  CHAT', 'Sales    TASK']);
    expect(displayWidth('क्‍ष')).toBe(2);
  });
});
