// Logs go to stderr so that stdout carries only the result (plan text, JSON, Markdown) and can be piped.
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

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

export function createLogger(env: NodeJS.ProcessEnv = process.env, stderrIsTty = Boolean(process.stderr.isTTY)): Logger {
  const level = env.LOG_LEVEL ?? 'info';
  const options = { level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  // Pretty only for a person at a terminal; CI log collectors get one JSON object per line.
  if (stderrIsTty) {
    return pino(options, pretty({ destination: 2, colorize: true, sync: true, ignore: 'pid,hostname' }));
  }
  return pino(options, pino.destination({ dest: 2, sync: true }));
}
