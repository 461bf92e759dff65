// Progress on stderr for the parts of a run that take time (reading live state, sending writes, verifying).
// On a terminal: one line redrawn in place, only once a step has taken long enough to wonder about. Without a
// terminal (CI): a log line every ~10 s, so a long job shows it is alive without flooding the log.
const SHOW_AFTER_MS = 2000;
const REDRAW_EVERY_MS = 100;
export const LOG_EVERY_MS = 10_000;

/** Where progress is drawn: stderr, or (several environments at once) a stream that is never a terminal. */
export type ProgressStream = Pick<NodeJS.WriteStream, 'isTTY' | 'write'>;

export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export interface ProgressOptions {
  /** What is counted ("profiles", "calls"). */
  unit?: string;
  /** Without a terminal: where the periodic line goes (normally the logger). Silent when absent. */
  log?: (message: string, fields: { done: number; total: number }) => void;
  logEveryMs?: number;
}

/**
 * How often a run without a terminal logs its progress. CONNECT_GITOPS_PROGRESS_INTERVAL_MS shortens it (a
 * test cannot wait ten seconds; a very slow log collector may want it longer).
 */
export function progressInterval(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.CONNECT_GITOPS_PROGRESS_INTERVAL_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : LOG_EVERY_MS;
}

export function createProgress(
  label: string,
  stream: ProgressStream = process.stderr,
  now: () => number = Date.now,
  options: ProgressOptions = {},
): Progress {
  const unit = options.unit ?? 'profiles';
  if (!stream.isTTY) return periodicLog(label, unit, options);
  const started = now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (t - started < SHOW_AFTER_MS || t - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = t;
      drawn = true;
      stream.write(`\r${label}: ${done}/${total} ${unit}`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

function periodicLog(label: string, unit: string, options: ProgressOptions): Progress {
  const log = options.log;
  if (log === undefined) return { update() {}, finish() {} };
  let done = 0;
  let total = 0;
  // A timer rather than a check on each update: a step stuck on one slow call must still say it is alive.
  const timer = setInterval(() => log(`${label}: ${done}/${total} ${unit}`, { done, total }), options.logEveryMs ?? LOG_EVERY_MS);
  timer.unref();
  return {
    update(d, t) {
      done = d;
      total = t;
    },
    finish() {
      clearInterval(timer);
    },
  };
}

/** A one-off step announcement ("Verifying…"): a line on a terminal, a log line otherwise. */
export function announce(message: string, stream: ProgressStream, log: (message: string) => void): void {
  if (stream.isTTY) stream.write(`${message}\n`);
  else log(message);
}
