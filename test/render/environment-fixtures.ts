// Outcomes of runs over several environments, built from the single-plan fixtures so the golden files pin the
// multi-environment framing alone.
import type { EnvironmentOutcome } from '../../src/render/environments.js';
import type { Plan } from '../../src/plan/types.js';
import { goldenPlan, HOSTILE, hostilePlan, noChangesPlan, prunePlan } from './fixtures.js';

const on = (plan: Plan, instanceId: string): Plan => ({ ...plan, instanceId });

/** dev has changes, test has none, prod could not be read (credentials of the wrong account). */
export function threeEnvironments(): EnvironmentOutcome[] {
  return [
    { environment: 'dev', plan: on(goldenPlan(), 'inst-dev') },
    { environment: 'test', plan: on(noChangesPlan(), 'inst-test') },
    {
      environment: 'prod',
      instanceId: 'inst-prod',
      error: {
        kind: 'aws',
        message: 'ListRoutingProfiles failed: AccessDeniedException: User: arn:aws:sts::111111111111:assumed-role/ci is not authorized',
        hint: 'Check the credentials and IAM permissions for this instance (design.md lists the actions needed).',
      },
    },
  ];
}

/** Blocking problems in one environment, an internal error with several lines in another. */
export function blockedEnvironments(): EnvironmentOutcome[] {
  return [
    { environment: 'dev', plan: on(prunePlan(), 'inst-dev') },
    {
      environment: 'test',
      error: { kind: 'internal', message: 'plan invariant broken\nchange for "Tier1" listed twice', hint: 'This is a bug in connect-gitops; please report it with the output above.' },
    },
  ];
}

/** A name and an error message that try to repaint a terminal, reorder text, ping a team or break Markdown. */
export const HOSTILE_ENVIRONMENT = `prod\u001b[2J|<b>@team #1\u202e`;

export function hostileEnvironments(): EnvironmentOutcome[] {
  return [
    { environment: HOSTILE_ENVIRONMENT, plan: hostilePlan() },
    {
      environment: `${HOSTILE_ENVIRONMENT}-2`,
      instanceId: `inst\u001b[31m-2`,
      error: {
        kind: 'aws',
        message: `DescribeRoutingProfile for routing profile "${HOSTILE.ansi}" failed: ${HOSTILE.markdown}\n# not a heading ${HOSTILE.bidi}`,
        hint: `Rename ${HOSTILE.osc} in the console.`,
      },
    },
  ];
}
