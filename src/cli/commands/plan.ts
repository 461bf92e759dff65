import { loadDesiredWithWarnings, logUndeclared, planAgainstLive } from '../current-plan.js';
import { openReadSession } from '../connect-session.js';
import { requireInstance, resolveTarget, type TargetFlagsInput } from '../target.js';
import { writeFileAtomic } from '../atomic-write.js';
import { appendStepSummary } from '../github.js';
import { EXIT_CHANGES, EXIT_OK } from '../exit.js';
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../render/index.js';
import type { Plan } from '../../plan/types.js';
import { UserInputError } from '../../errors.js';
import type { Format } from '../args.js';
import type { CommandContext } from './context.js';

export interface PlanFlags extends TargetFlagsInput {
  format: Format;
  out?: string;
  detailedExitcode: boolean;
}

export function hasChanges(plan: Plan): boolean {
  return plan.summary.create + plan.summary.update > 0;
}

/** `plan` and `drift` are one code path: drift is a plan whose purpose is reporting. */
export async function planCommand(ctx: CommandContext, flags: PlanFlags, purpose: 'plan' | 'drift'): Promise<number> {
  const target = resolveTarget(flags, ctx.env, ctx.cwd);
  const desired = await loadDesiredWithWarnings(target.dir, ctx.logger);
  const session = openReadSession(target, requireInstance(target), ctx.logger);
  const { plan, live } = await planAgainstLive(desired, session.reader, session.instanceId);
  logUndeclared(desired, live, ctx.logger);

  if (flags.out) {
    try {
      writeFileAtomic(flags.out, renderPlanJson(plan));
    } catch (e) {
      // A folder that does not exist or cannot be written is the user's to fix, not a bug to report.
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new UserInputError(`cannot write the plan to ${flags.out}: ${reason}`, [], 'Pass --out a path in an existing, writable folder.');
    }
    ctx.logger.info({ file: flags.out }, `saved the plan to ${flags.out}; apply it with: connect-gitops apply --plan ${flags.out}`);
  }
  const markdown = renderPlanMarkdown(plan, { purpose });
  switch (flags.format) {
    case 'text':
      ctx.stdout(renderPlanText(plan, { color: ctx.stdoutIsTty && !ctx.env.NO_COLOR, purpose }));
      break;
    case 'json':
      ctx.stdout(renderPlanJson(plan));
      break;
    case 'markdown':
      ctx.stdout(markdown);
      break;
  }
  await appendStepSummary(markdown, ctx.env);
  return flags.detailedExitcode && hasChanges(plan) ? EXIT_CHANGES : EXIT_OK;
}
