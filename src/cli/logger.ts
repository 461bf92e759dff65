// Logs go to stderr so that stdout carries only the result (plan text, JSON, Markdown) and can be piped.
import { pino, type Logger } from 'pino';
import type { PrettyOptions, PrettyStream } from 'pino-pretty';
import { UserInputError } from '../errors.js';
import { escapeControlChars, escapeControlDeep } from './control-chars.js';

export type { Logger };

/** Paths pino must never print, whatever the level: credentials and signed headers. */
const REDACTED_PATHS = [
  'credentials',
  '*.credentials',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
  '*.accessKeyId',
  '*.secretAccessKey',
  '*.sessionToken',
  'headers.authorization',
  'headers["x-amz-security-token"]',
  '*.headers.authorization',
  '*.headers["x-amz-security-token"]',
];

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** LOG_LEVEL, where empty (a CI variable that is not set) means the default. */
export function logLevelFrom(env: NodeJS.ProcessEnv): string {
  const level = (env.LOG_LEVEL ?? '').trim().toLowerCase() || 'info';
  if (!(LEVELS as readonly string[]).includes(level)) {
    throw new UserInputError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, not "${env.LOG_LEVEL}"`, [], 'Set LOG_LEVEL to one of those levels, or leave it unset for info.');
  }
  return level;
}

/** pino-pretty's factory; loaded only for a terminal, since it costs start-up time that CI and hooks never use. */
export type PrettyFactory = (options: PrettyOptions) => PrettyStream;

export async function loadPretty(): Promise<PrettyFactory> {
  return (await import('pino-pretty')).default;
}

export function createLogger(env: NodeJS.ProcessEnv = process.env, stderrIsTty = Boolean(process.stderr.isTTY), pretty?: PrettyFactory): Logger {
  const level = logLevelFrom(env);
  const options = {
    level,
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Messages and fields carry names read from Connect: a control character in one must not reach the
    // terminal or the CI log raw (JSON escapes C0 only; pino-pretty prints the message as it is).
    formatters: { log: (record: Record<string, unknown>) => escapeControlDeep(record) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? escapeControlChars(a) : a)));
      },
    },
  };
  // Pretty only for a person at a terminal; CI log collectors get one JSON object per line.
  if (stderrIsTty && pretty !== undefined) {
    return pino(options, pretty({ destination: 2, colorize: true, sync: true, ignore: 'pid,hostname' }));
  }
  return pino(options, pino.destination({ dest: 2, sync: true }));
}
