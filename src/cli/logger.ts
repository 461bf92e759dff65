// Logs go to stderr so that stdout carries only the result (plan text, JSON, Markdown) and can be piped.
// pino (and pino-pretty on a terminal) load on the first log line, not at start: `validate` in a pre-commit
// hook usually logs nothing, and loading them is a good part of its start-up time.
import { createRequire } from 'node:module';
import type { Logger, pino as Pino } from 'pino';
import type PinoPretty from 'pino-pretty';
import { UserInputError } from '../errors.js';
import { escapeControl } from '../render/escape.js';
import { escapeControlDeep } from './control-chars.js';

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
  // Checked now, not at the first log line: a bad LOG_LEVEL is the user's mistake to hear about at once.
  const level = logLevelFrom(env);
  let logger: Logger | undefined;
  const real = (): Logger => (logger ??= buildLogger(level, stderrIsTty));
  return new Proxy({} as Logger, {
    get(_target, property) {
      const value: unknown = Reflect.get(real(), property);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real()) : value;
    },
    set(_target, property, value) {
      return Reflect.set(real(), property, value);
    },
  });
}

function buildLogger(level: string, stderrIsTty: boolean): Logger {
  // Created here, not at load: it starts the CommonJS loader, which `validate` otherwise never needs.
  const require = createRequire(import.meta.url);
  const { pino } = require('pino') as { pino: typeof Pino };
  const options = {
    level,
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Messages and fields carry names read from Connect: a control character in one must not reach the
    // terminal or the CI log raw (JSON escapes C0 only; pino-pretty prints the message as it is).
    formatters: { log: (record: Record<string, unknown>) => escapeControlDeep(record) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? escapeControl(a) : a)));
      },
    },
  };
  // Pretty only for a person at a terminal; CI log collectors get one JSON object per line.
  if (stderrIsTty) {
    const pretty = require('pino-pretty') as typeof PinoPretty;
    return pino(options, pretty({ destination: 2, colorize: true, sync: true, ignore: 'pid,hostname' }));
  }
  return pino(options, pino.destination({ dest: 2, sync: true }));
}
