import { logUnmanaged, planAgainstLive } from '../current-plan.js';
import { loadDesiredForTarget } from '../desired-for-targets.js';
import { openReadSession } from '../connect-session.js';
import { asksForSeveralEnvironments, requireInstance, resolveTargets, type TargetFlagsInput } from '../target.js';
import { writeFileAtomic } from '../atomic-write.js';
import { printPlanResult } from '../print-plan.js';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK } from '../exit.js';
import { checkEndpointVariable, checkOutputFolder } from '../preflight.js';
import { planRequest } from '../plan-request.js';
import { encodeSavedPlan } from '../saved-plan.js';
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../render/index.js';
import { hasChanges } from '../../plan/has-changes.js';
import type { Plan } from '../../plan/types.js';
import { InternalError, UserInputError } from '../../errors.js';
import type { Format } from '../args.js';
import type { Logger } from '../logger.js';
import { forEnvironment, type CommandContext } from './context.js';

export interface PlanFlags extends TargetFlagsInput {
  format: Format;
  out?: string;
  detailedExitcode: boolean;
  prune?: boolean;
  changedSince?: string;
}

/**
 * Blocked work (a profile agents still use, another owner's profile, the profile quota): the plan is printed
 * whole, then the run fails, so the pull request turns red before merge (design.md, "Blocked work is exit 1").
 */
export function reportBlocked(plan: Plan, logger: Logger): boolean {
  for (const problem of plan.problems) logger.error({ kind: problem.kind, profile: problem.name }, `blocked: ${problem.message}`);
  return plan.problems.length > 0;
}

/** `plan` and `drift` are one code path: drift is a plan whose purpose is reporting. */
export async function planCommand(ctx: CommandContext, flags: PlanFlags, purpose: 'plan' | 'drift'): Promise<number> {
  const targets = resolveTargets(flags, ctx.env, ctx.cwd);
  const [target, ...others] = targets;
  if (target === undefined) throw new InternalError('no target resolved');
  if (others.length > 0 || asksForSeveralEnvironments(flags)) {
    // Several environments at once: their own module, loaded only then.
    const { planEnvironments } = await import('../plan-environments.js');
    return planEnvironments(ctx, flags, purpose, targets);
  }
  ctx = forEnvironment(ctx, target.environment);
  if (!target.ignoreShellEndpoint && target.endpointUrl === undefined) checkEndpointVariable(ctx.env);
  checkOutputFolder(flags.out, ctx.cwd);
  const desired = await loadDesiredForTarget(target, ctx);
  const instance = requireInstance(target);
  const request = await planRequest(flags, target, ctx);
  const session = openReadSession(target, instance, ctx.logger);
  const current = await planAgainstLive(desired, session.reader, session.instanceId, request, ctx);
  const plan = current.plan;
  logUnmanaged(plan, ctx.logger);

  if (flags.out) {
    try {
      writeFileAtomic(flags.out, encodeSavedPlan({ plan, live: current.snapshot, scopedProfiles: current.scopedProfiles }));
    } catch (e) {
      // A folder that cannot be written is the user's to fix, not a bug to report.
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new UserInputError(`cannot write the plan to ${flags.out}: ${reason}`, [], 'Pass --out a path in an existing, writable folder.');
    }
    const env = target.environment === undefined ? '' : ` --env ${target.environment}`;
    ctx.logger.info({ file: flags.out }, `saved the plan to ${flags.out}; apply it with: connect-gitops apply${env} --plan ${flags.out}`);
  }
  await printPlanResult(ctx, flags.format, {
    text: ({ color }) => renderPlanText(plan, { color, purpose }),
    json: () => renderPlanJson(plan),
    markdown: renderPlanMarkdown(plan, { purpose }),
  });
  if (reportBlocked(plan, ctx.logger)) return EXIT_ERROR;
  return flags.detailedExitcode && hasChanges(plan) ? EXIT_CHANGES : EXIT_OK;
}
