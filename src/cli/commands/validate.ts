import { loadDesiredWithWarnings } from '../current-plan.js';
import { EXIT_OK } from '../exit.js';
import type { CommandContext } from './context.js';

/** Files only: zero API calls, so it runs anywhere, even without credentials. */
export async function validateCommand(ctx: CommandContext, dir: string): Promise<number> {
  const desired = await loadDesiredWithWarnings(dir, ctx.logger);
  const files = new Set(desired.profiles.map((p) => p.source.file)).size;
  ctx.stdout(`Success! ${desired.profiles.length} routing profile${desired.profiles.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} under ${dir} ${desired.profiles.length === 1 ? 'is' : 'are'} valid.\n`);
  return EXIT_OK;
}
