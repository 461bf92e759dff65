import type { Logger } from '../logger.js';

/** What every command gets from main: its outputs and environment, injectable for tests. */
export interface CommandContext {
  logger: Logger;
  stdout: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTty: boolean;
  stdinIsTty: boolean;
  /** Progress lines (stderr): redrawn in place on a terminal, a log line every ~10 s otherwise. */
  progressStream: NodeJS.WriteStream;
}

/** The context of a run on one environment: every log line carries its name, as in a run over several. */
export function forEnvironment(ctx: CommandContext, environment: string | undefined): CommandContext {
  return environment === undefined ? ctx : { ...ctx, logger: ctx.logger.child({ environment }) };
}
