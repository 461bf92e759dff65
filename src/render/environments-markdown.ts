// Several environments' plans as one sticky pull-request comment: a level-2 heading, a summary table (one row per
// environment: result, creates, updates, deletes, agents reached), then one collapsible section per environment
// holding its usual plan Markdown (renderPlanMarkdown) with its heading moved down to level 3, or the error that
// stopped it. Sections a reviewer must act on (a failure, blocking problems) start open; the rest start closed,
// so the comment stays short while the table says where to look.
//
// The whole comment stays within GitHub's 65,536 characters: the heading, the table and every section's frame
// are always kept, and the room left is shared among the plans, each fitting its share the way a single plan
// fits a whole comment (whole profile sections dropped from the end, with a note). A plan smaller than its
// share keeps everything and leaves the rest to the others.
import { escapeMarkdown } from './markdown-escape.js';
import { environmentPlan, environmentResult, type EnvironmentOutcome, type PlannedEnvironment } from './environment-outcome.js';
import { countOf } from './format.js';
import { capitalised, DEFAULT_TITLE, fit, GITHUB_COMMENT_LIMIT, limitPhrase, markdownTable, renderPlanMarkdown } from './markdown.js';
import { actionLabel, type PlanPurpose } from './purpose.js';

export interface EnvironmentsMarkdownOptions {
  purpose: PlanPurpose;
  /** The comment's bound; GitHub's limit unless a caller has a smaller one. */
  maxLength?: number;
}

const md = escapeMarkdown;

function summaryTable(outcomes: readonly EnvironmentOutcome[], purpose: PlanPurpose): string {
  // The counts' headers use the same words as the action column of each plan: Create / Missing, and so on.
  const counts = (['create', 'update', 'delete'] as const).map((a) => capitalised(actionLabel(a, purpose)));
  const header = ['Environment', 'Result', ...counts, 'Agents reached'];
  const rows = outcomes.map((o) => {
    const name = md(o.environment);
    if ('error' in o) return [name, `**${environmentResult(o, purpose)}**`, '', '', '', ''];
    const { create, update, delete: deletes, agents } = o.plan.summary;
    return [name, environmentResult(o, purpose), String(create), String(update), String(deletes), String(agents)];
  });
  return `${markdownTable(header, rows)}\n`;
}

function opening(outcome: EnvironmentOutcome, purpose: PlanPurpose): string {
  const open = 'error' in outcome || outcome.plan.problems.length > 0;
  const instanceId = 'plan' in outcome ? outcome.plan.instanceId : outcome.instanceId;
  const instance = instanceId === undefined ? '' : ` (instance ${md(instanceId)})`;
  return `<details${open ? ' open' : ''}>\n<summary><strong>${md(outcome.environment)}</strong>${instance}: ${environmentResult(outcome, purpose)}</summary>\n\n`;
}

// A blank line first, so the closing tag never reads as part of the plan's last paragraph.
const CLOSING = '\n</details>\n\n';

/** A failed environment: GitHub's CAUTION alert with the message (one quoted line per line) and the hint. */
function errorBody(outcome: Extract<EnvironmentOutcome, { error: unknown }>): string {
  const { kind, message, hint } = outcome.error;
  const lines = message.split('\n').map((l) => `> ${md(l)}\n`);
  return (
    `### Environment ${md(outcome.environment)}\n\n> [!CAUTION]\n> **Failed${kind === 'internal' ? ' (internal error)' : ''}:**\n>\n` +
    `${lines.join('')}>\n> ${md(hint)}\n`
  );
}

function planBody(outcome: PlannedEnvironment, purpose: PlanPurpose, share: number, commentLength: number): string {
  return renderPlanMarkdown(environmentPlan(outcome), {
    title: `Environment ${outcome.environment}`,
    headingLevel: 3,
    purpose,
    maxLength: share,
    // The reader knows the comment's limit, not this section's share of it; and one environment is enough to rerun.
    truncation: { limit: `${limitPhrase(commentLength)} of this comment`, command: `connect-gitops ${purpose} --env ${outcome.environment}` },
  });
}

/**
 * Shares `budget` among sections wanting `wanted[i]` characters: the smallest are served whole first, and what
 * they leave goes to the larger ones (no share is below an equal split of what remains). When everything fits,
 * every section gets what it wants: the smallest of those left never wants more than an equal split.
 */
export function shareBudget(wanted: readonly number[], budget: number): number[] {
  const shares = wanted.map(() => 0);
  const order = wanted.map((_, i) => i).sort((a, b) => (wanted[a] ?? 0) - (wanted[b] ?? 0));
  let left = Math.max(0, budget);
  order.forEach((index, done) => {
    const share = Math.min(wanted[index] ?? 0, Math.floor(left / (order.length - done)));
    shares[index] = share;
    left -= share;
  });
  return shares;
}

export function renderEnvironmentsMarkdown(outcomes: readonly EnvironmentOutcome[], options: EnvironmentsMarkdownOptions): string {
  const { purpose } = options;
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const head = `## ${DEFAULT_TITLE[purpose]}: ${countOf(outcomes.length, 'environment')}\n\n${summaryTable(outcomes, purpose)}`;
  // Everything but the plans is kept whole (a failure's message included); the plans share what is left.
  const frames = outcomes.map((o) => `${opening(o, purpose)}${'error' in o ? errorBody(o) : ''}`);
  const full = outcomes.map((o) => ('plan' in o ? planBody(o, purpose, Number.MAX_SAFE_INTEGER, maxLength) : ''));
  const budget = maxLength - head.length - frames.reduce((n, f) => n + f.length + CLOSING.length, 0);
  const wanted = full.map((b) => b.length);
  const shares = shareBudget(wanted, budget);
  const sections = outcomes.map((o, i) => {
    const whole = full[i] ?? '';
    const share = shares[i] ?? 0;
    const body = 'plan' in o && share < whole.length ? planBody(o, purpose, share, maxLength) : whole;
    return `${frames[i] ?? ''}${body}${CLOSING}`;
  });
  // Only a run whose headings and errors alone exceed the bound gets here cut; the bound holds either way.
  return fit(`${head}${sections.join('')}`, maxLength);
}
