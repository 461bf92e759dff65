// Renderers of a run over several environments (plan or drift with --env all or repeated --env): text for a
// terminal, Markdown for one pull-request comment, JSON for machines. Pure, like every renderer here.
export { environmentResult, type EnvironmentError, type EnvironmentOutcome } from './environment-outcome.js';
export { renderEnvironmentsJson } from './environments-json.js';
export { type EnvironmentsMarkdownOptions, renderEnvironmentsMarkdown } from './environments-markdown.js';
export { environmentsSummary, type EnvironmentsTextOptions, renderEnvironmentsText } from './environments-text.js';
