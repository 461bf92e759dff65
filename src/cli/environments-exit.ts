// The exit code of a run over several environments (issue #11): 1 if any environment failed or any plan has
// blocking problems, else 2 if any has changes and changes are reported (plan --detailed-exitcode, drift), else
// 0. The same rule as one environment's plan, applied to the worst of them.
import { hasChanges } from '../plan/has-changes.js';
import type { EnvironmentOutcome } from '../render/environments.js';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK } from './exit.js';

export function environmentsExitCode(outcomes: readonly EnvironmentOutcome[], options: { detailedExitcode: boolean }): number {
  if (outcomes.some((o) => 'error' in o || o.plan.problems.length > 0)) return EXIT_ERROR;
  return options.detailedExitcode && outcomes.some((o) => 'plan' in o && hasChanges(o.plan)) ? EXIT_CHANGES : EXIT_OK;
}
