// The renderers: pure functions from plan / apply result to text. Nothing here writes anywhere.
export { renderApplyResultText } from './apply-result.js';
// Escaping of live data for every place it is shown: terminal, logs, annotations, step summary, Markdown.
export { escapeControl, escapeJsonText, quoted } from './escape.js';
export { planJsonValue, renderPlanJson } from './json.js';
export { escapeMarkdown } from './markdown-escape.js';
export { GITHUB_COMMENT_LIMIT, type MarkdownOptions, renderPlanMarkdown } from './markdown.js';
export { closingLine, type PlanPurpose } from './purpose.js';
export { renderDriftText, renderPlanText, type TextOptions } from './text.js';
export {
  type EnvironmentOutcome,
  renderEnvironmentsJson,
  renderEnvironmentsMarkdown,
  renderEnvironmentsText,
} from './environments.js';
