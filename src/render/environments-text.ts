// Several environments' plans for a terminal: each under its own `== Environment dev (instance …) ==` heading,
// followed by the usual plan text (renderPlanText, unchanged), or by the error that stopped it and its hint;
// then one line summing up the run. Names, instance IDs and error messages are escaped like any live value.
import { escapeControl } from './escape.js';
import { environmentPlan, environmentResult, type EnvironmentError, type EnvironmentOutcome } from './environment-outcome.js';
import { countOf } from './format.js';
import type { PlanPurpose } from './purpose.js';
import { type Paint, painter, renderPlanText } from './text.js';

export interface EnvironmentsTextOptions {
  color: boolean;
  purpose: PlanPurpose;
}

/** The error's own lines, each escaped (a message may list several problems, one a line), then the hint. */
function errorLines(error: EnvironmentError, paint: Paint): string[] {
  const [first = '', ...rest] = error.message.split('\n').map(escapeControl);
  const internal = error.kind === 'internal' ? 'internal: ' : '';
  return [`${paint('Error:', 'red')} ${internal}${first}`, ...rest, escapeControl(error.hint)];
}

function section(outcome: EnvironmentOutcome, options: EnvironmentsTextOptions, paint: Paint): string {
  const name = escapeControl(outcome.environment);
  if ('error' in outcome) {
    const instance = outcome.instanceId === undefined ? '' : ` (instance ${escapeControl(outcome.instanceId)})`;
    return `${paint(`== Environment ${name}${instance}: failed ==`, 'red')}\n\n${errorLines(outcome.error, paint).join('\n')}\n`;
  }
  const plan = environmentPlan(outcome);
  const heading = paint(`== Environment ${name} (instance ${escapeControl(plan.instanceId)}) ==`, 'bold');
  return `${heading}\n\n${renderPlanText(plan, options)}`;
}

/** The line closing a run: "3 environments: dev 2 to change, test no changes, prod failed." */
export function environmentsSummary(outcomes: readonly EnvironmentOutcome[], purpose: PlanPurpose): string {
  const parts = outcomes.map((o) => `${escapeControl(o.environment)} ${environmentResult(o, purpose)}`);
  return `${countOf(outcomes.length, 'environment')}${parts.length === 0 ? '' : `: ${parts.join(', ')}`}.`;
}

export function renderEnvironmentsText(outcomes: readonly EnvironmentOutcome[], options: EnvironmentsTextOptions): string {
  const paint = painter(options.color);
  const sections = outcomes.map((o) => section(o, options, paint));
  return `${[...sections, `${paint(environmentsSummary(outcomes, options.purpose), 'bold')}\n`].join('\n')}`;
}
