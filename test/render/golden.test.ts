import { describe, it } from 'vitest';
import { renderApplyResultText } from '../../src/render/apply-result.js';
import { renderPlanJson } from '../../src/render/json.js';
import { renderPlanMarkdown } from '../../src/render/markdown.js';
import { renderDriftText, renderPlanText } from '../../src/render/text.js';
import {
  completeApplyResult,
  createChange,
  emptyPlan,
  failedApplyResult,
  goldenPlan,
  hostilePlan,
  noChangesPlan,
  planOf,
  prunePlan,
  renameChange,
  scopedNoChangesPlan,
  scopedPlan,
  unreachableApplyResult,
  updateChange,
  verificationFailedApplyResult,
} from './fixtures.js';
import { expectGolden } from './golden.js';

describe('plan renderer golden files', () => {
  it.each([
    // One change each, so a reviewer of a golden diff sees one layout at a time.
    ['create.txt', () => renderPlanText(planOf([createChange()]))],
    ['create.md', () => renderPlanMarkdown(planOf([createChange()]))],
    ['update.txt', () => renderPlanText(planOf([updateChange()]))],
    ['update.md', () => renderPlanMarkdown(planOf([updateChange()]))],
    ['rename.txt', () => renderPlanText(planOf([renameChange()]))],
    ['rename.md', () => renderPlanMarkdown(planOf([renameChange()]))],
    // Everything together, in every format and both purposes.
    ['plan.txt', () => renderPlanText(goldenPlan())],
    ['plan-color.txt', () => renderPlanText(goldenPlan(), { color: true })],
    ['drift.txt', () => renderDriftText(goldenPlan())],
    ['plan.json', () => renderPlanJson(goldenPlan())],
    ['plan.md', () => renderPlanMarkdown(goldenPlan())],
    ['drift.md', () => renderPlanMarkdown(goldenPlan(), { purpose: 'drift' })],
    // Prune: delete, blocked delete, another owner, ownership stamp, unmanaged, warnings, problems.
    ['prune.txt', () => renderPlanText(prunePlan())],
    ['prune-drift.txt', () => renderDriftText(prunePlan())],
    ['prune.md', () => renderPlanMarkdown(prunePlan())],
    ['prune.json', () => renderPlanJson(prunePlan())],
    // No changes, but the unmanaged list and a warning still show.
    ['no-changes.txt', () => renderPlanText(noChangesPlan())],
    ['no-drift.txt', () => renderDriftText(noChangesPlan())],
    ['no-changes.md', () => renderPlanMarkdown(noChangesPlan())],
    ['no-changes.json', () => renderPlanJson(noChangesPlan())],
    ['empty.txt', () => renderPlanText(emptyPlan())],
    // plan --changed-since --env.
    ['scoped.txt', () => renderPlanText(scopedPlan())],
    ['scoped-drift.txt', () => renderDriftText(scopedPlan())],
    ['scoped.md', () => renderPlanMarkdown(scopedPlan())],
    ['scoped.json', () => renderPlanJson(scopedPlan())],
    ['scoped-no-changes.txt', () => renderPlanText(scopedNoChangesPlan())],
    ['scoped-no-changes.md', () => renderPlanMarkdown(scopedNoChangesPlan())],
    // Live data that tries to repaint a terminal, reorder text or break Markdown.
    ['hostile.txt', () => renderPlanText(hostilePlan())],
    ['hostile.md', () => renderPlanMarkdown(hostilePlan())],
    ['hostile.json', () => renderPlanJson(hostilePlan())],
  ])('%s', (file, render) => {
    expectGolden(file, render());
  });
});

describe('apply result golden files', () => {
  it.each([
    ['apply-complete.txt', () => renderApplyResultText(completeApplyResult())],
    ['apply-failed.txt', () => renderApplyResultText(failedApplyResult())],
    ['apply-verification-failed.txt', () => renderApplyResultText(verificationFailedApplyResult())],
    ['apply-unreachable.txt', () => renderApplyResultText(unreachableApplyResult())],
  ])('%s', (file, render) => {
    expectGolden(file, render());
  });
});
