import { loadDesiredWithWarnings, planAgainstLive } from '../current-plan.js';
import { openWriteSession } from '../connect-session.js';
import { requireInstance, resolveTarget, type TargetFlagsInput } from '../target.js';
import { assertSavedPlanApplies, readSavedPlan } from '../saved-plan.js';
import { confirmApply } from '../prompt.js';
import { EXIT_ERROR, EXIT_OK } from '../exit.js';
import { hasChanges } from './plan.js';
import { UserInputError } from '../../errors.js';
import { applyPlan } from '../../apply/apply.js';
import { verifyApply } from '../../apply/verify.js';
import { renderApplyResultText, renderPlanText } from '../../render/index.js';
import type { CommandContext } from './context.js';

export interface ApplyFlags extends TargetFlagsInput {
  plan?: string;
  autoApprove: boolean;
}

export async function applyCommand(ctx: CommandContext, flags: ApplyFlags, signal: AbortSignal): Promise<number> {
  const target = resolveTarget(flags, ctx.env, ctx.cwd);
  const desired = await loadDesiredWithWarnings(target.dir, ctx.logger);
  const saved = flags.plan ? readSavedPlan(flags.plan) : undefined;
  const session = openWriteSession(target, requireInstance(target), ctx.logger);
  const current = await planAgainstLive(desired, session.reader, session.instanceId);
  // A saved plan is accepted only when it equals the one just computed, so what is sent is what was reviewed.
  if (saved) assertSavedPlanApplies(saved, current.plan, target.dir);
  const plan = current.plan;

  if (!hasChanges(plan)) {
    ctx.stdout(renderPlanText(plan, { color: false, purpose: 'plan' }));
    return EXIT_OK;
  }
  // A saved plan was reviewed already; otherwise a person must see it and say yes (Terraform's rule).
  if (!saved && !flags.autoApprove) {
    if (!ctx.stdinIsTty) {
      throw new UserInputError('apply needs approval, and there is no terminal to ask', [], 'Pass --auto-approve, or apply a reviewed plan with --plan plan.json.');
    }
    ctx.stdout(renderPlanText(plan, { color: ctx.stdoutIsTty && !ctx.env.NO_COLOR, purpose: 'plan' }));
    if (!(await confirmApply())) {
      ctx.stdout('\nApply cancelled.\n');
      return EXIT_ERROR;
    }
    ctx.stdout('\n');
  }

  const applied = await applyPlan(plan, session.writer, session.reader, { signal, logger: ctx.logger });
  // Never throws: a re-read that fails is reported beside what apply did, not instead of it.
  const result = await verifyApply(applied, async () => (await planAgainstLive(desired, session.reader, session.instanceId)).plan);
  ctx.stdout(renderApplyResultText(result));
  const failed = result.changes.some((c) => c.outcome === 'failed' || c.outcome === 'skipped');
  return result.converged && !failed && !result.interrupted ? EXIT_OK : EXIT_ERROR;
}
