import type { Logger } from '../logger.js';

/** What every command gets from main: its outputs and environment, injectable for tests. */
export interface CommandContext {
  logger: Logger;
  stdout: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdoutIsTty: boolean;
  stdinIsTty: boolean;
}
