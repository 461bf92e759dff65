// The CLI as a function: argv in, exit code out. main.ts binds it to the process.
// Each command's code is imported only when that command runs: `validate` in a pre-commit hook must not pay
// for loading the AWS SDK, the emulator or pino-pretty (bench: start-up ratio).
import { helpText, parseCommandLine } from './args.js';
import { reportError, EXIT_OK, EXIT_ERROR } from './exit.js';
import { createLogger } from './logger.js';
import { escapeControlLines } from './control-chars.js';
import type { CommandContext } from './commands/context.js';
// validate's own graph is small and SDK-free; importing it up front saves it a round of module loading.
import { validateCommand } from './commands/validate.js';
import { UserInputError, assertNever } from '../errors.js';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  signal?: AbortSignal;
  /** Where progress goes; process.stderr by default (it decides TTY or not). */
  progressStream?: NodeJS.WriteStream;
}

export async function run(argv: string[], opts: RunOptions = {}): Promise<number> {
  const env = opts.env ?? process.env;
  const stdout = opts.stdout ?? ((t: string) => void process.stdout.write(t));
  const stderr = opts.stderr ?? ((t: string) => void process.stderr.write(t));
  try {
    const logger = createLogger(env);
    const ctx: CommandContext = {
      logger,
      stdout,
      env,
      cwd: opts.cwd ?? process.cwd(),
      stdoutIsTty: Boolean(process.stdout.isTTY),
      stdinIsTty: Boolean(process.stdin.isTTY),
      progressStream: opts.progressStream ?? process.stderr,
    };
    const parsed = parseCommandLine(argv);
    switch (parsed.command) {
      case 'help':
        stdout(helpText(parsed.topic));
        return EXIT_OK;
      case 'version':
        stdout(`${(await import('./package-info.js')).packageVersion()}\n`);
        return EXIT_OK;
      case 'validate':
        return await validateCommand(ctx, parsed);
      case 'plan':
      case 'drift': {
        const { planCommand } = await import('./commands/plan.js');
        return await planCommand(ctx, parsed, parsed.command);
      }
      case 'apply': {
        const { applyCommand } = await import('./commands/apply.js');
        return await applyCommand(ctx, parsed, opts.signal ?? new AbortController().signal);
      }
      case 'export': {
        // Loaded on demand: no other command pays for the exporter's modules at start-up.
        const { exportCommand } = await import('./commands/export.js');
        return await exportCommand(ctx, parsed, stderr);
      }
      case 'show': {
        const { showCommand } = await import('./commands/show.js');
        return await showCommand(ctx, parsed);
      }
      case 'emulator': {
        const { emulatorCommand } = await import('./commands/emulator.js');
        return await emulatorCommand(parsed);
      }
      default:
        return assertNever(parsed, 'command');
    }
  } catch (error) {
    if (error instanceof UserInputError && env.GITHUB_ACTIONS === 'true') {
      // Workflow commands are read from stdout; they put each problem on the line it concerns in the PR.
      const { formatAnnotations } = await import('./github.js');
      for (const line of formatAnnotations(error.problems)) stdout(`${line}\n`);
    }
    const report = reportError(error, env.LOG_LEVEL === 'debug');
    // Error messages quote names and answers from Connect: never let one write raw control characters.
    stderr(escapeControlLines(report.lines.join('\n')) + '\n');
    return report.exitCode === EXIT_OK ? EXIT_ERROR : report.exitCode;
  }
}
