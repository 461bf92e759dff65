// The renderers: pure functions from plan / apply result to text. Nothing here writes anywhere.
export { renderApplyResultText } from './apply-result.js';
export { renderPlanJson } from './json.js';
export { GITHUB_COMMENT_LIMIT, type MarkdownOptions, renderPlanMarkdown } from './markdown.js';
export type { PlanPurpose } from './purpose.js';
export { renderDriftText, renderPlanText, type TextOptions } from './text.js';
