import { planAgainstLive, type PlanRequest } from '../current-plan.js';
import { loadDesiredForTarget } from '../desired-for-targets.js';
import { openWriteSession } from '../connect-session.js';
import { requireInstance, resolveTarget, type TargetFlagsInput } from '../target.js';
import { assertPlanForEnvironment, readSavedPlan, type SavedPlan } from '../saved-plan.js';
import { assertSavedPlanApplies } from '../stale-plan.js';
import { confirmApply } from '../prompt.js';
import { EXIT_ERROR, EXIT_OK, reportError } from '../exit.js';
import { checkApprovalPossible, checkEndpointVariable } from '../preflight.js';
import { targetRequest } from '../plan-request.js';
import { announce, createProgress, progressInterval } from '../progress.js';
import { withWriteProgress } from '../write-progress.js';
import { hasChanges } from '../../plan/has-changes.js';
import { reportBlocked } from './plan.js';
import type { ResultFormat } from '../args.js';
import type { Plan } from '../../plan/types.js';
import { applyPlan } from '../../apply/apply.js';
import type { ApplyResult, Verification } from '../../apply/types.js';
import { verifyConverged } from '../../apply/verify.js';
import { renderApplyResultText, renderPlanText } from '../../render/index.js';
import { renderApplyResultJson } from '../../render/apply-result-json.js';
import { forEnvironment, type CommandContext } from './context.js';

export interface ApplyFlags extends TargetFlagsInput {
  plan?: string;
  autoApprove: boolean;
  prune?: boolean;
  format: ResultFormat;
}

/** A saved plan is re-planned exactly as it was made: same prune, same scope. */
function requestFor(saved: SavedPlan | undefined, fromFlags: PlanRequest): PlanRequest {
  if (saved === undefined) return fromFlags;
  const names = saved.scopedProfiles;
  return {
    ...fromFlags,
    prune: saved.plan.prune ?? false,
    ...(names === undefined ? {} : { scope: { changedSince: saved.plan.scope?.changedSince ?? '', names: new Set(names) } }),
  };
}

function succeeded(result: ApplyResult): boolean {
  const unfinished = result.changes.some((c) => c.outcome === 'failed' || c.outcome === 'skipped' || c.outcome === 'blocked');
  return result.converged && !unfinished && !result.interrupted;
}

export async function applyCommand(ctx: CommandContext, flags: ApplyFlags, signal: AbortSignal): Promise<number> {
  const target = resolveTarget(flags, ctx.env, ctx.cwd);
  ctx = forEnvironment(ctx, target.environment);
  // Everything that can fail without Connect fails before the first read.
  checkApprovalPossible(flags, ctx.stdinIsTty);
  if (!target.ignoreShellEndpoint && target.endpointUrl === undefined) checkEndpointVariable(ctx.env);
  const desired = await loadDesiredForTarget(target, ctx);
  const saved = flags.plan ? await readSavedPlan(flags.plan) : undefined;
  if (saved && flags.plan) assertPlanForEnvironment(saved, flags.plan, target.environment);
  const instance = requireInstance(target);
  const request = requestFor(saved, targetRequest(flags.prune, target));
  const session = openWriteSession(target, instance, ctx.logger);
  const current = await planAgainstLive(desired, session.reader, session.instanceId, request, ctx);
  // A saved plan is accepted only when it equals the one just computed, so what is sent is what was reviewed.
  if (saved) assertSavedPlanApplies(saved, current.plan, current.snapshot, target.dir);
  const plan = current.plan;
  const color = ctx.stdoutIsTty && !ctx.env.NO_COLOR;
  // Under --format json stdout carries only the result; the plan a person should see goes to stderr.
  const showPlan = (text: string) => (flags.format === 'json' ? ctx.progressStream.write(text) : ctx.stdout(text));

  if (!hasChanges(plan) && plan.problems.length === 0) {
    if (flags.format === 'json') {
      ctx.stdout(renderApplyResultJson({ changes: [], converged: true, notConverged: [], interrupted: false, verification: { status: 'converged' } }, { instanceId: plan.instanceId }));
    } else {
      ctx.stdout(renderPlanText(plan, { color: false, purpose: 'plan' }));
    }
    return EXIT_OK;
  }
  if (!saved) {
    // A person sees the plan before anything is sent, approved by hand or not (Terraform prints it too).
    showPlan(renderPlanText(plan, { color: flags.format === 'json' ? false : color, purpose: 'plan' }));
    if (!flags.autoApprove) {
      if (!(await confirmApply())) {
        ctx.stdout('\nApply cancelled.\n');
        return EXIT_ERROR;
      }
    }
    showPlan('\n');
  }

  const progressLog = { log: (message: string, fields: object) => ctx.logger.info(fields, message), logEveryMs: progressInterval(ctx.env) };
  const progress = createProgress('Applying', ctx.progressStream, Date.now, { ...progressLog, unit: 'calls' });
  let result: ApplyResult;
  try {
    const writer = withWriteProgress(session.writer, progress, plan.summary.calls);
    result = await applyPlan(plan, writer, session.reader, { signal, logger: ctx.logger });
  } finally {
    progress.finish();
  }
  // Blocked changes stay different by design: the check after apply reports them but does not wait for them.
  const blocked = plan.changes.filter((c) => c.blocked !== undefined).map((c) => c.name);
  result.verification = await verify(result, ctx, blocked, async () => (await planAgainstLive(desired, session.reader, session.instanceId, request, ctx)).plan);
  if (result.verification.status === 'not-converged') result.notConverged = result.verification.notConverged;
  result.converged = result.verification.status === 'converged';

  ctx.stdout(flags.format === 'json' ? renderApplyResultJson(result, { instanceId: plan.instanceId, environment: plan.environment }) : renderApplyResultText(result));
  // The report is printed first, whatever happened to the check after it: what was done is never hidden. The
  // text report says so itself; beside JSON on stdout, a person reading the log hears it on stderr.
  if (flags.format === 'json' && (result.verification.status === 'failed' || result.verification.status === 'not-run')) {
    const why = result.verification.status === 'failed' ? result.verification.error : result.verification.reason;
    ctx.logger.error({ verification: result.verification.status }, `the check after apply could not run: ${why}. What apply did is reported above; run connect-gitops plan to see where live stands.`);
  }
  const anyBlocked = reportBlocked(plan, ctx.logger);
  return succeeded(result) && !anyBlocked ? EXIT_OK : EXIT_ERROR;
}

/** The re-read after apply; it never throws, so a failure of it cannot swallow the report of what apply did. */
async function verify(result: ApplyResult, ctx: CommandContext, blocked: readonly string[], replan: () => Promise<Plan>): Promise<Verification> {
  if (result.interrupted) return { status: 'not-run', reason: 'apply was interrupted' };
  if (result.unreachable) return { status: 'not-run', reason: 'Connect stopped answering during apply' };
  announce('Verifying: re-reading live state to check it matches the files', ctx.progressStream, (m) => ctx.logger.info(m));
  const unfinished = new Set([...blocked, ...result.changes.filter((c) => c.outcome !== 'done' && c.outcome !== 'unchanged' && c.outcome !== 'adopted').map((c) => c.name)]);
  try {
    const v = await verifyConverged(replan, { unfinished });
    return v.converged ? { status: 'converged' } : { status: 'not-converged', notConverged: v.notConverged };
  } catch (e) {
    // The first line of the usual error report: what failed and how, without a stack.
    return { status: 'failed', error: (reportError(e).lines[0] ?? String(e)).replace(/^Error: /, '') };
  }
}
