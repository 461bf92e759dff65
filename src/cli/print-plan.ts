// Prints a plan result (one environment's plan, or several environments' outcomes) in the chosen format, and
// adds its Markdown to the GitHub job summary when running in Actions.
import type { Format } from './args.js';
import type { CommandContext } from './commands/context.js';
import { appendStepSummary } from './github.js';

export interface PlanRenderings {
  text: (opts: { color: boolean }) => string;
  json: () => string;
  markdown: string;
}

export async function printPlanResult(ctx: CommandContext, format: Format, renderings: PlanRenderings): Promise<void> {
  switch (format) {
    case 'text':
      ctx.stdout(renderings.text({ color: ctx.stdoutIsTty && !ctx.env.NO_COLOR }));
      break;
    case 'json':
      ctx.stdout(renderings.json());
      break;
    case 'markdown':
      ctx.stdout(renderings.markdown);
      break;
  }
  await appendStepSummary(renderings.markdown, ctx.env);
}
