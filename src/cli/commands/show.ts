import type { Format } from '../args.js';
import { EXIT_OK } from '../exit.js';
import { readSavedPlan } from '../saved-plan.js';
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../render/index.js';
import { assertNever } from '../../errors.js';
import type { CommandContext } from './context.js';

/** A saved plan, rendered as `plan` would have printed it; no call to Connect. */
export async function showCommand(ctx: CommandContext, flags: { file: string; format: Format }): Promise<number> {
  const { plan } = await readSavedPlan(flags.file);
  switch (flags.format) {
    case 'text':
      ctx.stdout(renderPlanText(plan, { color: ctx.stdoutIsTty && !ctx.env.NO_COLOR, purpose: 'plan' }));
      break;
    case 'json':
      ctx.stdout(renderPlanJson(plan));
      break;
    case 'markdown':
      ctx.stdout(renderPlanMarkdown(plan, { purpose: 'plan' }));
      break;
    default:
      return assertNever(flags.format, 'format');
  }
  return EXIT_OK;
}
