// plan and drift over several environments in one run (--env all, or --env repeated): each environment is
// planned concurrently with its own session, retries and statistics; environments of one account and Region
// share that account's quota buckets. One environment failing (unreachable, refused) does not stop the others:
// its error is reported in its own section, and the run exits 1.
import { BUG_HINT, InternalError, isKnownError, UserInputError } from '../errors.js';
import { renderEnvironmentsJson, renderEnvironmentsMarkdown, renderEnvironmentsText, type EnvironmentError, type EnvironmentOutcome } from '../render/environments.js';
import { instanceIdFrom, type QuotaBuckets } from '../connect/index.js';
import type { DesiredState } from '../desired/types.js';
import type { CommandContext } from './commands/context.js';
import type { PlanFlags } from './commands/plan.js';
import { reportBlocked } from './commands/plan.js';
import { openReadSession } from './connect-session.js';
import { logUnmanaged, planAgainstLive } from './current-plan.js';
import { loadDesiredForTargets } from './desired-for-targets.js';
import { environmentsExitCode } from './environments-exit.js';
import { errorParts } from './exit.js';
import { planRequest } from './plan-request.js';
import { printPlanResult } from './print-plan.js';
import { quotaBucketsFor } from './quota-groups.js';
import { requireInstance, type Target } from './target.js';

export async function planEnvironments(ctx: CommandContext, flags: PlanFlags, purpose: 'plan' | 'drift', targets: readonly Target[]): Promise<number> {
  // Everything that can fail without Connect fails before the first call, for every environment at once.
  if (flags.out !== undefined) {
    throw new UserInputError(
      `--out saves the plan of one environment (--env NAME), and this run is over several (${targets.map((t) => t.environment).join(', ')})`,
      [],
      'Save a plan per environment: connect-gitops plan --env NAME --out NAME.plan.json, then apply --env NAME --plan NAME.plan.json.',
    );
  }
  for (const target of targets) requireInstance(target);
  const desired = await loadDesiredForTargets(targets, ctx);
  const shared = quotaBucketsFor(targets);
  for (const warning of shared.warnings) ctx.logger.warn(warning);

  // desired and buckets are aligned with targets, one entry each.
  const outcomes = await Promise.all(
    targets.map((target, i) => {
      const [ownDesired, buckets] = [desired[i], shared.buckets[i]];
      if (ownDesired === undefined || buckets === undefined) throw new InternalError(`environment ${target.environment ?? ''}: no desired state or quota buckets`);
      return planOne(ctx, flags, target, ownDesired, buckets);
    }),
  );

  await printPlanResult(ctx, flags.format, {
    text: ({ color }) => renderEnvironmentsText(outcomes, { color, purpose }),
    json: () => renderEnvironmentsJson(outcomes),
    markdown: renderEnvironmentsMarkdown(outcomes, { purpose }),
  });
  for (const outcome of outcomes) {
    if ('plan' in outcome) reportBlocked(outcome.plan, ctx.logger.child({ environment: outcome.environment }));
  }
  return environmentsExitCode(outcomes, { detailedExitcode: flags.detailedExitcode });
}

/** One environment's plan, or the error that stopped it: never throws. */
async function planOne(ctx: CommandContext, flags: PlanFlags, target: Target, desired: DesiredState, buckets: QuotaBuckets): Promise<EnvironmentOutcome> {
  const environment = target.environment ?? '';
  const logger = ctx.logger.child({ environment });
  try {
    const request = await planRequest(flags, target, { cwd: ctx.cwd, logger });
    const session = openReadSession(target, requireInstance(target), logger, { buckets });
    // Concurrent reads cannot share one redrawn terminal line: each environment's progress goes to the log.
    const progressStream = { isTTY: false, write: () => true };
    const current = await planAgainstLive(desired, session.reader, session.instanceId, request, { logger, env: ctx.env, progressStream });
    logUnmanaged(current.plan, logger);
    return { environment, plan: current.plan };
  } catch (error) {
    const failure = environmentError(error);
    // A bug's stack is what its report needs: the log line carries it (the other environments carry on).
    const fields = isKnownError(error) ? { kind: failure.kind } : { kind: failure.kind, err: error };
    logger.error(fields, `environment ${environment} failed: ${failure.message.split('\n')[0] ?? ''}`);
    return { environment, ...instanceOf(target), error: failure };
  }
}

/** The instance ID the environment names (its ARN's ID), for a failed environment's heading. */
function instanceOf(target: Target): { instanceId?: string } {
  if (target.instanceId === undefined) return {};
  try {
    return { instanceId: instanceIdFrom(target.instanceId) };
  } catch {
    return { instanceId: target.instanceId };
  }
}

/** An error as one environment's outcome: the same words the run would print had it been the only one. */
export function environmentError(error: unknown): EnvironmentError {
  if (!isKnownError(error)) {
    return { kind: 'internal', message: error instanceof Error ? error.message : String(error), hint: BUG_HINT };
  }
  // The problems follow the headline here: in a section, the headline says which environment's files failed.
  const parts = errorParts(error);
  return { kind: error.kind, message: [parts.headline, ...parts.problems, ...parts.details].join('\n'), hint: parts.hint };
}
