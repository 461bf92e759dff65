import { describe, it } from 'vitest';
import { renderApplyResultText } from '../../src/render/apply-result.js';
import { renderPlanJson } from '../../src/render/json.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { renderDriftText, renderPlanText } from '../../src/render/text.js';
import { goldenApplyResult, goldenPlan, noChangesPlan, successfulApplyResult } from './fixtures.js';
import { expectGolden } from './golden.js';

describe('renderer golden files', () => {
  const plan = goldenPlan();
  it.each([
    ['plan.txt', () => renderPlanText(plan)],
    ['plan-color.txt', () => renderPlanText(plan, { color: true })],
    ['drift.txt', () => renderDriftText(plan)],
    ['no-changes.txt', () => renderPlanText(noChangesPlan())],
    ['no-drift.txt', () => renderDriftText(noChangesPlan())],
    ['plan.json', () => renderPlanJson(plan)],
    ['no-changes.json', () => renderPlanJson(noChangesPlan())],
    ['plan.md', () => renderPlanMarkdown(plan)],
    ['drift.md', () => renderPlanMarkdown(plan, { purpose: 'drift' })],
    ['no-changes.md', () => renderPlanMarkdown(noChangesPlan())],
    ['apply-failed.txt', () => renderApplyResultText(goldenApplyResult(plan))],
    ['apply-complete.txt', () => renderApplyResultText(successfulApplyResult(plan))],
  ])('%s', (file, render) => {
    expectGolden(file, render());
  });
});
