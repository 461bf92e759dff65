// Several environments' plans as one JSON document: {formatVersion: 1, environments: [...]}, one element per
// environment in the order they ran.
//
// A planned environment's element is exactly the single-environment plan document (json.ts, same key order:
// formatVersion, instanceId, environment, prune, …), nested formatVersion included. That repetition is
// deliberate: `jq '.environments[] | select(.environment == "dev")'` yields byte for byte what
// `plan --env dev --format json` prints, so one reader (and one schema) serves both. A failed environment's
// element is {environment, instanceId?, error: {kind, message, hint}}; a reader tells the two apart by the
// `error` key.
import { escapeJsonText } from './escape.js';
import { environmentPlan, type EnvironmentOutcome } from './environment-outcome.js';
import { planJsonValue } from './json.js';

function outcomeJson(outcome: EnvironmentOutcome): Record<string, unknown> {
  if ('error' in outcome) {
    const { kind, message, hint } = outcome.error;
    return { environment: outcome.environment, ...(outcome.instanceId === undefined ? {} : { instanceId: outcome.instanceId }), error: { kind, message, hint } };
  }
  return planJsonValue(environmentPlan(outcome));
}

export function renderEnvironmentsJson(outcomes: readonly EnvironmentOutcome[]): string {
  const document = { formatVersion: 1, environments: outcomes.map(outcomeJson) };
  return `${escapeJsonText(JSON.stringify(document, null, 2))}\n`;
}
