// Logs go to stderr so that stdout carries only the result (plan text, JSON, Markdown) and can be piped.
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { UserInputError } from '../errors.js';

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

export function createLogger(env: NodeJS.ProcessEnv = process.env, stderrIsTty = Boolean(process.stderr.isTTY)): Logger {
  const level = logLevelFrom(env);
  const options = { level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  // Pretty only for a person at a terminal; CI log collectors get one JSON object per line.
  if (stderrIsTty) {
    return pino(options, pretty({ destination: 2, colorize: true, sync: true, ignore: 'pid,hostname' }));
  }
  return pino(options, pino.destination({ dest: 2, sync: true }));
}
