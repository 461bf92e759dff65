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
