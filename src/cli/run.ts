// The CLI as a function: argv in, exit code out. main.ts binds it to the process.
import { parseCommandLine, USAGE } from './args.js';
import { reportError, EXIT_OK, EXIT_ERROR } from './exit.js';
import { createLogger } from './logger.js';
import { formatAnnotations } from './github.js';
import { packageVersion } from './package-info.js';
import { resolveTarget } from './target.js';
import { validateCommand } from './commands/validate.js';
import { planCommand } from './commands/plan.js';
import { applyCommand } from './commands/apply.js';
import { emulatorCommand } from './commands/emulator.js';
import type { CommandContext } from './commands/context.js';
import { UserInputError, assertNever } from '../errors.js';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  signal?: AbortSignal;
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
    };
    const parsed = parseCommandLine(argv);
    switch (parsed.command) {
      case 'help':
        stdout(USAGE);
        return EXIT_OK;
      case 'version':
        stdout(`${packageVersion()}\n`);
        return EXIT_OK;
      case 'validate':
        return await validateCommand(ctx, resolveTarget({ dir: parsed.dir }, env, ctx.cwd).dir);
      case 'plan':
      case 'drift':
        return await planCommand(ctx, parsed, parsed.command);
      case 'apply':
        return await applyCommand(ctx, parsed, opts.signal ?? new AbortController().signal);
      case 'export': {
        // Loaded on demand: no other command pays for the exporter's modules at start-up.
        const { exportCommand } = await import('./commands/export.js');
        return await exportCommand(ctx, parsed, stderr);
      }
      case 'emulator':
        return await emulatorCommand(parsed);
      default:
        return assertNever(parsed, 'command');
    }
  } catch (error) {
    if (error instanceof UserInputError && env.GITHUB_ACTIONS === 'true') {
      // Workflow commands are read from stdout; they put each problem on the line it concerns in the PR.
      for (const line of formatAnnotations(error.problems)) stdout(`${line}\n`);
    }
    const report = reportError(error, env.LOG_LEVEL === 'debug');
    stderr(report.lines.join('\n') + '\n');
    return report.exitCode === EXIT_OK ? EXIT_ERROR : report.exitCode;
  }
}
